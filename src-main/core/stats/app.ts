// Statistics: the dashboard (the station's own tally, a township's villages', or the county
// server's views) and its spreadsheet.
import { stationLevel } from '../../../shared/places';
import { REGISTRATION_KINDS, TARGET_GROUPS } from '../../../shared/residents/schema';
import type { SessionUser } from '../../../shared/rpc/handlers';
import { STATS_MAX_MONTHS, monthsBetween, type StatsDashboard } from '../../../shared/stats/contract';
import { createApp } from '../app';
import { fail, type CoreContext } from '../context';
import type { ModuleDeps } from '../modules';
import type { EmploymentService } from '../employment/employment';
import { countsAt } from '../employment/levels';
import { countyView, q } from './countyViews';
import { fieldError } from '../validation';
import { GROUPS, add, emptyFacts, isEligible, monthRange, sessionFinished, type Facts } from './facts';
import { Tally } from './tally';
import { followTally } from './follow';
import { villageTallies } from './relayTallies';
import { summarize } from './summary';
import { workbook } from './spreadsheet';

// ── The module ──────────────────────────────────────────────────────────────────────────────

export function statsApp(deps: ModuleDeps & { employment: EmploymentService }) {
  const own = new Tally(false, true);
  // Kept current from the changes feed in the background: the first opening reads nothing.
  const follower = followTally(own, deps.ctx.db);

  function defaultRange(ctx: CoreContext, args: { from?: string | undefined; to?: string | undefined }): { from: string; to: string } {
    const current = ctx.today().slice(0, 7);
    const to = args.to ?? (args.from && args.from > current ? args.from : current);
    let from = args.from;
    if (!from) {
      from = to;
      for (let i = 0; i < 11; i++) from = previousMonth(from);
    }
    return { from, to };
  }

  async function stationFacts(from: string, to: string): Promise<{ facts: Facts; places: string[] }> {
    const { ctx, sync } = deps;
    const station = ctx.station();
    const facts = emptyFacts();
    const threshold = (startDate: string) => ctx.policies.training(startDate).values.eligibilityRate;
    // The station's own residents from the search index, counted where the station is.
    // Counted into typed arrays (month × kind, month × group), keyed once at the end: 100,000
    // residents cost a comparison and a few increments each, no string per resident.
    const months = monthRange(from, to);
    const monthIndex = new Map(months.map((m, i) => [m, i]));
    const K = REGISTRATION_KINDS.length;
    const G = GROUPS.length;
    const kindCounts = new Int32Array(months.length * K);
    const groupCounts = new Int32Array(months.length * G);
    const first = `${from}-01`;
    const last = `${to}-31`;
    ctx.residents.eachRegistration((date, kind, groups) => {
      if (date < first || date > last) return;
      const m = monthIndex.get(date.slice(0, 7));
      if (m === undefined) return;
      kindCounts[m * K + kind]! += 1;
      if (groups === 0) groupCounts[m * G + G - 1]! += 1;
      else for (let g = 0; g < TARGET_GROUPS.length; g++) if (groups & (1 << g)) groupCounts[m * G + g]! += 1;
    });
    months.forEach((month, m) => {
      REGISTRATION_KINDS.forEach((kind, k) => kindCounts[m * K + k] && add(facts.kinds, `${month}|${station.placeCode}|${kind}`, kindCounts[m * K + k]));
      GROUPS.forEach((group, g) => groupCounts[m * G + g] && add(facts.groups, `${month}|${station.placeCode}|${group}`, groupCounts[m * G + g]));
    });
    await own.refresh(ctx.db);
    own.collect(facts, from, to, threshold, ctx.today());
    const places = [station.placeCode];
    // A township's villages, from their relay copies.
    for (const { place, tally } of await villageTallies(sync, station.placeCode)) {
      tally.collect(facts, from, to, threshold, ctx.today());
      places.push(place);
    }
    return { facts, places };
  }

  async function countyFacts(from: string, to: string): Promise<Facts> {
    const { ctx, sync } = deps;
    const view = <K>(name: string, query: string) => countyView<K>(sync, ctx.station().placeCode, name, query);
    const months = `startkey=${q([from])}&endkey=${q([to, {}])}`;
    const [kinds, groups, holders, marks, sessions, trainees, signIns] = await Promise.all([
      view<[string, string, string]>('registrations', `group_level=3&${months}`),
      view<[string, string, string]>('registrationGroups', `group_level=3&${months}`),
      view<[string, string, string]>('postHolders', `group_level=3&${months}`),
      view<[string, string, string]>('attendanceMarks', `group_level=3&${months}`),
      view<[string, string, string]>('trainingSessions', `reduce=false&${months}`),
      view<[string]>('trainingTrainees', 'group_level=1'),
      view<[string, string]>('trainingSignIns', 'group_level=2'),
    ]);
    const facts = emptyFacts();
    for (const r of kinds) add(facts.kinds, r.key.join('|'), r.value as number);
    for (const r of groups) add(facts.groups, r.key.join('|'), r.value as number);
    for (const r of holders) facts.holders.push({ month: r.key[0], place: r.key[1], residentId: r.key[2] });
    for (const r of marks) add(facts.marks, r.key.join('|'), r.value as number);
    const enrolled = new Map(trainees.map((r) => [r.key[0], r.value as number]));
    const attended = new Map<string, Map<string, number>>();
    for (const r of signIns) {
      let m = attended.get(r.key[0]);
      if (!m) attended.set(r.key[0], (m = new Map()));
      m.set(r.key[1], r.value as number);
    }
    for (const r of sessions) {
      const [month, place, id] = r.key;
      const value = r.value as { startDate: string; slots: Record<string, number> };
      const hours = Object.values(value.slots);
      const total = hours.reduce((sum, h) => sum + h, 0);
      const threshold = ctx.policies.training(value.startDate).values.eligibilityRate;
      let perTrainee: Map<string, number>;
      if (hours.every((h) => h === hours[0])) {
        // Equal half-days: hours = half-days signed in × hours per half-day.
        perTrainee = new Map([...(attended.get(id) ?? [])].map(([resident, n]) => [resident, n * (hours[0] ?? 0)]));
      } else {
        // Unequal half-days: this session's sign-ins one by one.
        perTrainee = new Map();
        const rows = await view<[string, string, string, string]>('trainingSignIns', `group_level=4&startkey=${q([id])}&endkey=${q([id, {}])}`);
        for (const s of rows) perTrainee.set(s.key[1], (perTrainee.get(s.key[1]) ?? 0) + (value.slots[`${s.key[2]}:${s.key[3]}`] ?? 0));
      }
      let eligible = 0;
      for (const h of perTrainee.values()) if (isEligible(h, total, threshold)) eligible += 1;
      facts.sessions.push({ id, place, month, trainees: enrolled.get(id) ?? 0, eligible, finished: sessionFinished(Object.keys(value.slots), ctx.today()) });
    }
    return facts;
  }

  async function dashboard(args: { from?: string | undefined; to?: string | undefined }): Promise<StatsDashboard> {
    const started = performance.now();
    const { ctx } = deps;
    const station = ctx.station();
    const level = stationLevel(station.placeCode);
    const { from, to } = defaultRange(ctx, args);
    // One end given, the other defaulted: the same limits as the schema's for both ends.
    if (to < from) fail(fieldError('to', 'errors.stats.toBeforeFrom'));
    if (monthsBetween(from, to) > STATS_MAX_MONTHS) fail(fieldError('from', 'errors.stats.rangeTooLong'));
    const computedAt = ctx.now();
    if (level === 'county') {
      const facts = await countyFacts(from, to);
      return { ...summarize(facts, { level, placeCode: station.placeCode }, from, to, []), source: 'countyServer', computedAt, tookMs: elapsed(started) };
    }
    const { facts, places } = await stationFacts(from, to);
    return { ...summarize(facts, { level, placeCode: station.placeCode }, from, to, places), source: 'station', computedAt, tookMs: elapsed(started) };
  }

  return createApp(
    'stats',
    {
      'stats.dashboard': async (args) => dashboard(args),
      'stats.export': async (args, session) => {
        const data = await dashboard(args);
        const user = session.user as SessionUser;
        const content = await workbook(data, await countsAt(deps, data.from, data.to));
        await deps.ctx.audit(user, 'export', `stats:${data.placeCode}`, 'statistics', `${data.from}..${data.to}`);
        return { fileName: `统计-${data.placeName}-${data.from}至${data.to}.xlsx`, content };
      },
    },
    // The tally follows the changes itself: the posts' and training's sets are not loaded for it.
    { caches: [follower.feed] },
  );
}

function previousMonth(month: string): string {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) - 1;
  if (m < 1) {
    m = 12;
    y -= 1;
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}

const elapsed = (started: number) => Math.round((performance.now() - started) * 100) / 100;
