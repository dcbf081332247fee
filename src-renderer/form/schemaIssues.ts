// Client-side validation with the same shared zod schemas the core applies again. Not
// @hookform/resolvers' zodResolver: it keeps only the message, and the messages need the issue's
// limits ({{max}}) and the translated field label.

import { toNestErrors } from '@hookform/resolvers';
import type { TFunction } from 'i18next';
import type { FieldError, FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/rpc/errors';
import { labelFor } from '../errors';

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** The i18n parameters a zod issue carries (max/min lengths and counts). */
function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  if (issue.code === 'custom' && issue.params) return issue.params as Record<string, string | number>;
  return {};
}

export interface IssueMapping {
  /** The form field an argument path belongs to (default: the path itself). */
  formPathOf?: (argPath: string) => string | null;
  /** The translated label of an argument path, for {{field}}. */
  labelOf: (t: TFunction, argPath: string) => string;
}

/** Translated messages by form path, the first issue of each field only; {} when valid. */
export function schemaIssues(schema: z.ZodType, args: unknown, t: TFunction, mapping: IssueMapping): Record<string, string> {
  const result = schema.safeParse(args);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const argPath = issue.path.map(String).join('.');
    const formPath = (mapping.formPathOf ? mapping.formPathOf(argPath) : argPath) ?? 'root';
    if (out[formPath]) continue;
    const given = valueAt(args, issue.path);
    // An empty field is "required", whatever the schema says about a wrong value.
    const key = given === undefined || given === '' ? 'errors.required' : issue.message;
    const field = mapping.labelOf(t, argPath);
    out[formPath] = key.startsWith('errors.') ? t(key, { ...issueParams(issue), field }) : t('errors.invalidType', { field });
  }
  return out;
}

/** A react-hook-form resolver from a function giving the issues of the current values. */
export function issuesResolver<V extends FieldValues>(issuesOf: (values: V) => Record<string, string>): Resolver<V> {
  return async (values, _context, options) => {
    const issues = issuesOf(values);
    if (Object.keys(issues).length === 0) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const [path, message] of Object.entries(issues)) flat[path] = { type: 'schema', message };
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}

/**
 * The core's refusal of a save, shown on the form: each issue on the field `fieldOf` names (the
 * first one focused); the texts of the others come back for the form's alert.
 */
export function placeIssues<V extends FieldValues>(
  issues: readonly FieldIssue[],
  fieldOf: (argPath: string) => string | null,
  setError: UseFormSetError<V>,
  text: (issue: FieldIssue) => string,
  options: { focus?: boolean } = {},
): string[] {
  const elsewhere: string[] = [];
  let placed = 0;
  for (const issue of issues) {
    const field = issue.field ? fieldOf(issue.field) : null;
    if (field) {
      setError(field as Path<V>, { type: 'server', message: text(issue) }, options.focus === false ? undefined : { shouldFocus: placed === 0 });
      placed += 1;
    } else {
      elsewhere.push(text(issue));
    }
  }
  return elsewhere;
}

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
