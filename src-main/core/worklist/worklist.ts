// The work list (待办) of one database: the rules of shared/worklist/rules.ts applied to the facts
// kept of it (./facts.ts) with the parameters in force today, and the clerks' marks. The same
// computation serves a station's own list and a township's read-only view of a village.
import { placeName } from '../../../shared/places';
import { retirementDate, type RetirementRuleSet } from '../../../shared/policy/retirement';
import type { WorklistParams } from '../../../shared/policy/parameters';
import { WORKLIST_RULES, type WorklistCounts, type WorklistItem, type WorklistMarkView, type WorklistRule } from '../../../shared/worklist/contract';
import { noticeDuty, personDuties, standingMark, dutyState, type AssignmentFact, type CourseFact, type Duty, type PersonFacts } from '../../../shared/worklist/rules';
import { recruitNoticeDuty } from '../../../shared/worklist/recruitRule';
import type { WorklistFacts, PersonEntry } from './facts';
import { recruitNoticeFact } from './recruitFacts';

/** What the rules take from the county's dated parameters, in force on the day listed. */
export interface ListPolicy {
  params: WorklistParams;
  maxSubsidyMonths: number;
  retirement: RetirementRuleSet;
}

/**
 * A row as the kept list holds it: what orders, counts and finds it. Its whole (facts, names,
 * target, mark) is made again for the rows a page shows (`ComputedList.item`): 43,805 whole rows
 * at 100,000 residents were 18.5 MB of the host's heap (issue 18).
 */
export interface KeptRow {
  readonly key: string;
  readonly rule: WorklistRule;
  readonly state: WorklistItem['state'];
  readonly dueDate: string;
  /** Whose rows it is among: a resident's id, a notice's target, an opening's id. */
  readonly owner: string;
  readonly marked: boolean;
}

/** The list of one database for one day: read-only, per rule (see `computeList`). */
export interface ComputedList {
  readonly rules: ReadonlyMap<WorklistRule, RuleRows>;
  /** Every open row. */
  readonly counts: WorklistCounts;
  /** Every marked row. */
  readonly markedCount: number;
  /** The row of a key, open or marked. */
  find(key: string): WorklistItem | undefined;
  /**
   * A kept row whole, from its owner's facts as they are now; null when they no longer make it
   * (a catch-up running beside the call took in the record that answers it since the list was
   * computed: the next call's list leaves it out too).
   */
  item(row: KeptRow): WorklistItem | null;
}

const RULES_OF_REGISTRATION = new Set(['unemployment', 'hardship']);

function personFacts(facts: WorklistFacts, r: PersonEntry, policy: ListPolicy): PersonFacts | null {
  const services = facts.people.services(r.id);
  const assignmentsOf = facts.assignments.byOwner.get(r.id);
  const enrolmentsOf = facts.enrolments.byOwner.get(r.id);
  const registered = !r.closed && RULES_OF_REGISTRATION.has(r.kind);
  const referrals = services.openReferrals.length > 0;
  if (!registered && !referrals && !assignmentsOf && !enrolmentsOf) return null;
  // The exits not withdrawn, by assignment (a new exit may follow a withdrawn one).
  const withdrawn = new Set(facts.withdrawals.of(r.id));
  const exits = new Map<string, string>();
  for (const [exitId, x] of facts.exits.byOwner.get(r.id) ?? []) if (!withdrawn.has(exitId)) exits.set(x.assignmentId, x.date);
  const assignments: AssignmentFact[] = assignmentsOf
    ? [...assignmentsOf.values()].map((a) => {
        // Ended early: held up to the exit date (the months it counts), and the exit answers its duties.
        const exitDate = exits.get(a.id);
        return { ...a, postName: facts.posts.get(a.postId) ?? '', ...(exitDate ? { exitDate, endDate: exitDate < a.endDate ? exitDate : a.endDate } : {}) };
      })
    : [];
  const courses: CourseFact[] = [];
  if (enrolmentsOf) {
    for (const sessionId of enrolmentsOf.values()) {
      const session = facts.sessions.get(sessionId);
      if (session) courses.push({ sessionId, ...session });
    }
  }
  return {
    residentId: r.id,
    placeCode: r.place,
    registration: { kind: r.kind, date: r.registeredOn },
    closed: r.closed,
    services,
    statuses: facts.people.statuses(r.id),
    assignments,
    courses,
    retirementDate: assignments.length > 0 && r.birthDate ? retirementDate(policy.retirement, r.birthDate, r.sex) : null,
  };
}

function item(d: Duty, today: string, name: string | null, mark: WorklistMarkView | null): WorklistItem {
  return {
    key: d.key,
    rule: d.rule,
    state: dutyState(d, today) ?? 'due',
    dueDate: d.dueDate,
    residentId: d.residentId,
    residentName: name,
    placeCode: d.placeCode,
    placeName: placeName(d.placeCode) ?? '',
    target: d.target,
    facts: d.facts,
    mark,
  };
}

const byDate = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const order = (a: KeptRow, b: KeptRow) => (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) || byDate(a.dueDate, b.dueDate) || byDate(a.key, b.key);

/** The day and the parameters rows were computed for. */
const keyOf = (today: string, policy: ListPolicy) => `${today}|${JSON.stringify(policy.params)}|${policy.maxSubsidyMonths}|${policy.retirement.effectiveFrom}|${JSON.stringify(policy.retirement.rules)}`;

function row(facts: WorklistFacts, d: Duty, today: string, name: string | null): WorklistItem {
  const mark = standingMark(facts.marks.byOwner.has(d.key) ? facts.marks.of(d.key) : undefined, today);
  return item(d, today, name, mark ? { kind: mark.kind as WorklistMarkView['kind'], until: mark.until, reason: mark.reason, byName: mark.byName, at: mark.at } : null);
}

/** The row of an opening whose 公示 ended with a candidate still to place (none when gone or answered). */
function openingRows(facts: WorklistFacts, openingId: string, today: string, policy: ListPolicy): WorklistItem[] {
  const opening = facts.openings.get(openingId);
  const entries = facts.recruitEntries.byOwner.get(openingId);
  if (!opening || !entries) return [];
  const held = (residentId: string) => facts.assignments.byOwner.get(residentId)?.values() ?? [];
  const notice = recruitNoticeFact(openingId, opening, entries, facts.posts.get(opening.postId) ?? '', held);
  const d = notice && recruitNoticeDuty(notice, today, policy.params);
  return d ? [row(facts, d, today, null)] : [];
}

/** The rows of one owner: a resident (`resident:…`), a printed notice (its audit target), or an opening (`opening:…`). */
function rowsOf(facts: WorklistFacts, owner: string, today: string, policy: ListPolicy): WorklistItem[] {
  const notice = facts.notices.get(owner);
  if (notice) {
    const d = noticeDuty(notice, today, policy.params);
    return d ? [row(facts, d, today, null)] : [];
  }
  if (facts.openings.has(owner) || facts.recruitEntries.byOwner.has(owner)) return openingRows(facts, owner, today, policy);
  const r = facts.resident(owner);
  const p = r && personFacts(facts, r, policy);
  return p ? personDuties(p, today, policy.params, policy.maxSubsidyMonths).map((d) => row(facts, d, today, r.name)) : [];
}

/** The first position in a sorted list at which `r` may go. */
function lowerBound(list: readonly KeptRow[], r: KeptRow): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (order(list[mid]!, r) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One rule's rows, each section sorted, and its open rows' counts. */
export interface RuleRows {
  readonly open: KeptRow[];
  readonly marked: KeptRow[];
  readonly counts: WorklistCounts;
}

const keptRow = (owner: string, r: WorklistItem): KeptRow => ({ key: r.key, rule: r.rule, state: r.state, dueDate: r.dueDate, owner, marked: r.mark !== null });

/** The list of one database for one day and set of parameters: per rule, with each owner's rows. */
class KeptList implements ComputedList {
  /** Each owner's rows: the row itself when it is the only one (most owners; an array each was 6 MB at 300,000 residents). */
  private readonly rows = new Map<string, KeptRow | KeptRow[]>();
  readonly rules = new Map<WorklistRule, RuleRows>(WORKLIST_RULES.map((rule) => [rule, { open: [], marked: [], counts: { due: 0, overdue: 0 } }]));
  readonly counts: WorklistCounts = { due: 0, overdue: 0 };
  markedCount = 0;

  constructor(
    readonly key: string,
    private readonly facts: WorklistFacts,
    private readonly today: string,
    private readonly policy: ListPolicy,
  ) {}

  private section(r: KeptRow): KeptRow[] {
    const group = this.rules.get(r.rule)!;
    return r.marked ? group.marked : group.open;
  }

  private count(r: KeptRow, by: 1 | -1): void {
    if (r.marked) this.markedCount += by;
    else {
      this.counts[r.state] += by;
      this.rules.get(r.rule)!.counts[r.state] += by;
    }
  }

  private rowsOf(owner: string): KeptRow[] {
    return rowsOf(this.facts, owner, this.today, this.policy).map((r) => keptRow(owner, r));
  }

  item(row: KeptRow): WorklistItem | null {
    return rowsOf(this.facts, row.owner, this.today, this.policy).find((r) => r.key === row.key) ?? null;
  }

  /** A walk over every section (a mark asks for one row: not worth a map of 40,000 keys). */
  find(key: string): WorklistItem | undefined {
    for (const group of this.rules.values()) {
      const row = group.open.find((r) => r.key === key) ?? group.marked.find((r) => r.key === key);
      if (row) return this.item(row) ?? undefined;
    }
    return undefined;
  }

  private keepRows(owner: string, rows: KeptRow[]): void {
    this.rows.set(owner, rows.length === 1 ? rows[0]! : rows);
  }

  /** Everything at once: each owner's rows, one sort per section. */
  fill(): void {
    for (const owner of [...this.facts.residentIds(), ...this.facts.notices.keys(), ...this.facts.openings.keys()]) {
      const rows = this.rowsOf(owner);
      if (rows.length === 0) continue;
      this.keepRows(owner, rows);
      for (const r of rows) {
        this.section(r).push(r);
        this.count(r, 1);
      }
    }
    for (const group of this.rules.values()) {
      group.open.sort(order);
      group.marked.sort(order);
    }
  }

  /** One owner again: its old rows out, its new rows in, each where the order puts it. */
  replace(owner: string): void {
    const kept = this.rows.get(owner);
    for (const r of kept === undefined ? [] : Array.isArray(kept) ? kept : [kept]) {
      const list = this.section(r);
      const at = lowerBound(list, r);
      if (list[at] === r) list.splice(at, 1);
      this.count(r, -1);
    }
    const rows = this.rowsOf(owner);
    if (rows.length === 0) this.rows.delete(owner);
    else this.keepRows(owner, rows);
    for (const r of rows) {
      const list = this.section(r);
      list.splice(lowerBound(list, r), 0, r);
      this.count(r, 1);
    }
  }
}

/**
 * Every duty of the database listed on `today`, per rule: open rows, and rows a standing mark set
 * apart, each sorted overdue first, then by due date, then by key (pages are slices of them).
 * The list is kept for the day and the parameters: a call computes again only the residents
 * (and notices) whose records changed since the last one, and moves their rows into place. What
 * it answers is the kept list itself, read-only, valid until the next call: nothing is copied.
 */
export function computeList(facts: WorklistFacts, today: string, policy: ListPolicy): ComputedList {
  const key = keyOf(today, policy);
  let list = facts.list as KeptList | null;
  if (!list || list.key !== key || facts.everything) {
    facts.changed.clear();
    facts.everything = false;
    list = new KeptList(key, facts, today, policy);
    list.fill();
    facts.list = list;
  } else {
    for (const owner of facts.changed) list.replace(owner);
    facts.changed.clear();
  }
  return list;
}
