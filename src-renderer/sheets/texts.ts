// How a roster row's problem reads: the column (letter and header) first, then the reason.
import type { TFunction } from 'i18next';
import { REGISTRATION_KINDS } from '../../shared/residents/schema';
import type { ImportIssue, ImportRowView } from '../../shared/sheets/contract';

export function importIssueText(t: TFunction, issue: ImportIssue): string {
  const params: Record<string, string | number> = { ...issue.params };
  if (typeof params.kind === 'string' && (REGISTRATION_KINDS as readonly string[]).includes(params.kind)) params.kind = t(`enums.kind.${params.kind}`);
  const field = issue.field ? t(`sheets.field.${issue.field}`) : '';
  const message = t(issue.messageKey, { ...params, field });
  if (issue.column) return t('sheets.issueColumn', { ...issue.column, message });
  if (issue.constant && field) return t('sheets.issueConstant', { field, message });
  return field ? t('sheets.issueNoColumn', { field, message }) : message;
}

/** Every reason of a row, one per line. */
export function rowReasons(t: TFunction, row: ImportRowView): string[] {
  const warnings = (row.warnings ?? []).map((issue) => importIssueText(t, issue));
  if (row.status === 'duplicate') return [t('sheets.duplicateOf', { row: row.duplicateOfRow ?? '' }), ...warnings];
  if (row.status === 'existing') return [t('sheets.existingAs', { name: row.existing?.name ?? '' }), ...warnings];
  return [...row.issues.map((issue) => importIssueText(t, issue)), ...warnings];
}
