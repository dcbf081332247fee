// Texts the core writes into files it makes (error sheet reasons, ledger values): the same
// i18n resources the UI uses, resolved here because a file leaves the app already translated.
import { resources } from '../../../shared/i18n/resources';
import { REGISTRATION_KINDS } from '../../../shared/residents/schema';
import type { ImportIssue } from '../../../shared/sheets/contract';

export type Locale = 'zh-CN' | 'en';

/** Every domain's texts (a ledger names services, employment statuses, registrations…). */
const RESOURCES: Record<Locale, Record<string, unknown>> = resources;

export function text(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = RESOURCES[locale];
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  const template = typeof node === 'string' ? node : key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** "C 列“身份证号”：身份证号校验位不正确…" */
export function issueText(locale: Locale, issue: ImportIssue): string {
  const params: Record<string, string | number> = { ...issue.params };
  if (typeof params.kind === 'string' && (REGISTRATION_KINDS as readonly string[]).includes(params.kind)) params.kind = text(locale, `enums.kind.${params.kind}`);
  const field = issue.field ? text(locale, `sheets.field.${issue.field}`) : '';
  const message = text(locale, issue.messageKey, { ...params, field });
  if (issue.column) return text(locale, 'sheets.issueColumn', { ...issue.column, message });
  if (issue.constant && field) return text(locale, 'sheets.issueConstant', { field, message });
  return field ? text(locale, 'sheets.issueNoColumn', { field, message }) : message;
}
