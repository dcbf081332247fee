// Turns the core's error codes and keys into the clerk's language, naming the field at fault.

import type { TFunction } from 'i18next';
import type { FieldIssue, RpcError } from '../shared/rpc/errors';
import { LeyeError } from '../shared/rpc/errors';
import { toLeyeError } from '../shared/rpc/client';
import { REGISTRATION_KINDS } from '../shared/residents/schema';

/** Argument paths whose label differs from their last segment. */
const LABELS: Record<string, string> = {
  'registration.kind': 'fields.kind',
  'registration.date': 'fields.date',
  'registration.reason': 'fields.reason',
  'registration.familyMembers.name': 'fields.memberName',
  'registration.familyMembers.relation': 'fields.memberRelation',
  'registration.familyMembers.workStatus': 'fields.memberWorkStatus',
  'clerk.displayName': 'fields.displayName',
  reason: 'fields.closeReason',
  date: 'fields.closeDate',
  note: 'fields.closeNote',
};

/** The i18n key of a field's label, for a dotted argument path like 'registration.familyMembers.0.name'. */
export function fieldLabelKey(path: string): string {
  const bare = path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
  return LABELS[bare] ?? `fields.${bare.split('.').pop() ?? bare}`;
}

function translateParams(t: TFunction, params: Record<string, string | number> | undefined, field: string | undefined) {
  const out: Record<string, string | number> = { ...params };
  if (typeof out.kind === 'string' && (REGISTRATION_KINDS as readonly string[]).includes(out.kind)) {
    out.kind = t(`enums.kind.${out.kind}`);
  }
  // Codes the core sends as parameters, shown as labels (lists joined the locale's way).
  if (typeof out.postKind === 'string') out.postKind = t(`errors.labels.postKind.${out.postKind}`);
  if (typeof out.half === 'string') out.half = t(`errors.labels.half.${out.half}`);
  // A record a file or a sync refused: its kind and the field at fault, in words.
  if (typeof out.recordType === 'string') out.recordType = t(`errors.labels.recordType.${out.recordType}`, { defaultValue: out.recordType });
  if (typeof out.recordField === 'string') out.recordField = t(fieldLabelKey(out.recordField), { defaultValue: out.recordField });
  if (typeof out.groups === 'string') {
    out.groups = out.groups
      .split(',')
      .map((g) => t(`errors.labels.postGroup.${g}`))
      .join(t('errors.labels.listSeparator'));
  }
  out.field = field ? t(fieldLabelKey(field), { defaultValue: field }) : '';
  return out;
}

export function translateIssue(t: TFunction, issue: FieldIssue): string {
  return t(issue.messageKey, translateParams(t, issue.params, issue.field));
}

export function translateRpcError(t: TFunction, error: RpcError): string {
  return t(error.messageKey, translateParams(t, error.params, error.field));
}

/** Any rejection as translated text. */
export function errorText(t: TFunction, reason: unknown): string {
  const error = reason instanceof LeyeError ? reason : toLeyeError(reason);
  return translateRpcError(t, error.rpc);
}
