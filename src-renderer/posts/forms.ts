// Form values of the post and assignment forms and how they become handler arguments; their
// resolvers validate with the shared schemas (the form kit's schemaResolver).

import type { TFunction } from 'i18next';
import { assignSchema, postSaveSchema, type AssignInput, type PostCategory, type PostKind, type PostSaveInput } from '../../shared/posts/schema';
import type { PostView } from '../../shared/rpc/handlers';
import { schemaResolver } from '../form/schemaIssues';

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
