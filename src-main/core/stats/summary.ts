// From facts to the dashboard: rows by month and by place, and the total, computed the same way for every level.
import { placeName } from '../../../shared/places';
import { REGISTRATION_KINDS, type RegistrationKind } from '../../../shared/residents/schema';
import type { PostCounts, RegistrationCounts, StatsDashboard, StatsGroup, StatsRow, TrainingCounts } from '../../../shared/stats/contract';
import { GROUPS, monthRange, type Facts } from './facts';

function zeroRegistrations(): RegistrationCounts {
  return {
    total: 0,
    kinds: Object.fromEntries(REGISTRATION_KINDS.map((k) => [k, 0])) as RegistrationCounts['kinds'],
    groups: Object.fromEntries(GROUPS.map((g) => [g, 0])) as RegistrationCounts['groups'],
  };
}

interface RowBuilder {
  registrations: RegistrationCounts;
  holders: Set<string>;
  presentDays: number;
  workDays: number;
  sessions: number;
  trainees: number;
  eligible: number;
  finishedTrainees: number;
  runningSessions: number;
}

function newBuilder(): RowBuilder {
  return { registrations: zeroRegistrations(), holders: new Set(), presentDays: 0, workDays: 0, sessions: 0, trainees: 0, eligible: 0, finishedTrainees: 0, runningSessions: 0 };
}

const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

function finish(b: RowBuilder): StatsRow {
  const posts: PostCounts = { holders: b.holders.size, presentDays: b.presentDays, workDays: b.workDays, attendanceRate: ratio(b.presentDays, b.workDays) };
  const training: TrainingCounts = {
    sessions: b.sessions,
    trainees: b.trainees,
    eligible: b.eligible,
    finishedTrainees: b.finishedTrainees,
    runningSessions: b.runningSessions,
    // Only sessions that have ended: a running session's trainees are not yet eligible or not.
    eligibilityRate: ratio(b.eligible, b.finishedTrainees),
  };
  return { registrations: b.registrations, posts, training };
}

export function summarize(
  facts: Facts,
  station: { level: StatsDashboard['level']; placeCode: string },
  from: string,
  to: string,
  places: string[],
): Omit<StatsDashboard, 'source' | 'computedAt' | 'tookMs'> {
  const months = monthRange(from, to);
  const byMonth = new Map(months.map((m) => [m, newBuilder()]));
  const byPlace = new Map(places.map((p) => [p, newBuilder()]));
  const total = newBuilder();
  const rowsOf = (month: string, place: string): RowBuilder[] => {
    const m = byMonth.get(month);
    if (!m) return [];
    let p = byPlace.get(place);
    if (!p) byPlace.set(place, (p = newBuilder()));
    return [m, p, total];
  };
  for (const [key, n] of facts.kinds) {
    const [month, place, kind] = key.split('|') as [string, string, RegistrationKind];
    for (const row of rowsOf(month, place)) {
      row.registrations.total += n;
      if (kind in row.registrations.kinds) row.registrations.kinds[kind] += n;
    }
  }
  for (const [key, n] of facts.groups) {
    const [month, place, group] = key.split('|') as [string, string, StatsGroup];
    for (const row of rowsOf(month, place)) if (group in row.registrations.groups) row.registrations.groups[group] += n;
  }
  for (const h of facts.holders) for (const row of rowsOf(h.month, h.place)) row.holders.add(h.residentId);
  for (const [key, n] of facts.marks) {
    const [month, place, mark] = key.split('|') as [string, string, string];
    for (const row of rowsOf(month, place)) {
      if (mark === 'present') row.presentDays += n;
      if (mark !== 'rest') row.workDays += n;
    }
  }
  for (const s of facts.sessions) {
    for (const row of rowsOf(s.month, s.place)) {
      row.sessions += 1;
      row.trainees += s.trainees;
      if (s.finished) {
        row.finishedTrainees += s.trainees;
        row.eligible += s.eligible;
      } else row.runningSessions += 1;
    }
  }
  const own = station.placeCode;
  const placeRows = [...byPlace.entries()]
    .sort(([a], [b]) => (a === own ? -1 : b === own ? 1 : a.localeCompare(b)))
    .map(([placeCode, b]) => ({ placeCode, placeName: placeName(placeCode) ?? placeCode, ...finish(b) }));
  return {
    level: station.level,
    placeCode: own,
    placeName: placeName(own) ?? own,
    from,
    to,
    months,
    byMonth: months.map((month) => ({ month, ...finish(byMonth.get(month)!) })),
    byPlace: placeRows,
    total: finish(total),
  };
}
