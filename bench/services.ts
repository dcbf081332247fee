// Issue 16's figures, on the big station: 3 service records and 1.5 employment status entries per
// resident (300,000 and 150,000 at 100,000 residents) over the last two years (bench/servicesSeed.ts),
// then what the clerk feels, in-process through `Core.call` (validation included): the work list
// (待办, the first screen after login), a resident's timeline, and recording a service
// (acknowledged on disk). The work list is measured once the core has its handler.
import { ID_PREFIX } from '../shared/documents/registry';
import type { Core, Session } from '../src-main/core/core';
import { prng } from '../src-main/core/station/demo';
import { seedServices, type SeededResident, type ServicesSeed } from './servicesSeed';
import { timed } from './stats';

const SAMPLES = 200;
/** Openings of the work list after the first, each right after a service was recorded. */
const WORKLIST_SAMPLES = 50;
/** Rows marked (snoozed or not applicable) before the later openings are measured. */
const MARKS = 30;
export const SERVICES_PER_RESIDENT = 3;
export const STATUS_ENTRIES_PER_RESIDENT = 1.5;

interface ListAnswer {
  items: { key: string }[];
  counts: { due: number; overdue: number };
  markedCount: number;
  totals: { rule: string; due: number; overdue: number }[];
}

/**
 * `worklist.list` through the dispatcher, as the screen calls it (no `args`: the first page of
 * every rule with the totals; or a later page of one rule); null while the core has no such handler.
 */
async function worklist(core: Core, session: Session, args: Record<string, unknown> = {}): Promise<{ ms: number; rows: number; keys: string[]; kb: number; view: ListAnswer } | { missing: string }> {
  const start = performance.now();
  const reply = await core.dispatch(session, 'worklist.list', args);
  const ms = Math.round((performance.now() - start) * 100) / 100;
  if (reply.ok) {
    const view = reply.value as ListAnswer;
    // What the bridge carries to the screen (measured after the clock stopped).
    const kb = Math.round(Buffer.byteLength(JSON.stringify(view)) / 1024);
    // The rows of the whole list (open and marked), from its totals: the answer holds a page of each rule.
    return { ms, rows: view.counts.due + view.counts.overdue + view.markedCount, keys: view.items.map((item) => item.key), kb, view };
  }
  if (reply.error.code === 'UNKNOWN_HANDLER') return { missing: reply.error.code };
  throw new Error(`worklist.list failed: ${JSON.stringify(reply.error)}`);
}

/** Up to `count` residents enrolled in a training session (spread over the sessions), read from the enrolments. */
async function enrolled(core: Core, count: number): Promise<string[]> {
  const rows = (await core.db.allDocs({ startkey: ID_PREFIX.enrolment, endkey: `${ID_PREFIX.enrolment}\ufff0` })).rows;
  const step = Math.max(1, Math.floor(rows.length / count));
  return rows.filter((_, i) => i % step === 0).slice(0, count).map((r) => `${ID_PREFIX.resident}${r.id.split(':').pop()!}`);
}

/** A service as a clerk records it today: mostly contacts, every fifth a referral. */
function serviceInput(resident: SeededResident, i: number, today: string) {
  const closed = resident.closedOn !== null;
  if (!closed && i % 5 === 0) {
    return {
      residentId: resident.id, date: today, channel: 'atStation', kind: 'jobReferral', content: '推荐岗位，约定面试时间',
      referral: { employerName: '济南历下华联超市有限公司', employerCreditCode: '91350100M000100Y43', job: '理货员', pay: '月薪3500元' },
    };
  }
  return { residentId: resident.id, date: today, channel: i % 2 ? 'phone' : 'homeVisit', kind: closed || i % 3 === 0 ? 'followUp' : 'policyConsultation', content: '电话回访就业情况', outcome: '本人已在超市上班' };
}

/** Issue 16's seed at its proportions (3 service records and 1.5 status entries per resident), timed until the changes feed caught up. */
export async function seedServicesFor(core: Core, session: Session, residentCount: number): Promise<{ seed: ServicesSeed; seedSeconds: number }> {
  const seedStart = performance.now();
  const seed = await seedServices(core, session, Math.round(residentCount * SERVICES_PER_RESIDENT), Math.round(residentCount * STATUS_ENTRIES_PER_RESIDENT));
  const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
  console.log(
    `seeded ${seed.serviceRecords} service records (${seed.referrals} referrals, ${seed.referralsWithResult} with a result, ${seed.corrections} corrections) and ${seed.statusEntries} status entries (${seed.statusCorrections} corrections, ${seed.closures} written by a registration closed as employed) over ${seed.residents.length} residents in ${seedSeconds} s (changes feed caught up)`,
  );
  return { seed, seedSeconds };
}

/** Issue 16's figures; `seeded`: the big station already holds the seed (issue 18: before the statistics and memory figures). */
export async function benchServices(core: Core, session: Session, residentCount: number, seeded?: { seed: ServicesSeed; seedSeconds: number }) {
  const { seed, seedSeconds } = seeded ?? (await seedServicesFor(core, session, residentCount));
  const random = prng(2024);
  // Whose page is opened: the resident of a random service record (people served often are opened often).
  const served = seed.residents.filter((r) => r.services > 0);
  const cumulative: number[] = [];
  served.reduce((sum, r) => (cumulative.push(sum + r.services), sum + r.services), 0);
  const someone = () => {
    const r = random() * cumulative[cumulative.length - 1]!;
    return served[Math.max(0, cumulative.findIndex((c) => c > r))]!;
  };
  const today = core.today();

  // The work list first: the clerk's first screen after login, then after each recorded service.
  const coldList = await worklist(core, session);
  let worklistFigures: Record<'worklist_rows' | 'worklist_kb' | 'worklist_cold_ms' | 'worklist_p50_ms' | 'worklist_p95_ms' | 'worklist_page_p95_ms' | 'worklist_mark_p95_ms', number | null> = {
    worklist_rows: null, worklist_kb: null, worklist_cold_ms: null, worklist_p50_ms: null, worklist_p95_ms: null, worklist_page_p95_ms: null, worklist_mark_p95_ms: null,
  };
  if ('missing' in coldList) console.log(`work list: not measured, the core has no worklist.list handler yet (${coldList.missing}); worklist_* are null`);

  const timelineCold = performance.now();
  const first = await core.call(session, 'services.timeline', { residentId: someone().id });
  const timelineColdMs = Math.round((performance.now() - timelineCold) * 100) / 100;
  const pages = Array.from({ length: SAMPLES }, someone);
  let entries = 0;
  const timeline = await timed(SAMPLES, async (i) => (entries += (await core.call(session, 'services.timeline', { residentId: pages[i]!.id })).length));
  const inputs = Array.from({ length: SAMPLES }, (_, i) => serviceInput(someone(), i, today));
  const save = await timed(SAMPLES, (i) => core.call(session, 'services.record', inputs[i]));
  // Trainees' pages also show their sign-ins (issue 3's sessions, in the full run): measured apart.
  const trainees = await enrolled(core, 40);
  const traineeTimeline = trainees.length ? await timed(trainees.length, (i) => core.call(session, 'services.timeline', { residentId: trainees[i]! })) : null;
  if (traineeTimeline) console.log(`timeline of a trainee (${trainees.length} enrolled residents): p50 ${traineeTimeline.p50} ms, p95 ${traineeTimeline.p95} ms`);
  console.log(`resident timeline: first ${timelineColdMs} ms (${first.length} entries), then p50 ${timeline.p50} ms, p95 ${timeline.p95} ms (${(entries / SAMPLES).toFixed(1)} entries on average)`);
  console.log(`record a service (durable): p50 ${save.p50} ms, p95 ${save.p95} ms`);

  if (!('missing' in coldList)) {
    // A station's list carries some marks: rows spread over the first pages now (at most 30) snoozed for two weeks or marked not applicable.
    const current = await worklist(core, session);
    if ('missing' in current) throw new Error('worklist.list went missing');
    const open = current.keys;
    const marks = open.filter((_, i) => i % Math.max(1, Math.floor(open.length / MARKS)) === 0).slice(0, MARKS);
    const until = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    const mark = await timed(marks.length, async (i) => {
      const reply = await core.dispatch(session, 'worklist.mark', i % 2 ? { key: marks[i], kind: 'notApplicable', reason: '已外出务工，电话无法联系' } : { key: marks[i], kind: 'snoozed', until, reason: '本人住院，出院后再联系' });
      if (!reply.ok) throw new Error(`worklist.mark failed: ${JSON.stringify(reply.error)}`);
    });
    const after = Array.from({ length: WORKLIST_SAMPLES }, (_, i) => serviceInput(someone(), i + 1, today));
    let rows = 0;
    let kb = 0;
    const warm = await timed(
      WORKLIST_SAMPLES,
      async () => {
        const list = await worklist(core, session);
        if ('missing' in list) throw new Error('worklist.list went missing');
        rows = list.rows;
        kb = list.kb;
      },
      (i) => core.call(session, 'services.record', after[i]),
    );
    // A later page of the biggest rule (the middle of it), each right after a service was recorded.
    const biggest = [...current.view.totals].sort((a, b) => b.due + b.overdue - (a.due + a.overdue))[0]!;
    const offset = Math.floor((biggest.due + biggest.overdue) / 2 / 30) * 30;
    const more = Array.from({ length: WORKLIST_SAMPLES }, (_, i) => serviceInput(someone(), i + 2, today));
    let pageRows = 0;
    const page = await timed(
      WORKLIST_SAMPLES,
      async () => {
        const list = await worklist(core, session, { rule: biggest.rule, offset, limit: 30 });
        if ('missing' in list) throw new Error('worklist.list went missing');
        pageRows = list.keys.length;
      },
      (i) => core.call(session, 'services.record', more[i]),
    );
    worklistFigures = { worklist_rows: rows, worklist_kb: kb, worklist_cold_ms: coldList.ms, worklist_p50_ms: warm.p50, worklist_p95_ms: warm.p95, worklist_page_p95_ms: page.p95, worklist_mark_p95_ms: marks.length ? mark.p95 : null };
    console.log(`work list (待办, ${rows} rows in the list, its first page of every rule ${kb} KB as JSON, ${marks.length} marked): first opening ${coldList.ms} ms, then after each recorded service p50 ${warm.p50} ms, p95 ${warm.p95} ms; marking a row p50 ${mark.p50} ms, p95 ${mark.p95} ms`);
    console.log(`work list, a later page of the biggest rule (${biggest.rule}, rows ${offset + 1}–${offset + pageRows} of ${biggest.due + biggest.overdue}): p50 ${page.p50} ms, p95 ${page.p95} ms`);
  }
  return {
    service_records: seed.serviceRecords,
    status_entries: seed.statusEntries,
    services_seed_seconds: seedSeconds,
    timeline_cold_ms: timelineColdMs,
    timeline_p50_ms: timeline.p50,
    timeline_p95_ms: timeline.p95,
    timeline_trainee_p95_ms: traineeTimeline?.p95 ?? null,
    service_save_p50_ms: save.p50,
    service_save_p95_ms: save.p95,
    ...worklistFigures,
  };
}
