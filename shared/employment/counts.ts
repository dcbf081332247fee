// The employment counts (城镇新增就业, 失业人员再就业, 就业困难人员实现就业) from status entries and
// resident facts, by the definitions written in ./texts.ts (`employment.counts.help`) and the
// README's "Employment counts": one pure function, the one place they are computed.
import type { CareCategory, HouseholdType, RegistrationKind, TargetGroup } from '../residents/schema';
import { TARGET_GROUPS } from '../residents/schema';
import { isEmployed, type EmploymentStatus } from './schema';

/** What the counts read of one entry. */
export interface EntryFact {
  id: string;
  residentId: string;
  status: EmploymentStatus;
  effectiveDate: string;
  endDate: string | null;
  /** When it was written (ISO): of two entries on one day, the later written is the later. */
  createdAt: string;
  /** The entry this one corrects (that one then no longer counts), or null. */
  corrects: string | null;
}

/** What the counts read of one resident. */
export interface ResidentFact {
  /** The village (or township) the person is registered in. */
  place: string;
  householdType: HouseholdType;
  targetGroups: readonly TargetGroup[];
  /** The registration's kind and date (登记类型、登记日期). */
  registration: { kind: RegistrationKind; date: string };
  /** 就业困难 as a care category (a hardship registration counts too). */
  hardToEmploy: boolean;
}

/** The fields of a stored entry the counts read (the station's documents, a relay copy's, the county view's rows). */
export interface EntrySource {
  _id: string;
  residentId: string;
  status: EmploymentStatus;
  effectiveDate: string;
  endDate: string | null;
  createdAt: string;
  corrects: string | null;
}

/** The fields of a stored resident the counts read. */
export interface ResidentSource {
  placeCode: string;
  householdType: HouseholdType;
  targetGroups: readonly TargetGroup[];
  careCategories: readonly CareCategory[];
  registration: { kind: RegistrationKind; date: string };
}

/** What the counts read of a stored entry, wherever it was read (one reading at every level). */
export function entryFact(d: EntrySource): EntryFact {
  return { id: d._id, residentId: d.residentId, status: d.status, effectiveDate: d.effectiveDate, endDate: d.endDate ?? null, createdAt: d.createdAt, corrects: d.corrects ?? null };
}

/** What the counts read of a stored resident, wherever it was read. */
export function residentFact(r: ResidentSource): ResidentFact {
  return {
    place: r.placeCode,
    householdType: r.householdType,
    targetGroups: r.targetGroups ?? [],
    registration: { kind: r.registration.kind, date: r.registration.date },
    hardToEmploy: (r.careCategories ?? []).includes('hardToEmploy'),
  };
}

/** Entries and the residents they are of, as read from one database or several. */
export interface CountFacts {
  entries: EntryFact[];
  residents: Map<string, ResidentFact>;
}

export const COUNT_GROUPS = [...TARGET_GROUPS, 'none'] as const;
export type CountGroup = (typeof COUNT_GROUPS)[number];

export interface EmploymentCounts {
  /** 城镇新增就业 */
  newUrban: number;
  /** 失业人员再就业 */
  reemployed: number;
  /** 就业困难人员实现就业 */
  hardship: number;
}

export interface EmploymentCountsResult {
  from: string;
  to: string;
  /** The months added up (a person counted in two months counts twice). */
  total: EmploymentCounts;
  byMonth: { month: string; counts: EmploymentCounts }[];
  byPlace: { place: string; counts: EmploymentCounts }[];
  /** A person counts in each of their target groups, or in `none`. */
  byGroup: { group: CountGroup; counts: EmploymentCounts }[];
}

const zero = (): EmploymentCounts => ({ newUrban: 0, reemployed: 0, hardship: 0 });

/** The entries that stand (not corrected by another), oldest first: by effective date, then by when written. */
export function standingEntries<E extends { id: string; effectiveDate: string; createdAt: string; corrects: string | null }>(entries: readonly E[]): E[] {
  const corrected = new Set(entries.flatMap((e) => (e.corrects ? [e.corrects] : [])));
  return entries
    .filter((e) => !corrected.has(e.id))
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** The current status: the standing entry latest by effective date (ties: the later written); null when none. */
export function currentEntry<E extends { id: string; effectiveDate: string; createdAt: string; corrects: string | null }>(entries: readonly E[]): E | null {
  const standing = standingEntries(entries);
  return standing[standing.length - 1] ?? null;
}

/**
 * The entries that move a person into employment: an employed status whose previous standing
 * entry is none, not employment, or employment that ended before it began.
 */
export function entriesIntoEmployment(entries: readonly EntryFact[]): EntryFact[] {
  const out: EntryFact[] = [];
  let previous: EntryFact | null = null;
  for (const e of standingEntries(entries)) {
    const wasEmployed = previous !== null && isEmployed(previous.status) && (previous.endDate === null || previous.endDate >= e.effectiveDate);
    if (isEmployed(e.status) && !wasEmployed) out.push(e);
    previous = e;
  }
  return out;
}

/** The three counts for months `from`…`to` (YYYY-MM), by month, place and group. */
export function employmentCounts(entries: readonly EntryFact[], residents: ReadonlyMap<string, ResidentFact>, from: string, to: string): EmploymentCountsResult {
  const byResident = new Map<string, EntryFact[]>();
  for (const e of entries) {
    const list = byResident.get(e.residentId);
    if (list) list.push(e);
    else byResident.set(e.residentId, [e]);
  }
  const months = new Map<string, EmploymentCounts>();
  const places = new Map<string, EmploymentCounts>();
  const groups = new Map<CountGroup, EmploymentCounts>(COUNT_GROUPS.map((g) => [g, zero()]));
  const total = zero();
  for (const [residentId, list] of byResident) {
    const person = residents.get(residentId);
    if (!person) continue;
    // Once per person per month and count: the measures this person reached in each month.
    const reached = new Map<string, Set<keyof EmploymentCounts>>();
    for (const e of entriesIntoEmployment(list)) {
      const month = e.effectiveDate.slice(0, 7);
      if (month < from || month > to) continue;
      const registeredBefore = person.registration.date <= e.effectiveDate;
      const set = reached.get(month) ?? new Set();
      if (person.householdType === 'nonAgricultural') set.add('newUrban');
      if (registeredBefore && person.registration.kind === 'unemployment') set.add('reemployed');
      if (person.hardToEmploy || (registeredBefore && person.registration.kind === 'hardship')) set.add('hardship');
      reached.set(month, set);
    }
    for (const [month, set] of reached) {
      if (set.size === 0) continue;
      const ownGroups: CountGroup[] = person.targetGroups.length ? [...person.targetGroups] : ['none'];
      const counters = [total, at(months, month), at(places, person.place), ...ownGroups.map((g) => at(groups, g))];
      for (const key of set) for (const c of counters) c[key] += 1;
    }
  }
  const sorted = <K extends string>(map: Map<K, EmploymentCounts>) => [...map].sort(([a], [b]) => a.localeCompare(b));
  return {
    from,
    to,
    total,
    byMonth: sorted(months).map(([month, counts]) => ({ month, counts })),
    byPlace: sorted(places).map(([place, counts]) => ({ place, counts })),
    byGroup: COUNT_GROUPS.map((group) => ({ group, counts: groups.get(group)! })),
  };
}

function at<K>(map: Map<K, EmploymentCounts>, key: K): EmploymentCounts {
  let c = map.get(key);
  if (!c) map.set(key, (c = zero()));
  return c;
}
