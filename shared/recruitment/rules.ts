// Recruitment's rules, pure, one implementation for the core and the screens: the 公示 period,
// the ranking of applicants by the township's dated order, and the gate an assignment of a
// candidate has to pass (the period ended, no objection upheld or still open).
import type { PostQualifyingGroup } from '../policy/parameters';
import type { FieldIssue } from '../rpc/errors';
import { addDays } from '../worklist/rules';

export interface Period {
  from: string;
  to: string;
}

/** The 公示 period: from the day it is printed, `noticeDays` long (that day counted). */
export function noticePeriod(printedOn: string, noticeDays: number): Period {
  return { from: printedOn, to: addDays(printedOn, Math.max(1, noticeDays) - 1) };
}

/** How many days a period lasts, both ends counted. */
export function periodDays(period: Period): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period has ended on the day after its last day (its last day is still inside it). */
export function periodEnded(period: Period, today: string): boolean {
  return today > period.to;
}

/** An application as the ranking reads it. */
export interface RankFacts {
  applicationId: string;
  date: string;
  /** When it was recorded (ISO instant): the order of two applications of one day. */
  at: string;
  groups: readonly PostQualifyingGroup[];
}

/** The place of the applicant's first group in the order (those of none come after every group). */
export function groupRank(groups: readonly PostQualifyingGroup[], order: readonly PostQualifyingGroup[]): number {
  const ranks = groups.map((g) => order.indexOf(g)).filter((i) => i >= 0);
  return ranks.length === 0 ? order.length : Math.min(...ranks);
}

/** The applications in rank order: by the group order first, then the application date, then when recorded. */
export function ranked<T extends RankFacts>(applications: readonly T[], order: readonly PostQualifyingGroup[]): T[] {
  return [...applications].sort(
    (a, b) => groupRank(a.groups, order) - groupRank(b.groups, order) || a.date.localeCompare(b.date) || a.at.localeCompare(b.at) || a.applicationId.localeCompare(b.applicationId),
  );
}

/** An application's date: inside the opening's window, and not a day that has not come yet. */
export function applicationDateIssue(date: string, window: Period, today: string): FieldIssue | null {
  if (date > today) return { field: 'date', messageKey: 'errors.recruitment.futureDate', params: { date } };
  if (date < window.from || date > window.to) return { field: 'date', messageKey: 'errors.recruitment.outsideWindow', params: { from: window.from, to: window.to } };
  return null;
}

/** A 公示 as the gate reads it: its period and its objections (decided: upheld or not; open: null). */
export interface PublicityFacts extends Period {
  objections: { upheld: boolean | null }[];
}

/**
 * Why a candidate of a 公示 may not be placed yet on `today` (on the field `residentId`), or null:
 * the period has not ended, an objection is still open, or one was upheld. A county/admin
 * override passes it with its reason, like every other eligibility rule.
 */
export function publicityIssue(p: PublicityFacts, today: string): FieldIssue | null {
  if (p.objections.some((o) => o.upheld === true)) return { field: 'residentId', messageKey: 'errors.recruitment.objectionUpheld', params: { to: p.to } };
  if (!periodEnded(p, today)) return { field: 'residentId', messageKey: 'errors.recruitment.noticeRunning', params: { to: p.to, from: addDays(p.to, 1) } };
  if (p.objections.some((o) => o.upheld === null)) return { field: 'residentId', messageKey: 'errors.recruitment.objectionOpen', params: { to: p.to } };
  return null;
}
