// Issue 3's figures: a station with 200 posts × 12 months of daily attendance and 50 training
// sessions × 40 trainees × 20 half-days, then the p95 of what the clerk does with them.
import type { Core, Session } from '../src-main/core/core';
import { fakeResidents } from '../src-main/core/station/demo';
import type { AssignmentDoc, AttendanceDoc, EnrolmentDoc, PostDoc, SignInDoc, TrainingDoc } from '../src-main/core/store/docs';
import { randomId } from '../src-main/core/residents/identity';
import { timed } from './stats';
import { ID_PREFIX, docId } from '../shared/documents/registry';

const PLACE = '370102001002';
const POSTS = 200;
const BIG_POST_HOLDERS = 50;
const SESSIONS = 50;
const TRAINEES = 40;
const HALF_DAYS = 20;



function day(offset: number, from: Date): string {
  const d = new Date(from);
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function benchPostsAndTraining(core: Core, session: Session) {
  const user = session.user!;
  const today = core.today();
  const stamp = { schemaVersion: 1, placeCode: PLACE, createdBy: user.loginName, createdAt: core.now(), updatedBy: user.loginName, updatedAt: core.now() };
  const seedStart = performance.now();

  // People: holders and trainees, registered like any resident.
  const peopleCount = POSTS + BIG_POST_HOLDERS + SESSIONS * TRAINEES;
  // Their ID numbers carry 历城区's address code (370112), which no other seeded resident has.
  await core.seedResidents(fakeResidents(peopleCount, { placeCode: '370112001001', today, seed: 77 }), user);
  // Found by reading the stored residents (a search by a middle fragment of the ID number finds
  // nothing since issue 15, and a search by whole numbers would be audited).
  const all: string[] = [];
  let startkey: string = ID_PREFIX.resident;
  for (;;) {
    const page = await core.db.allDocs<{ idNumber?: string }>({ startkey, endkey: `${ID_PREFIX.resident}\ufff0`, include_docs: true, limit: 5000, skip: startkey === ID_PREFIX.resident ? 0 : 1 });
    if (page.rows.length === 0) break;
    for (const row of page.rows) if (row.doc?.idNumber?.startsWith('370112')) all.push(row.id);
    startkey = page.rows[page.rows.length - 1]!.id;
  }
  all.sort();

  // 200 posts with one holder each and a year of daily marks; one more post with 50 holders.
  const docs: object[] = [];
  const year = Array.from({ length: 365 }, (_, i) => day(-365 + i, new Date(`${today}T12:00:00`)));
  const postIds: string[] = [];
  for (let p = 0; p <= POSTS; p++) {
    const code = p === POSTS ? 'BIG' : `P${String(p).padStart(3, '0')}`;
    const postId = docId.post(PLACE, code);
    postIds.push(postId);
    const post: PostDoc = {
      _id: postId, type: 'post', ...stamp, code, name: `岗位${code}`, kind: 'rural', category: 'ruralCleaning',
      employer: { name: '解放路街道办事处', creditCode: '' }, plannedHoursPerMonth: 80, payPerMonthFen: 160_000,
      startDate: year[0]!, endDate: day(365, new Date(`${today}T12:00:00`)),
    };
    docs.push(post);
    const holders = p === POSTS ? all.slice(POSTS, POSTS + BIG_POST_HOLDERS) : [all[p]!];
    for (const residentId of holders) {
      const assignment: AssignmentDoc = {
        _id: docId.assignment(postId, residentId, year[0]!), type: 'assignment', ...stamp, postId, residentId,
        startDate: year[0]!, endDate: post.endDate, contractNo: `HT-${code}`, override: null,
      };
      docs.push(assignment);
      const days = p === POSTS ? year.slice(-62) : year;
      for (const date of days) {
        const weekend = [0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay());
        const mark: AttendanceDoc = {
          _id: docId.attendance(postId, residentId, date), type: 'attendance', ...stamp, postId, residentId, date,
          mark: weekend ? 'rest' : 'present', hours: weekend ? 0 : 4, history: [],
        };
        docs.push(mark);
      }
    }
  }

  // 50 sessions × 40 trainees × 20 half-days of sign-ins; the last one runs today.
  const sessionIds: string[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    const isToday = s === SESSIONS - 1;
    const dates = isToday ? [today] : Array.from({ length: HALF_DAYS / 2 }, (_, i) => day(-300 + s * 5 + i, new Date(`${today}T12:00:00`)));
    const timetable = dates.flatMap((date) => [
      { date, half: 'am' as const, start: '00:00', end: '11:59', classHours: 3 },
      { date, half: 'pm' as const, start: '12:00', end: '23:59', classHours: 3 },
    ]);
    const id = docId.training(PLACE, randomId(16));
    sessionIds.push(id);
    const training: TrainingDoc = {
      _id: id, type: 'training', ...stamp, course: { occupation: `工种${s}`, level: 'level5' },
      provider: { name: '济南市历下区职业培训学校', creditCode: '91350100M000100Y43' }, teachers: ['李老师'], place: '社区活动中心',
      startDate: dates[0]!, endDate: dates[dates.length - 1]!, timetable, plannedTrainees: TRAINEES,
    };
    docs.push(training);
    const trainees = isToday ? all.slice(POSTS + BIG_POST_HOLDERS).slice(0, 400) : all.slice(POSTS + BIG_POST_HOLDERS + s * TRAINEES, POSTS + BIG_POST_HOLDERS + (s + 1) * TRAINEES);
    for (const residentId of trainees) {
      const enrolment: EnrolmentDoc = { _id: docId.enrolment(id, residentId), type: 'enrolment', ...stamp, sessionId: id, residentId };
      docs.push(enrolment);
      if (isToday) continue;
      for (const slot of timetable) {
        const signIn: SignInDoc = {
          _id: docId.signIn(id, slot.date, slot.half, residentId), type: 'signIn', ...stamp, sessionId: id, residentId, date: slot.date, half: slot.half,
          in: { at: `${slot.date}T01:00:00.000Z`, method: 'idCard', by: user.loginName, machine: 'bench' }, out: null,
        };
        docs.push(signIn);
      }
    }
  }
  for (let i = 0; i < docs.length; i += 2000) await core.db.bulkDocs(docs.slice(i, i + 2000) as { _id: string }[]);
  await core.whenIndexed(600_000);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(`seeded ${docs.length} post, attendance, training and sign-in documents (+${peopleCount} residents) in ${seedSeconds.toFixed(1)} s`);

  // One attendance cell, on the 50-holder post, a different cell each time, corrections included.
  const big = postIds[POSTS]!;
  const holders = all.slice(POSTS, POSTS + BIG_POST_HOLDERS);
  const recent = year.slice(-62, -1);
  const cell = await timed(200, (i) =>
    core.call(session, 'attendance.set', {
      postId: big,
      marks: [{ residentId: holders[i % holders.length]!, date: recent[i % recent.length]!, mark: i % 3 ? 'present' : 'personalLeave', hours: i % 3 ? 6 : 0 }],
    }),
  );
  const month = year[year.length - 2]!.slice(0, 7);
  // The first opening of a month reads its documents; later ones come from the month cache.
  const coldMonth = year[year.length - 45]!.slice(0, 7);
  const coldStart = performance.now();
  const coldGrid = await core.call(session, 'attendance.month', { postId: big, month: coldMonth });
  const gridColdMs = Math.round((performance.now() - coldStart) * 100) / 100;
  const coldCells = Object.values(coldGrid.cells).reduce((n, days) => n + Object.keys(days).length, 0);
  const grid = await timed(30, () => core.call(session, 'attendance.month', { postId: big, month }));
  const trainees = all.slice(POSTS + BIG_POST_HOLDERS).slice(0, 400);
  const todaySession = sessionIds[SESSIONS - 1]!;
  const half = new Date().getHours() < 12 ? 'am' : 'pm';
  const signIn = await timed(200, (i) => core.call(session, 'training.signIn', { sessionId: todaySession, date: today, half, method: 'list', residentId: trainees[i]! }));
  const close = await timed(
    20,
    () => core.call(session, 'attendance.closeMonth', { postId: big, month, belowMinimumReason: '基准测试：工时为模拟数据' }),
    () => core.call(session, 'attendance.reopenMonth', { postId: big, month, reason: '基准测试重新打开' }),
  );
  const rates = await timed(20, (i) => core.call(session, 'training.attendance', { sessionId: sessionIds[i % (SESSIONS - 1)]! }));
  console.log(`attendance cell save: p50 ${cell.p50} ms, p95 ${cell.p95} ms`);
  console.log(`month grid of ${BIG_POST_HOLDERS} holders: first opening ${gridColdMs} ms (${coldCells} cells read), then p50 ${grid.p50} ms, p95 ${grid.p95} ms`);
  console.log(`sign-in: p50 ${signIn.p50} ms, p95 ${signIn.p95} ms`);
  console.log(`month close (${BIG_POST_HOLDERS} holders): p50 ${close.p50} ms, p95 ${close.p95} ms`);
  console.log(`session attendance rates (${TRAINEES} trainees × ${HALF_DAYS} half-days): p50 ${rates.p50} ms, p95 ${rates.p95} ms`);
  return {
    posts_docs: docs.length,
    posts_seed_seconds: Math.round(seedSeconds * 10) / 10,
    attendance_cell_p50_ms: cell.p50,
    attendance_cell_p95_ms: cell.p95,
    month_grid_cold_ms: gridColdMs,
    month_grid_p50_ms: grid.p50,
    month_grid_p95_ms: grid.p95,
    sign_in_p50_ms: signIn.p50,
    sign_in_p95_ms: signIn.p95,
    month_close_p50_ms: close.p50,
    month_close_p95_ms: close.p95,
    session_rates_p95_ms: rates.p95,
  };
}
