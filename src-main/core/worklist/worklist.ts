// The work list (待办) of one database: the rules of shared/worklist/rules.ts applied to the facts
// kept of it (./facts.ts) with the parameters in force today, and the clerks' marks. The same
// computation serves a station's own list and a township's read-only view of a village.
import { retirementDate, type RetirementRuleSet } from '../../../shared/policy/retirement';
import type { WorklistParams } from '../../../shared/policy/parameters';
import type { WorklistCounts, WorklistItem, WorklistMarkView } from '../../../shared/worklist/contract';
import { noticeDuty, personDuties, standingMark, dutyState, type AssignmentFact, type CourseFact, type Duty, type PersonFacts } from '../../../shared/worklist/rules';
import type { WorklistFacts, PersonEntry } from './facts';

/** What the rules take from the county's dated parameters, in force on the day listed. */
export interface ListPolicy {
  params: WorklistParams;
  maxSubsidyMonths: number;
  retirement: RetirementRuleSet;
}

export interface ComputedList {
  items: WorklistItem[];
  marked: WorklistItem[];
  counts: WorklistCounts;
}

const RULES_OF_REGISTRATION = new Set(['unemployment', 'hardship']);

function personFacts(facts: WorklistFacts, r: PersonEntry, policy: ListPolicy): PersonFacts | null {
  const services = facts.services.byOwner.get(r.id);
  const assignmentsOf = facts.assignments.byOwner.get(r.id);
  const enrolmentsOf = facts.enrolments.byOwner.get(r.id);
  const registered = !r.closed && RULES_OF_REGISTRATION.has(r.kind);
  let referrals = false;
  if (services) for (const s of services.values()) if (s.kind === 'jobReferral') referrals = true;
  if (!registered && !referrals && !assignmentsOf && !enrolmentsOf) return null;
  const assignments: AssignmentFact[] = assignmentsOf ? [...assignmentsOf.values()].map((a) => ({ ...a, postName: facts.posts.get(a.postId) ?? '' })) : [];
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
    services: services ? [...services.values()] : [],
    statuses: facts.statuses.of(r.id),
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
    target: d.target,
    facts: d.facts,
    mark,
  };
}

const order = (a: WorklistItem, b: WorklistItem) =>
  (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) || a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key);

/** Every duty of the database listed on `today`: open rows, and rows a standing mark set apart. */
export function computeList(facts: WorklistFacts, today: string, policy: ListPolicy): ComputedList {
  const items: WorklistItem[] = [];
  const marked: WorklistItem[] = [];
  const counts: WorklistCounts = { due: 0, overdue: 0 };
  const take = (d: Duty, name: string | null) => {
    const mark = standingMark(facts.marks.byOwner.has(d.key) ? facts.marks.of(d.key) : undefined, today);
    const row = item(d, today, name, mark ? { kind: mark.kind as WorklistMarkView['kind'], until: mark.until, reason: mark.reason, byName: mark.byName, at: mark.at } : null);
    if (mark) return marked.push(row);
    counts[row.state] += 1;
    return items.push(row);
  };
  for (const r of facts.residents.values()) {
    const p = personFacts(facts, r, policy);
    if (!p) continue;
    for (const d of personDuties(p, today, policy.params, policy.maxSubsidyMonths)) take(d, r.name);
  }
  for (const n of facts.notices.values()) {
    const d = noticeDuty(n, today, policy.params);
    if (d) take(d, null);
  }
  items.sort(order);
  marked.sort(order);
  return { items, marked, counts };
}
