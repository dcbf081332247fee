// A holder's failed 考核 months, read straight from the database (no cache of its own), for the
// 考核 screen and for the exits (a 考核不合格 exit needs the parameter's number of failed months).
import { PREFIX } from '../../../shared/documents/registry';
import type { AssessmentDoc } from '../../../shared/documents';
import { currentAssessment } from '../../../shared/assessment/doc';
import type { FailedMonthsView } from '../../../shared/assessment/contract';
import type { PolicyStore } from '../policy/policy';
import { prefixRange, type StationDb } from '../store/db';

/** `assignment:<place>:<code>:<resident key>:<start>` → the prefix of its post's assessments `assessment:<place>:<code>:`. */
export function assessmentPrefixOf(assignmentId: string): string {
  const parts = assignmentId.slice(PREFIX.assignment.length).split(':');
  return `${PREFIX.assessment}${parts.slice(0, -2).join(':')}:`;
}

/** The months whose current 考核 failed, from the holder's entries. */
export function failedMonthsOf(entries: readonly AssessmentDoc[], assignmentId: string): string[] {
  const months = [...new Set(entries.filter((e) => e.assignmentId === assignmentId).map((e) => e.month))].sort();
  return months.filter((m) => currentAssessment(entries, assignmentId, m)?.passed === false);
}

/**
 * The failed months of an assignment and whether they make it eligible for a 考核不合格 exit
 * (the parameter `failedMonthsForExit` in force on `day`). For the exits: `failedMonths(db, policies, assignmentId, today)`.
 */
export async function failedMonths(db: StationDb, policies: PolicyStore, assignmentId: string, day: string): Promise<FailedMonthsView> {
  const result = await db.allDocs<AssessmentDoc>({ include_docs: true, ...prefixRange(assessmentPrefixOf(assignmentId)) });
  const entries = result.rows.flatMap((r) => (r.doc && r.doc.type === 'assessment' ? [r.doc as AssessmentDoc] : []));
  return failedView(entries, assignmentId, policies.assessment(day).values.failedMonthsForExit);
}

export function failedView(entries: readonly AssessmentDoc[], assignmentId: string, required: number): FailedMonthsView {
  const months = failedMonthsOf(entries, assignmentId);
  return { assignmentId, months, required, eligible: months.length >= required };
}
