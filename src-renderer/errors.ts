// The one translator of the core's errors into the clerk's language, naming the field at fault.
// Three vocabularies share it: the app's (resident fields, the `fields.*` labels), the posts
// screens' (post, assignment and attendance fields, money) and the training screens' (session,
// enrolment and sign-in fields, half-days and directions).

import type { TFunction } from 'i18next';
import type { FieldIssue, RpcError } from '../shared/rpc/errors';
import { LeyeError } from '../shared/rpc/errors';
import { toLeyeError } from '../shared/rpc/client';
import type { RegistrationKind } from '../shared/residents/schema';
import type { HalfDay, SignDirection } from '../shared/training/schema';
import { formatYuan } from './form/format';
import { POST_LABELS } from './posts/labels';
import { TRAINING_LABELS } from './training/labels';

type Params = Record<string, string | number>;

// The codes worded below, as sets typed by the schemas' unions (the compiler asks for every code
// and refuses any other): importing the schemas' lists would load zod and every schema with it
// on the login screen's path, which only needs this translator (issue 18).
const REGISTRATION_KINDS: Record<RegistrationKind, true> = { jobSeeking: true, unemployment: true, hardship: true };
const HALF_DAYS: Record<HalfDay, true> = { am: true, pm: true };
const SIGN_DIRECTIONS: Record<SignDirection, true> = { in: true, out: true };

/** Whether a parameter is one of a set's codes. */
const isCode = (set: Record<string, true>, value: string | number | undefined): value is string => typeof value === 'string' && Object.hasOwn(set, value);

/** The codes of each set, for the tests (they must be the schemas' lists). */
export const WORDED_CODES = { REGISTRATION_KINDS, HALF_DAYS, SIGN_DIRECTIONS } as const;

/** A dotted argument path without its list indices: 'marks.3.hours' → 'marks.hours'. */
function barePath(path: string): string {
  return path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
}

/** An RpcError's issues: its list, or the one issue it names. */
export function issuesOf(error: RpcError): FieldIssue[] {
  if (error.issues?.length) return error.issues;
  return [{ field: error.field ?? '', messageKey: error.messageKey, ...(error.params ? { params: error.params } : {}) }];
}

// ── The app's vocabulary ────────────────────────────────────────────────────────────────────

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
  const bare = barePath(path);
  return LABELS[bare] ?? `fields.${bare.split('.').pop() ?? bare}`;
}

function translateParams(t: TFunction, params: Params | undefined, field: string | undefined) {
  const out: Params = { ...params };
  if (isCode(REGISTRATION_KINDS, out.kind)) {
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

// ── The posts vocabulary (also the policy, course, account and password forms') ─────────────

/** A label for a dotted argument path ('marks.3.hours'), from `extra` first, then the posts labels, then the app's. */
export function labelFor(t: TFunction, path: string | undefined, extra: Record<string, string> = {}): string {
  if (!path) return '';
  const bare = barePath(path);
  const key = extra[bare] ?? POST_LABELS[bare];
  if (key) return t(key);
  return t(fieldLabelKey(path), { defaultValue: bare });
}

/** Turns codes in an issue's parameters into words: post kinds, target-group lists, money. */
function postParams(t: TFunction, params: Params | undefined): Params {
  const out: Params = { ...params };
  if (typeof out.postKind === 'string') out.postKind = t(`errors.labels.postKind.${out.postKind}`, { defaultValue: out.postKind });
  if (isCode(REGISTRATION_KINDS, out.kind)) out.kind = t(`enums.kind.${out.kind}`);
  if (typeof out.groups === 'string') {
    out.groups = out.groups
      .split(',')
      .filter(Boolean)
      .map((group) => t(`errors.labels.postGroup.${group}`, { defaultValue: group }))
      .join(t('errors.labels.listSeparator'));
  }
  for (const key of ['pay', 'payDue', 'monthly', 'hourly', 'minimum']) {
    if (typeof out[key] === 'number') out[key] = formatYuan(out[key]);
  }
  return out;
}

export function issueText(t: TFunction, issue: FieldIssue, extraLabels?: Record<string, string>): string {
  return t(issue.messageKey, { ...postParams(t, issue.params), field: labelFor(t, issue.field, extraLabels) });
}

export function rpcErrorText(t: TFunction, error: RpcError, extraLabels?: Record<string, string>): string {
  return issuesOf(error)
    .map((issue) => issueText(t, issue, extraLabels))
    .join(t('posts.issueSeparator'));
}

// ── The training vocabulary ─────────────────────────────────────────────────────────────────

/** The label key of a training argument path; `register.*` paths are resident fields. */
export function trainingLabelKey(path: string): string {
  if (path.startsWith('register.')) return fieldLabelKey(path.slice('register.'.length));
  return TRAINING_LABELS[barePath(path)] ?? fieldLabelKey(path);
}

function trainingParams(t: TFunction, given: Params | undefined, field: string | undefined) {
  const out: Params = { ...given };
  if (isCode(HALF_DAYS, out.half)) out.half = t(`training.half.${out.half}`);
  if (isCode(SIGN_DIRECTIONS, out.direction)) {
    out.direction = t(`training.direction.${out.direction}`);
  }
  if (typeof out.level === 'string') out.level = t(`training.levels.${out.level}`, { defaultValue: out.level });
  if (typeof out.kind === 'string') out.kind = t(`enums.kind.${out.kind}`, { defaultValue: out.kind });
  out.field = field ? t(trainingLabelKey(field), { defaultValue: field }) : '';
  return out;
}

export function trainingIssueText(t: TFunction, issue: FieldIssue): string {
  return t(issue.messageKey, trainingParams(t, issue.params, issue.field));
}

/** All the issues of an error (each eligibility rule of a NOT_ELIGIBLE), or its one message. */
export function trainingIssues(t: TFunction, error: RpcError): string[] {
  if (error.issues && error.issues.length > 0) return error.issues.map((issue) => trainingIssueText(t, issue));
  return [t(error.messageKey, trainingParams(t, error.params, error.field))];
}

/** Any rejection as one translated text. */
export function trainingErrorText(t: TFunction, reason: unknown): string {
  return trainingIssues(t, toLeyeError(reason).rpc).join('；');
}
