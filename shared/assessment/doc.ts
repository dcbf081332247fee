// The stored 考核 facts, append-only: an assessment entry per holder and closed month (a change is
// a new entry that supersedes; the current one is the latest), and the print of a 扣款告知书 (the
// payroll is final only once every deduction's notice was printed). The registry's rows
// (../documents/registry.ts) and schemas (../documents/schemas.ts) describe them; these pure
// readers serve the station and the township payroll alike.
import type { AssessmentResult } from './pay';

/** What the readers need of a stored entry (the full type is ../documents' AssessmentDoc). */
export interface AssessmentEntry {
  _id: string;
  assignmentId: string;
  month: string;
  score: number;
  passed: boolean;
  deductions: { reason: string; amountFen: number }[];
  assessedAt: string;
}

/** The holder's current 考核 for the month: the latest entry (entries are never rewritten), or null. */
export function currentAssessment<T extends AssessmentEntry>(entries: readonly T[], assignmentId: string, month: string): T | null {
  let current: T | null = null;
  for (const e of entries) {
    if (e.assignmentId !== assignmentId || e.month !== month) continue;
    if (!current || e.assessedAt > current.assessedAt || (e.assessedAt === current.assessedAt && e._id > current._id)) current = e;
  }
  return current;
}

/** An entry as the pay function takes it (amounts in yuan). */
export function assessmentResult(entry: Pick<AssessmentEntry, 'score' | 'passed' | 'deductions'> | null): AssessmentResult | null {
  if (!entry) return null;
  return { score: entry.score, passed: entry.passed, deductions: entry.deductions.map((d) => ({ reason: d.reason, amount: d.amountFen / 100 })) };
}

/** Whether the entry's 扣款告知书 was printed (always true without deductions): the payroll is final only then. */
export function noticeDone(entry: Pick<AssessmentEntry, '_id' | 'deductions'> | null, notices: readonly { assessmentId: string }[]): boolean {
  if (!entry || entry.deductions.length === 0) return true;
  return notices.some((n) => n.assessmentId === entry._id);
}
