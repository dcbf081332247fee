// The core's answers about sessions, enrolment and sign-ins in the clerk's language, with the
// training fields' own labels (the shared `fields.*` labels name resident fields only).

import type { TFunction } from 'i18next';
import { toLeyeError } from '../../shared/rpc/client';
import type { FieldIssue, RpcError } from '../../shared/rpc/errors';
import { HALF_DAYS, SIGN_DIRECTIONS } from '../../shared/training/schema';
import { fieldLabelKey } from '../errors';

/** Argument paths (indices dropped) → label keys. */
const LABELS: Record<string, string> = {
  'course.occupation': 'training.fields.occupation',
  'course.level': 'training.fields.level',
  'provider.name': 'training.fields.providerName',
  'provider.creditCode': 'training.fields.providerCreditCode',
  teachers: 'training.fields.teachers',
  place: 'training.fields.place',
  startDate: 'training.fields.startDate',
  endDate: 'training.fields.endDate',
  plannedTrainees: 'training.fields.plannedTrainees',
  timetable: 'training.fields.timetable',
  'timetable.date': 'training.fields.slotDate',
  'timetable.half': 'training.fields.half',
  'timetable.start': 'training.fields.start',
  'timetable.end': 'training.fields.end',
  'timetable.classHours': 'training.fields.classHours',
  // Enrolment and sign-in arguments.
  idNumber: 'training.fields.idNumber',
  residentId: 'training.fields.trainee',
  date: 'training.fields.slotDate',
  half: 'training.fields.half',
  direction: 'training.fields.direction',
  method: 'training.fields.method',
};

/** The label key of a training argument path; `register.*` paths are resident fields. */
export function trainingLabelKey(path: string): string {
  if (path.startsWith('register.')) return fieldLabelKey(path.slice('register.'.length));
  const bare = path
    .split('.')
    .filter((segment) => !/^\d+$/.test(segment))
    .join('.');
  return LABELS[bare] ?? fieldLabelKey(path);
}

function params(t: TFunction, given: Record<string, string | number> | undefined, field: string | undefined) {
  const out: Record<string, string | number> = { ...given };
  if (typeof out.half === 'string' && (HALF_DAYS as readonly string[]).includes(out.half)) out.half = t(`training.half.${out.half}`);
  if (typeof out.direction === 'string' && (SIGN_DIRECTIONS as readonly string[]).includes(out.direction)) {
    out.direction = t(`training.direction.${out.direction}`);
  }
  if (typeof out.level === 'string') out.level = t(`training.levels.${out.level}`, { defaultValue: out.level });
  if (typeof out.kind === 'string') out.kind = t(`enums.kind.${out.kind}`, { defaultValue: out.kind });
  out.field = field ? t(trainingLabelKey(field), { defaultValue: field }) : '';
  return out;
}

export function trainingIssueText(t: TFunction, issue: FieldIssue): string {
  return t(issue.messageKey, params(t, issue.params, issue.field));
}

/** All the issues of an error (each eligibility rule of a NOT_ELIGIBLE), or its one message. */
export function trainingIssues(t: TFunction, error: RpcError): string[] {
  if (error.issues && error.issues.length > 0) return error.issues.map((issue) => trainingIssueText(t, issue));
  return [t(error.messageKey, params(t, error.params, error.field))];
}

/** Any rejection as one translated text. */
export function trainingErrorText(t: TFunction, reason: unknown): string {
  return trainingIssues(t, toLeyeError(reason).rpc).join('；');
}
