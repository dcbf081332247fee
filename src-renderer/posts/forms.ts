// Form values of the post and assignment forms, how they become handler arguments, and the
// translation of schema and core issues onto fields (with labels and enum parameters of the
// posts vocabulary, which the residents' error helper does not know).

import type { TFunction } from 'i18next';
import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import { REGISTRATION_KINDS } from '../../shared/residents/schema';
import { assignSchema, postSaveSchema, type AssignInput, type PostCategory, type PostKind, type PostSaveInput } from '../../shared/posts/schema';
import type { FieldIssue, RpcError } from '../../shared/rpc/errors';
import type { PostView } from '../../shared/rpc/handlers';
import { fieldLabelKey } from '../errors';
import { issuesResolver, schemaIssues } from '../form/schemaIssues';

// ── Labels and issue texts ──────────────────────────────────────────────────────────────────

/** Argument paths of the posts handlers → label keys. */
const POST_LABELS: Record<string, string> = {
  code: 'posts.fields.code',
  name: 'posts.fields.name',
  kind: 'posts.fields.kind',
  category: 'posts.fields.category',
  placeCode: 'posts.fields.placeCode',
  'employer.name': 'posts.fields.employerName',
  'employer.creditCode': 'posts.fields.employerCreditCode',
  plannedHoursPerMonth: 'posts.fields.plannedHoursPerMonth',
  payPerMonth: 'posts.fields.payPerMonth',
  startDate: 'posts.fields.startDate',
  endDate: 'posts.fields.endDate',
  residentId: 'posts.fields.residentId',
  contractNo: 'posts.fields.contractNo',
  'override.reason': 'posts.fields.overrideReason',
  override: 'posts.fields.overrideReason',
  month: 'posts.fields.month',
  reason: 'posts.fields.reason',
  'marks.hours': 'posts.fields.hours',
  'marks.mark': 'posts.fields.mark',
  'marks.date': 'posts.fields.date',
  marks: 'posts.fields.mark',
};

/** A label for a dotted argument path ('marks.3.hours'), from `extra` first, then the posts labels, then the app's. */
export function labelFor(t: TFunction, path: string | undefined, extra: Record<string, string> = {}): string {
  if (!path) return '';
  const bare = path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
  const key = extra[bare] ?? POST_LABELS[bare];
  if (key) return t(key);
  return t(fieldLabelKey(path), { defaultValue: bare });
}

/** Turns codes in an issue's parameters into words: post kinds, target-group lists, money. */
export function translateParams(t: TFunction, params: Record<string, string | number> | undefined): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (typeof out.postKind === 'string') out.postKind = t(`errors.labels.postKind.${out.postKind}`, { defaultValue: out.postKind });
  if (typeof out.kind === 'string' && (REGISTRATION_KINDS as readonly string[]).includes(out.kind)) out.kind = t(`enums.kind.${out.kind}`);
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
  return t(issue.messageKey, { ...translateParams(t, issue.params), field: labelFor(t, issue.field, extraLabels) });
}

/** An RpcError's issues: its list, or the one issue it names. */
export function issuesOf(error: RpcError): FieldIssue[] {
  if (error.issues?.length) return error.issues;
  return [{ field: error.field ?? '', messageKey: error.messageKey, ...(error.params ? { params: error.params } : {}) }];
}

export function rpcErrorText(t: TFunction, error: RpcError, extraLabels?: Record<string, string>): string {
  return issuesOf(error)
    .map((issue) => issueText(t, issue, extraLabels))
    .join(t('posts.issueSeparator'));
}

export function formatYuan(value: number): string {
  return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
}

export function formatHours(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

// ── A resolver over a shared schema ─────────────────────────────────────────────────────────

/**
 * Validates form values with the shared schema the core applies again: the form's values become
 * the argument (`toArgs`), each issue lands on the form field `fieldOf` names for its path.
 */
export function schemaResolver<V extends FieldValues, A>(
  schema: z.ZodType,
  toArgs: (values: V) => A,
  fieldOf: (path: string) => string | null,
  t: () => TFunction,
  extraLabels?: Record<string, string>,
): Resolver<V> {
  return issuesResolver((values) =>
    schemaIssues(schema, toArgs(values), t(), {
      formPathOf: (path) => fieldOf(path) ?? fieldOf(path.split('.')[0] ?? ''),
      labelOf: (tr, path) => labelFor(tr, path, extraLabels),
    }),
  );
}

// ── The post form ───────────────────────────────────────────────────────────────────────────

export interface PostFormValues {
  code: string;
  name: string;
  kind: PostKind;
  category: PostCategory | '';
  placeCode: string;
  employerName: string;
  employerCreditCode: string;
  plannedHoursPerMonth: number | null;
  payPerMonth: number | null;
  startDate: string;
  endDate: string;
}

export const POST_FORM_FIELDS = [
  'code',
  'name',
  'kind',
  'category',
  'placeCode',
  'employerName',
  'employerCreditCode',
  'plannedHoursPerMonth',
  'payPerMonth',
  'startDate',
  'endDate',
] as const satisfies readonly (keyof PostFormValues)[];

export function emptyPost(placeCode: string, today: string): PostFormValues {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // A year's period by default: today to the day before the same day next year.
  const end = new Date(Date.UTC(y + 1, m - 1, d - 1)).toISOString().slice(0, 10);
  return {
    code: '',
    name: '',
    kind: 'rural',
    category: '',
    placeCode,
    employerName: '',
    employerCreditCode: '',
    plannedHoursPerMonth: null,
    payPerMonth: null,
    startDate: today,
    endDate: end,
  };
}

export function postToValues(post: PostView): PostFormValues {
  return {
    code: post.code,
    name: post.name,
    kind: post.kind,
    category: post.category,
    placeCode: post.placeCode,
    employerName: post.employer.name,
    employerCreditCode: post.employer.creditCode,
    plannedHoursPerMonth: post.plannedHoursPerMonth,
    payPerMonth: post.payPerMonth,
    startDate: post.startDate,
    endDate: post.endDate,
  };
}

export function toPostArgs(v: PostFormValues, rev?: string): PostSaveInput {
  return {
    code: v.code.trim(),
    ...(rev ? { rev } : {}),
    name: v.name,
    kind: v.kind,
    // An unchosen option goes as undefined, so the schema says "required" rather than "invalid".
    category: (v.category || undefined) as PostCategory,
    placeCode: v.placeCode.trim(),
    employer: { name: v.employerName, creditCode: v.employerCreditCode.trim() },
    plannedHoursPerMonth: (v.plannedHoursPerMonth ?? undefined) as number,
    payPerMonth: (v.payPerMonth ?? undefined) as number,
    startDate: v.startDate,
    endDate: v.endDate,
  };
}

/** The post form field an argument path belongs to. */
export function postFieldOf(path: string): keyof PostFormValues | null {
  if (path === 'employer.name' || path === 'employer') return 'employerName';
  if (path === 'employer.creditCode') return 'employerCreditCode';
  return (POST_FORM_FIELDS as readonly string[]).includes(path) ? (path as keyof PostFormValues) : null;
}

export const postResolver = (t: () => TFunction, rev?: string) =>
  schemaResolver<PostFormValues, PostSaveInput>(postSaveSchema, (v) => toPostArgs(v, rev), postFieldOf, t);

// ── The assignment form ─────────────────────────────────────────────────────────────────────

export interface AssignFormValues {
  residentId: string;
  startDate: string;
  endDate: string;
  contractNo: string;
}

export function toAssignArgs(postId: string, v: AssignFormValues, overrideReason?: string): AssignInput {
  return {
    postId,
    residentId: v.residentId,
    startDate: v.startDate,
    endDate: v.endDate,
    contractNo: v.contractNo,
    ...(overrideReason !== undefined ? { override: { reason: overrideReason } } : {}),
  };
}

export function assignFieldOf(path: string): keyof AssignFormValues | null {
  return path === 'residentId' || path === 'startDate' || path === 'endDate' || path === 'contractNo' ? path : null;
}

export const assignResolver = (t: () => TFunction, postId: string) =>
  schemaResolver<AssignFormValues, AssignInput>(assignSchema, (v) => toAssignArgs(postId, v), assignFieldOf, t);
