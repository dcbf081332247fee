// Records for the statistics tests: registrations of every kind and group across months, a post
// with holders and marks, a training session with unequal half-days and sign-ins on their days;
// and the numbers expected from them, computed here from the inputs (not from the core).
import type { AttendanceMark } from '../../../shared/posts/schema';
import { REGISTRATION_KINDS, TARGET_GROUPS, type RegistrationKind, type TargetGroup } from '../../../shared/residents/schema';
import type { ArgsOf } from '../../../shared/rpc/handlers';
import type { StatsGroup, StatsRow } from '../../../shared/stats/contract';
import type { Core, Session } from '../core';
import { idNumber, registration } from './fixtures';
import { docId } from '../../../shared/documents/registry';

export interface SeedStation {
  core: Core;
  session: Session;
  placeCode: string;
  /** Moves the station's clock (sign-ins are taken on the class day). */
  at(iso: string): void;
}

export interface Seeded {
  placeCode: string;
  residents: { kind: RegistrationKind; date: string; groups: TargetGroup[]; id: string }[];
  assignments: { residentId: string; start: string; end: string }[];
  marks: { date: string; mark: AttendanceMark }[];
  session: { startDate: string; slots: Record<string, number>; trainees: Record<string, string[]> } | null;
}

const NAMES = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十', '褚十一', '卫十二', '蒋十三', '沈十四', '韩十五', '杨十六'];

function registrationFor(kind: RegistrationKind, date: string): ArgsOf<'residents.register'>['registration'] {
  if (kind === 'unemployment') return { kind, date, unemploymentType: 'lostJob', unemployedSince: date };
  if (kind === 'hardship') return { kind, date, hardshipCategories: ['povertyAlleviated'] };
  return { kind, date };
}

/**
 * Registers `count` residents (kinds and groups cycling, dates spread over 2025-06..2026-11),
 * and with `withPostsAndTraining` a post (2 holders, marks) and a session (3 trainees).
 * `seq` keeps ID numbers apart between stations.
 */
export async function seedStation(
  st: SeedStation,
  seq: number,
  count: number,
  withPostsAndTraining: boolean,
  village = st.placeCode,
  /** Class hours of the session's three half-days (unequal by default). */
  hours: [number, number, number] = [2, 4, 2],
): Promise<Seeded> {
  const { core, session } = st;
  const out: Seeded = { placeCode: village, residents: [], assignments: [], marks: [], session: null };
  const months = ['2025-06', '2025-12', '2026-01', '2026-03', '2026-08', '2026-09', '2026-10', '2026-11'];
  for (let i = 0; i < count; i++) {
    const kind = REGISTRATION_KINDS[(i + seq) % 3]!;
    const date = `${months[(i * 5 + seq) % months.length]}-${String(1 + ((i * 7) % 20)).padStart(2, '0')}`;
    // Groups: none, one, or two (keyCare needs a care category).
    const groups: TargetGroup[] = i % 4 === 0 ? [] : i % 4 === 1 ? [TARGET_GROUPS[i % 5]!] : [TARGET_GROUPS[i % 5]!, TARGET_GROUPS[(i + 2) % 5]!];
    const r = await core.call(
      session,
      'residents.register',
      registration({
        // Men (odd 17th digit): retirement is far off for every kind of registration.
        idNumber: idNumber(`19${70 + (i % 25)}0${1 + (i % 9)}1${i % 9}`, `${seq % 10}${String(i * 2 + 1).padStart(2, '0')}`),
        name: NAMES[i % NAMES.length]!,
        registration: registrationFor(kind, date),
        targetGroups: groups,
        careCategories: groups.includes('keyCare') ? ['women'] : [],
      }),
    );
    out.residents.push({ kind, date, groups, id: r.id });
  }
  if (!withPostsAndTraining) return out;

  const code = `P-${seq}`;
  const postId = docId.post(village, code);
  await core.call(session, 'posts.save', {
    code,
    name: '保洁',
    kind: 'rural',
    category: 'ruralCleaning',
    placeCode: village,
    employer: { name: '街道办事处', creditCode: '' },
    plannedHoursPerMonth: 40,
    payPerMonth: 1000,
    startDate: '2025-01-01',
    endDate: '2027-12-31',
  });
  // Residents born 1970–1980 are 45+ (大龄) and qualify for a rural post.
  const older = out.residents.filter((_r, i) => 1970 + (i % 25) <= 1980);
  const [h1, h2] = [older[0]!.id, older[1]!.id];
  const assignments = [
    { residentId: h1, start: '2026-08-15', end: '2026-12-31' },
    { residentId: h2, start: '2026-10-01', end: '2026-10-31' },
  ];
  for (const [n, a] of assignments.entries()) {
    await core.call(session, 'posts.assign', { postId, residentId: a.residentId, startDate: a.start, endDate: a.end, contractNo: `HT-${seq}-${n}` });
  }
  out.assignments = assignments;
  const plan: { residentId: string; date: string; mark: AttendanceMark }[] = [
    { residentId: h1, date: '2026-09-01', mark: 'present' },
    { residentId: h1, date: '2026-09-02', mark: 'present' },
    { residentId: h1, date: '2026-09-05', mark: 'rest' },
    { residentId: h1, date: '2026-09-07', mark: 'absent' },
    { residentId: h1, date: '2026-10-01', mark: 'present' },
    { residentId: h2, date: '2026-10-01', mark: 'sickLeave' },
    { residentId: h2, date: '2026-10-02', mark: 'present' },
    { residentId: h2, date: '2026-10-03', mark: 'personalLeave' },
    { residentId: h1, date: '2026-11-02', mark: 'present' },
  ];
  await core.call(session, 'attendance.set', {
    postId,
    marks: plan.map((m) => ({ residentId: m.residentId, date: m.date, mark: m.mark, hours: m.mark === 'present' ? 4 : 0 })),
  });
  out.marks = plan.map(({ date, mark }) => ({ date, mark }));

  const timetable = [
    { date: '2026-11-20', half: 'am' as const, start: '08:00', end: '12:00', classHours: hours[0] },
    { date: '2026-11-21', half: 'am' as const, start: '08:00', end: '12:00', classHours: hours[1] },
    { date: '2026-11-22', half: 'am' as const, start: '08:00', end: '12:00', classHours: hours[2] },
  ];
  const training = await core.call(session, 'training.save', {
    course: { occupation: '养老护理员', level: 'level5' },
    provider: { name: '职业培训学校', creditCode: '91350100M000100Y43' },
    teachers: ['李老师'],
    place: '活动中心',
    startDate: '2026-11-20',
    endDate: '2026-11-22',
    timetable,
    plannedTrainees: 30,
  });
  const [t1, t2, t3] = out.residents.slice(-3).map((r) => r.id) as [string, string, string];
  // t1 every half-day (eligible), t2 the first two (75% of 2+4+2 hours, 67% of equal ones: not at 80%), t3 nothing.
  const signed: Record<string, string[]> = { [t1]: ['2026-11-20:am', '2026-11-21:am', '2026-11-22:am'], [t2]: ['2026-11-20:am', '2026-11-21:am'], [t3]: [] };
  for (const t of [t1, t2, t3]) await core.call(session, 'training.enrol', { sessionId: training.id, residentId: t });
  for (const slot of timetable) {
    st.at(`${slot.date}T09:00:00+08:00`);
    for (const t of [t1, t2, t3]) {
      if (signed[t]!.includes(`${slot.date}:${slot.half}`)) await core.call(session, 'training.signIn', { sessionId: training.id, date: slot.date, half: slot.half, method: 'list', residentId: t });
    }
  }
  st.at('2026-11-22T10:00:00+08:00');
  out.session = { startDate: '2026-11-20', slots: Object.fromEntries(timetable.map((s) => [`${s.date}:${s.half}`, s.classHours])), trainees: signed };
  return out;
}

/** The numbers of one station's records for a set of months, computed from the inputs alone. */
export function expectedRow(data: Seeded[], months: string[], today = '2026-11-22'): StatsRow {
  const inMonths = (date: string) => months.includes(date.slice(0, 7));
  const residents = data.flatMap((d) => d.residents).filter((r) => inMonths(r.date));
  const groups = Object.fromEntries([...TARGET_GROUPS, 'none'].map((g) => [g, 0])) as Record<StatsGroup, number>;
  for (const r of residents) for (const g of r.groups.length ? r.groups : ['none' as const]) groups[g] += 1;
  const holders = new Set<string>();
  for (const a of data.flatMap((d) => d.assignments)) {
    if (months.some((m) => `${m}-01` <= a.end && `${m}-31` >= a.start)) holders.add(a.residentId);
  }
  const marks = data.flatMap((d) => d.marks).filter((m) => inMonths(m.date));
  const present = marks.filter((m) => m.mark === 'present').length;
  const work = marks.filter((m) => m.mark !== 'rest').length;
  const sessions = data.flatMap((d) => (d.session && inMonths(d.session.startDate) ? [d.session] : []));
  let trainees = 0;
  let eligible = 0;
  let finishedTrainees = 0;
  let runningSessions = 0;
  for (const s of sessions) {
    const total = Object.values(s.slots).reduce((a, b) => a + b, 0);
    // Eligibility counts only once a session has ended (its last half-day before today).
    const finished = Object.keys(s.slots).every((slot) => slot.slice(0, 10) < today);
    if (!finished) runningSessions += 1;
    for (const slots of Object.values(s.trainees)) {
      trainees += 1;
      if (!finished) continue;
      finishedTrainees += 1;
      if (slots.reduce((sum, slot) => sum + s.slots[slot]!, 0) / total >= 0.8) eligible += 1;
    }
  }
  const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
  return {
    registrations: {
      total: residents.length,
      kinds: Object.fromEntries(REGISTRATION_KINDS.map((k) => [k, residents.filter((r) => r.kind === k).length])) as StatsRow['registrations']['kinds'],
      groups,
    },
    posts: { holders: holders.size, presentDays: present, workDays: work, attendanceRate: rate(present, work) },
    training: { sessions: sessions.length, trainees, eligible, finishedTrainees, runningSessions, eligibilityRate: rate(eligible, finishedTrainees) },
  };
}
