// The service forms' vocabulary: the label of each argument path, and the issues of a form's
// values (the shared schema's and the shared rules', the same the core applies) on its fields.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/rpc/errors';
import { issueText, labelFor } from '../errors';
import { schemaIssues } from '../form/schemaIssues';

export const SERVICE_LABELS: Record<string, string> = {
  date: 'services.fields.date',
  channel: 'services.fields.channel',
  kind: 'services.fields.kind',
  content: 'services.fields.content',
  outcome: 'services.fields.outcome',
  referral: 'services.fields.employerName',
  'referral.employerName': 'services.fields.employerName',
  'referral.employerCreditCode': 'services.fields.employerCreditCode',
  'referral.job': 'services.fields.job',
  'referral.pay': 'services.fields.pay',
  referralId: 'services.fields.referralId',
  corrects: 'services.fields.corrects',
  result: 'services.fields.result',
  note: 'services.fields.note',
};
/** A result's date is the result's, not the service's. */
export const RESULT_LABELS: Record<string, string> = { ...SERVICE_LABELS, date: 'services.fields.resultDate' };

/** An issue (the core's or a rule's) in words, naming its field. */
export function serviceIssueText(t: TFunction, issue: FieldIssue, labels: Record<string, string> = SERVICE_LABELS): string {
  return issueText(t, issue, labels);
}

/** Messages by form field: the schema's first, then the rules' (first issue of a field only). */
export function formIssues(
  t: TFunction,
  schema: z.ZodType,
  args: unknown,
  rules: readonly FieldIssue[],
  fieldOf: (path: string) => string | null,
  labels: Record<string, string> = SERVICE_LABELS,
): Record<string, string> {
  const out = schemaIssues(schema, args, t, {
    formPathOf: (path) => fieldOf(path) ?? fieldOf(path.split('.')[0] ?? ''),
    labelOf: (tr, path) => labelFor(tr, path, labels),
  });
  for (const issue of rules) {
    const field = fieldOf(issue.field);
    if (field && !out[field]) out[field] = serviceIssueText(t, issue, labels);
  }
  return out;
}
