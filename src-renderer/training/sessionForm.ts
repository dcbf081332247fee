// The session form's values and how they become `training.save`'s argument; validation with
// the same shared schema the core applies again, messages carrying the training field labels.

import type { TFunction } from 'i18next';
import type { Resolver } from 'react-hook-form';
import type { SessionView } from '../../shared/rpc/handlers';
import { sessionSaveSchema, type SessionSaveInput, type TrainingLevel } from '../../shared/training/schema';
import { trainingLabelKey } from '../errors';
import type { SlotValues } from './timetable';
import { issuesResolver, schemaIssues } from '../form/schemaIssues';

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

/** Schema issues as { formPath: translated message }, the first issue of each field only. */
export function sessionIssues(values: SessionFormValues, t: TFunction, editing?: { id: string; rev: string }): Record<string, string> {
  return schemaIssues(sessionSaveSchema, toSaveArgs(values, editing), t, {
    formPathOf: formPathOf,
    labelOf: (tr, path) => tr(trainingLabelKey(path)),
  });
}

export function sessionResolver(t: () => TFunction, editing: () => { id: string; rev: string } | undefined): Resolver<SessionFormValues> {
  return issuesResolver((values) => sessionIssues(values, t(), editing()));
}
