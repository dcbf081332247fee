// The session form's values and how they become `training.save`'s argument; validation with
// the same shared schema the core applies again, messages carrying the training field labels.

import { toNestErrors } from '@hookform/resolvers';
import type { TFunction } from 'i18next';
import type { FieldError, FieldErrors, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { SessionView } from '../../shared/rpc/handlers';
import { sessionSaveSchema, type SessionSaveInput, type TrainingLevel } from '../../shared/training/schema';
import { trainingLabelKey } from './errors';
import type { SlotValues } from './timetable';

export interface SessionFormValues {
  occupation: string;
  level: TrainingLevel | '';
  providerName: string;
  providerCreditCode: string;
  teachers: string[];
  place: string;
  startDate: string;
  endDate: string;
  plannedTrainees: number | null;
  timetable: SlotValues[];
}

export function emptySession(): SessionFormValues {
  return {
    occupation: '',
    level: '',
    providerName: '',
    providerCreditCode: '',
    teachers: [],
    place: '',
    startDate: '',
    endDate: '',
    plannedTrainees: null,
    timetable: [],
  };
}

export function sessionToValues(view: SessionView): SessionFormValues {
  return {
    occupation: view.course.occupation,
    level: view.course.level,
    providerName: view.provider.name,
    providerCreditCode: view.provider.creditCode,
    teachers: [...view.teachers],
    place: view.place,
    startDate: view.startDate,
    endDate: view.endDate,
    plannedTrainees: view.plannedTrainees,
    timetable: view.timetable.map((slot) => ({ ...slot })),
  };
}

/** The handler's argument; blanks go as undefined so the schema says "required". */
export function toSaveArgs(v: SessionFormValues, editing?: { id: string; rev: string }): SessionSaveInput {
  return {
    ...(editing ? { id: editing.id, rev: editing.rev } : {}),
    course: { occupation: v.occupation, level: (v.level || undefined) as TrainingLevel },
    provider: { name: v.providerName, creditCode: v.providerCreditCode },
    teachers: v.teachers,
    place: v.place,
    startDate: v.startDate,
    endDate: v.endDate,
    timetable: v.timetable.map((slot) => ({
      date: slot.date,
      half: slot.half,
      start: slot.start,
      end: slot.end,
      classHours: (slot.classHours ?? undefined) as number,
    })),
    plannedTrainees: (v.plannedTrainees ?? undefined) as number,
  };
}

const TO_FORM: Record<string, string> = {
  'course.occupation': 'occupation',
  'course.level': 'level',
  'provider.name': 'providerName',
  'provider.creditCode': 'providerCreditCode',
};
const FORM_TOP = new Set(Object.keys(emptySession()));
const SLOT_FIELDS = new Set(['date', 'half', 'start', 'end', 'classHours']);

/** The form field a core argument path lands on, or null when it names none (e.g. `rev`). */
export function formPathOf(argPath: string): string | null {
  if (TO_FORM[argPath]) return TO_FORM[argPath];
  const parts = argPath.split('.');
  const top = parts[0] ?? '';
  if (top === 'teachers') return 'teachers';
  if (top === 'timetable') {
    if (parts.length === 3 && /^\d+$/.test(parts[1]!) && SLOT_FIELDS.has(parts[2]!)) return argPath;
    // Errors of the list as a whole sit where react-hook-form keeps a field array's own error.
    return 'timetable.root';
  }
  return parts.length === 1 && FORM_TOP.has(top) ? top : null;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function issueParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  if (issue.code === 'too_big') return { max: Number(issue.maximum) };
  if (issue.code === 'too_small') return { min: Number(issue.minimum) };
  return {};
}

/** Schema issues as { formPath: translated message }, the first issue of each field only. */
export function sessionIssues(values: SessionFormValues, t: TFunction, editing?: { id: string; rev: string }): Record<string, string> {
  const args = toSaveArgs(values, editing);
  const result = sessionSaveSchema.safeParse(args);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const argPath = issue.path.map(String).join('.');
    const path = formPathOf(argPath) ?? 'root';
    if (out[path]) continue;
    const given = valueAt(args, issue.path);
    const key = given === undefined || given === '' ? 'errors.required' : issue.message;
    out[path] = key.startsWith('errors.')
      ? t(key, { ...issueParams(issue), field: t(trainingLabelKey(argPath)) })
      : t('errors.invalidType', { field: t(trainingLabelKey(argPath)) });
  }
  return out;
}

export function sessionResolver(t: () => TFunction, editing: () => { id: string; rev: string } | undefined): Resolver<SessionFormValues> {
  return async (values, _context, options) => {
    const issues = sessionIssues(values, t(), editing());
    if (Object.keys(issues).length === 0) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const [path, message] of Object.entries(issues)) flat[path] = { type: 'schema', message };
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}
