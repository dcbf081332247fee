// The mark dialog's form: its values, the arguments they make, and their issues on the fields (the
// shared schema's, then the core's "after today" rule checked here first).
import type { TFunction } from 'i18next';
import { worklistMarkSchema, type WorklistMarkKind } from '../../shared/worklist/contract';
import { issueText, labelFor } from '../errors';
import { schemaIssues } from '../form/schemaIssues';

export interface MarkValues {
  until: string;
  reason: string;
}

export const MARK_LABELS: Record<string, string> = { until: 'worklistScreen.dialog.until', reason: 'worklistScreen.dialog.reason', key: 'worklistScreen.dialog.reason' };

export const fieldOf = (path: string) => (path === 'until' || path === 'reason' ? path : null);

/** The mark's arguments from the form's values. */
export function markArgs(key: string, kind: WorklistMarkKind, values: MarkValues) {
  return { key, kind, until: kind === 'snoozed' && values.until ? values.until : null, reason: values.reason };
}

/** Messages by field: the shared schema's first, then "after today" (the core's own rule, checked here first). */
export function markIssues(t: TFunction, key: string, kind: WorklistMarkKind, values: MarkValues, today: string): Record<string, string> {
  const out = schemaIssues(worklistMarkSchema, markArgs(key, kind, values), t, { formPathOf: fieldOf, labelOf: (tr, path) => labelFor(tr, path, MARK_LABELS) });
  if (kind === 'snoozed' && values.until && values.until <= today && !out.until) {
    out.until = issueText(t, { field: 'until', messageKey: 'errors.worklist.untilNotAfterToday' }, MARK_LABELS);
  }
  return out;
}
