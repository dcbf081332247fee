// The work list's rules (待办), pure: what a person's records (or a printed notice) make due on a
// day, under the county's dated parameters (policy kind `worklist`). A village station applies
// them to its own records, a township to a village's relay copy: the same facts, the same rows.
//
// Every duty has a start (the first day it is listed), a due date, and is
//   - absent before its start,
//   - `due` from its start up to and including its due date,
//   - `overdue` from the day after its due date, until the record that answers it exists.
// A duty is answered by a record (a service, a result, a status entry, a shorter assignment…):
// it is then simply not produced any more. Its key names the duty and the cycle it is due in, so
// a clerk's mark (snooze, not applicable) holds for that duty only.
import type { WorklistParams } from '../policy/parameters';
import type { WorklistMarkKind, WorklistRule, WorklistTarget } from './contract';

// ── Days ─────────────────────────────────────────────────────────────────────────────────────

// Days as numbers (days since 1970-01-01), remembered both ways: the rules add days to the same
// few thousand dates for 100,000 people, and building a Date for each took most of a list's time.
const numberOf = new Map<string, number>();
const dayOf = new Map<number, string>();

function dayNumber(day: string): number {
  let n = numberOf.get(day);
  if (n === undefined) {
    n = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    if (numberOf.size < 200_000) numberOf.set(day, n);
  }
  return n;
}

function dayString(n: number): string {
  let day = dayOf.get(n);
  if (day === undefined) {
    day = new Date(n * 86_400_000).toISOString().slice(0, 10);
    if (dayOf.size < 200_000) dayOf.set(n, day);
  }
  return day;
}

export function addDays(day: string, days: number): string {
  return days === 0 ? day : dayString(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

const monthDays = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day `months` later, clamped to the month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, monthDays(ty, tm))).padStart(2, '0')}`;
}

let lastQuarter: { day: string; q: { name: string; start: string; end: string } } | null = null;

/** The calendar quarter of a day: its name (`2026Q4`), first and last day. */
export function quarterOf(day: string): { name: string; start: string; end: string } {
  if (lastQuarter?.day === day) return lastQuarter.q;
  const q = quarterOfDay(day);
  lastQuarter = { day, q };
  return q;
}

function quarterOfDay(day: string): { name: string; start: string; end: string } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const first = q * 3 + 1;
  const start = `${y}-${String(first).padStart(2, '0')}-01`;
  return { name: `${y}Q${q + 1}`, start, end: addDays(addMonths(start, 3), -1) };
}

/** Months of start..end inclusive: whole months, then thirtieths (as the posts' subsidy limit counts). */
export function periodMonths(start: string, end: string): number {
  const after = addDays(end, 1);
  let months = 0;
  while (addMonths(start, months + 1) <= after) months += 1;
  return months + daysBetween(addMonths(start, months), after) / 30;
}

/** The day on which a period starting `start` has lasted `months` (the inverse of periodMonths). */
export function dayReaching(start: string, months: number): string {
  const whole = Math.floor(months + 1e-9);
  const rest = Math.round((months - whole) * 30);
  return addDays(addDays(addMonths(start, whole), rest), -1);
}

// ── What the rules read ──────────────────────────────────────────────────────────────────────

/** A service entry (服务记录) as the rules read it. */
export interface ServiceFact {
  id: string;
  entry: 'service' | 'result';
  date: string;
  kind?: string;
  refersTo?: string;
  corrects?: string;
  /** A referral's employer and job. */
  employer?: string;
  job?: string;
}

/** An employment status entry: its effective date, the day it was written, whether an assignment wrote it. */
export interface StatusFact {
  effectiveDate: string;
  recordedOn: string;
  fromAssignment: boolean;
}

/**
 * What the rules read of a person's service entries, whatever the day: the latest standing
 * service (a contact) and the referrals still waiting for a result. A station keeps this, not its
 * 300,000 entries (issue 18): most entries only move the date (see `isPlainService`).
 */
export interface ServiceSummary {
  /** The latest date of the standing services, null when there is none. */
  lastService: string | null;
  /** The standing referrals no result answers (a result to any version of a corrected referral answers it). */
  openReferrals: readonly ServiceFact[];
}

/** What the rules read of a person's status entries: the latest day one was effective or written, of all and of those an assignment did not write. */
export interface StatusSummary {
  last: string | null;
  lastOwn: string | null;
}

export const NO_SERVICES: ServiceSummary = { lastService: null, openReferrals: [] };
export const NO_STATUSES: StatusSummary = { last: null, lastOwn: null };

/** A new service that only moves the latest date (unless an entry corrects it): no referral, no result, correcting nothing. */
export function isPlainService(s: Pick<ServiceFact, 'entry' | 'kind' | 'corrects'>): boolean {
  return s.entry === 'service' && s.kind !== 'jobReferral' && !s.corrects;
}

/** A person's service entries as the rules read them: an entry another corrects no longer stands. */
export function summarizeServices(all: readonly ServiceFact[]): ServiceSummary {
  const byId = new Map(all.map((s) => [s.id, s]));
  const corrected = new Set(all.flatMap((s) => (s.corrects ? [s.corrects] : [])));
  const answered = new Set(all.flatMap((s) => (s.entry === 'result' && s.refersTo && byId.has(s.refersTo) ? [rootOf(s.refersTo, byId)] : [])));
  let lastService: string | null = null;
  const openReferrals: ServiceFact[] = [];
  for (const s of all) {
    if (s.entry !== 'service' || corrected.has(s.id)) continue;
    lastService = later(lastService, s.date);
    if (s.kind === 'jobReferral' && !answered.has(rootOf(s.id, byId))) openReferrals.push(s);
  }
  return { lastService, openReferrals };
}

/** The later of two days (null is earlier than any). */
export function later(a: string | null, b: string | null): string | null {
  return a === null || (b !== null && b > a) ? b : a;
}

/** The latest day a status entry speaks of: effective or written. */
const statusDay = (s: StatusFact): string => later(s.effectiveDate, s.recordedOn)!;

/** A person's status entries as the rules read them. */
export function summarizeStatuses(all: readonly StatusFact[]): StatusSummary {
  let last: string | null = null;
  let lastOwn: string | null = null;
  for (const s of all) {
    last = later(last, statusDay(s));
    if (!s.fromAssignment) lastOwn = later(lastOwn, statusDay(s));
  }
  return { last, lastOwn };
}

export interface AssignmentFact {
  id: string;
  postId: string;
  postName: string;
  startDate: string;
  /** The last day held: the exit date when ended early (shared/posts/exits.ts). */
  endDate: string;
  /** When ended early: the exit answers every duty of the assignment. */
  exitDate?: string;
}

/** The day an assignment's subsidy months run out, counting the months held of the person's earlier assignments. */
export function postLimitDay(all: readonly Pick<AssignmentFact, 'id' | 'startDate' | 'endDate'>[], a: Pick<AssignmentFact, 'id' | 'startDate'>, maxSubsidyMonths: number): string {
  const prior = all.filter((o) => o.id !== a.id && o.startDate < a.startDate).reduce((sum, o) => sum + periodMonths(o.startDate, o.endDate), 0);
  return prior >= maxSubsidyMonths ? a.startDate : dayReaching(a.startDate, maxSubsidyMonths - prior);
}

/** A training class the person was enrolled in. */
export interface CourseFact {
  sessionId: string;
  name: string;
  endDate: string;
}

export interface PersonFacts {
  residentId: string;
  placeCode: string;
  registration: { kind: string; date: string };
  closed: boolean;
  services: ServiceSummary;
  statuses: StatusSummary;
  assignments: readonly AssignmentFact[];
  courses: readonly CourseFact[];
  /** The day the person reaches the retirement age (shared/policy/retirement.ts), null when unknown. */
  retirementDate: string | null;
}

/** A printed 公示 (hardship notice) and its period. */
export interface NoticeFact {
  id: string;
  placeCode: string;
  /** The applications it lists (registered from..to) and the period it is posted. */
  from: string;
  to: string;
  noticeFrom: string;
  noticeTo: string;
  applicants: number | null;
}

/** A duty the rules found: listed from `start`, due on `dueDate`. */
export interface Duty {
  key: string;
  rule: WorklistRule;
  start: string;
  dueDate: string;
  residentId: string | null;
  placeCode: string;
  target: WorklistTarget;
  facts: Record<string, string | number | null>;
}

export type DutyState = 'due' | 'overdue';

/** Absent before its start, due up to its due date, overdue after. */
export function dutyState(duty: { start: string; dueDate: string }, today: string): DutyState | null {
  if (today < duty.start) return null;
  return today <= duty.dueDate ? 'due' : 'overdue';
}

/** Parts of a key are joined by `|` (ids hold colons). */
export const keyOf = (...parts: string[]) => parts.join('|');

// ── The person's duties ──────────────────────────────────────────────────────────────────────

/** The first entry of a correction chain. */
function rootOf(id: string, byId: ReadonlyMap<string, ServiceFact>): string {
  let current = id;
  for (let hops = 0; hops < 1000; hops++) {
    const corrects = byId.get(current)?.corrects;
    if (corrects === undefined || !byId.has(corrects)) return current;
    current = corrects;
  }
  return current;
}

/** The last contact: the latest service's date, else the registration date. */
export function lastContact(p: PersonFacts): string {
  return later(p.registration.date, p.services.lastService)!;
}

function contactDuties(p: PersonFacts, today: string, params: WorklistParams, out: Duty[]): void {
  if (p.closed) return;
  const target: WorklistTarget = { kind: 'resident', residentId: p.residentId };
  const last = lastContact(p);
  if (p.registration.kind === 'unemployment') {
    const dueDate = addDays(last, params.contactDays);
    out.push({
      key: keyOf('unemployedNotContacted', p.residentId, last),
      rule: 'unemployedNotContacted',
      start: addDays(dueDate, -params.leadDays),
      dueDate,
      residentId: p.residentId,
      placeCode: p.placeCode,
      target,
      facts: { lastContact: last, daysSinceContact: daysBetween(last, today) },
    });
  }
  if (p.registration.kind === 'hardship') {
    // This quarter's duty, and last quarter's while it is unanswered (a service since its start answers it).
    const current = quarterOf(today);
    const previous = quarterOf(addDays(current.start, -1));
    for (const q of [previous, current]) {
      if (p.registration.date > q.end || last >= q.start) continue;
      out.push({
        key: keyOf('hardshipNoServiceThisQuarter', p.residentId, q.name),
        rule: 'hardshipNoServiceThisQuarter',
        start: addDays(q.end, -params.quarterLeadDays),
        dueDate: q.end,
        residentId: p.residentId,
        placeCode: p.placeCode,
        target,
        facts: { quarter: q.name, lastContact: last === p.registration.date ? null : last },
      });
    }
  }
}

function referralDuties(p: PersonFacts, params: WorklistParams, out: Duty[]): void {
  for (const s of p.services.openReferrals) {
    const dueDate = addDays(s.date, params.referralResultDays);
    out.push({
      key: keyOf('referralNoResult', s.id),
      rule: 'referralNoResult',
      start: addDays(dueDate, -Math.min(params.leadDays, params.referralResultDays)),
      dueDate,
      residentId: p.residentId,
      placeCode: p.placeCode,
      target: { kind: 'service', serviceId: s.id, residentId: p.residentId },
      facts: { referralDate: s.date, employer: s.employer ?? null, job: s.job ?? null },
    });
  }
}

/** What the person does next is recorded: a status entry (not an assignment's own) effective or written from `since`. */
function nextStatusRecorded(p: PersonFacts, since: string): boolean {
  return p.statuses.lastOwn !== null && p.statuses.lastOwn >= since;
}

/**
 * One row per assignment: the earliest of its end, the day the subsidy's months run out and the
 * holder's retirement, when that day falls within the assignment (a tie names the more specific
 * rule: retirement, then the limit, then the end). Answered by a status entry of what the person
 * does next (effective or written from the row's start), by a following assignment (for an end),
 * or by the assignment shortened so the day no longer falls within it, or ended early (its exit).
 */
function postDuties(p: PersonFacts, params: WorklistParams, maxSubsidyMonths: number, out: Duty[]): void {
  for (const a of p.assignments) {
    if (a.exitDate) continue;
    const limitDay = postLimitDay(p.assignments, a, maxSubsidyMonths);
    const candidates: { rule: WorklistRule; dueDate: string; window: number }[] = [];
    if (p.retirementDate && p.retirementDate > a.startDate && p.retirementDate <= a.endDate) candidates.push({ rule: 'retirementNear', dueDate: p.retirementDate, window: params.retirementWarnDays });
    if (limitDay <= a.endDate) candidates.push({ rule: 'subsidyLimitNear', dueDate: limitDay, window: params.limitWarnDays });
    candidates.push({ rule: 'assignmentEnding', dueDate: a.endDate, window: params.assignmentEndDays });
    const chosen = candidates.reduce((best, c) => (c.dueDate < best.dueDate ? c : best));
    const start = addDays(chosen.dueDate, -chosen.window);
    if (nextStatusRecorded(p, start)) continue;
    if (chosen.rule === 'assignmentEnding' && p.assignments.some((o) => o.startDate > a.startDate)) continue;
    out.push({
      key: keyOf(chosen.rule, a.id, chosen.dueDate),
      rule: chosen.rule,
      start,
      dueDate: chosen.dueDate,
      residentId: p.residentId,
      placeCode: p.placeCode,
      target: { kind: 'post', postId: a.postId, residentId: p.residentId },
      facts: {
        post: a.postName,
        startDate: a.startDate,
        endDate: a.endDate,
        ...(chosen.rule === 'subsidyLimitNear' || chosen.rule === 'retirementNear' ? { warnFrom: addDays(chosen.dueDate, -params.exitWarnDays) } : {}),
        ...(chosen.rule === 'subsidyLimitNear' ? { maxSubsidyMonths, limitDate: limitDay } : {}),
        ...(chosen.rule === 'retirementNear' ? { retirementDate: p.retirementDate } : {}),
      },
    });
  }
}

/** A course ended: its follow-up is due `trainingFollowUpMonths` later, answered by any status entry effective or written after the end. */
function trainingDuties(p: PersonFacts, params: WorklistParams, out: Duty[]): void {
  for (const c of p.courses) {
    if (p.statuses.last !== null && p.statuses.last > c.endDate) continue;
    const dueDate = addMonths(c.endDate, params.trainingFollowUpMonths);
    out.push({
      key: keyOf('trainingNoStatus', c.sessionId, p.residentId),
      rule: 'trainingNoStatus',
      start: addDays(dueDate, -params.leadDays),
      dueDate,
      residentId: p.residentId,
      placeCode: p.placeCode,
      target: { kind: 'session', sessionId: c.sessionId, residentId: p.residentId },
      facts: { course: c.name, courseEnd: c.endDate },
    });
  }
}

/** Rules listed until done, however long overdue; the others only `keepOverdueDays` past their due date. */
const KEPT_UNTIL_DONE: ReadonlySet<WorklistRule> = new Set(['unemployedNotContacted', 'hardshipNoServiceThisQuarter']);

/** Listed on `today`: from its start, and a one-off duty no longer than `keepOverdueDays` past due. */
export function listed(d: Duty, today: string, params: WorklistParams): boolean {
  if (dutyState(d, today) === null) return false;
  return KEPT_UNTIL_DONE.has(d.rule) || daysBetween(d.dueDate, today) <= params.keepOverdueDays;
}

/** Every duty of a person that is listed on `today` (due or overdue). */
export function personDuties(p: PersonFacts, today: string, params: WorklistParams, maxSubsidyMonths: number): Duty[] {
  const out: Duty[] = [];
  contactDuties(p, today, params, out);
  referralDuties(p, params, out);
  postDuties(p, params, maxSubsidyMonths, out);
  trainingDuties(p, params, out);
  return out.filter((d) => listed(d, today, params));
}

/**
 * A 公示 whose period has ended: due from the day after its last day for `noticeDecisionDays`
 * days (to conclude the 认定: no objection, or one to answer), overdue after. No record answers a
 * notice: the clerk closes it with a mark and its outcome as the reason.
 */
export function noticeDuty(n: NoticeFact, today: string, params: WorklistParams): Duty | null {
  const duty: Duty = {
    key: keyOf('noticeEnded', n.id),
    rule: 'noticeEnded',
    start: addDays(n.noticeTo, 1),
    dueDate: addDays(n.noticeTo, params.noticeDecisionDays),
    residentId: null,
    placeCode: n.placeCode,
    target: { kind: 'notice', noticeId: n.id },
    facts: { from: n.from, to: n.to, noticeFrom: n.noticeFrom, noticeTo: n.noticeTo, applicants: n.applicants },
  };
  return listed(duty, today, params) ? duty : null;
}

// ── Marks ────────────────────────────────────────────────────────────────────────────────────

export interface MarkFact {
  id: string;
  key: string;
  kind: WorklistMarkKind;
  until: string | null;
  reason: string;
  byName: string;
  at: string;
}

/** The mark that stands on a key: the latest (by time, then id); a snooze only while its day is not reached, `reopened` never. */
export function standingMark(marks: readonly MarkFact[] | undefined, today: string): MarkFact | null {
  if (!marks || marks.length === 0) return null;
  const latest = marks.reduce((a, b) => (b.at > a.at || (b.at === a.at && b.id > a.id) ? b : a));
  if (latest.kind === 'reopened') return null;
  if (latest.kind === 'snoozed' && (latest.until === null || latest.until <= today)) return null;
  return latest;
}
