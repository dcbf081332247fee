// The status form's values, the arguments they become, where the core's issues land, and the
// resolver: the shared schema and the shared date rules (before birth, in the future, end before start).
import type { TFunction } from 'i18next';
import type { ArgsOf } from '../../shared/rpc/handlers';
import { employmentDateIssues } from '../../shared/employment/rules';
import { employmentCorrectSchema, employmentRecordSchema, type EmploymentStatus, type MigrantArea } from '../../shared/employment/schema';
import { labelFor } from '../errors';
import { issuesResolver, schemaIssues } from '../form/schemaIssues';

export interface EmploymentFormValues {
  status: EmploymentStatus | '';
  area: MigrantArea | '';
  destination: string;
  employerName: string;
  employerCreditCode: string;
  effectiveDate: string;
  endDate: string;
  note: string;
  /** A correction's reason (correct mode only). */
  reason: string;
}

export const EMPLOYMENT_LABELS: Record<string, string> = {
  status: 'employment.fields.status',
  area: 'employment.fields.area',
  destination: 'employment.fields.destination',
  employer: 'employment.fields.employerName',
  'employer.name': 'employment.fields.employerName',
  'employer.creditCode': 'employment.fields.employerCreditCode',
  effectiveDate: 'employment.fields.effectiveDate',
  endDate: 'employment.fields.endDate',
  note: 'employment.fields.note',
  reason: 'employment.fields.reason',
  corrects: 'employment.fields.reason',
};

const FIELDS: Record<string, keyof EmploymentFormValues> = {
  status: 'status',
  area: 'area',
  destination: 'destination',
  employer: 'employerName',
  'employer.name': 'employerName',
  'employer.creditCode': 'employerCreditCode',
  effectiveDate: 'effectiveDate',
  endDate: 'endDate',
  note: 'note',
  reason: 'reason',
  corrects: 'reason',
};

export function employmentFieldOf(path: string): keyof EmploymentFormValues | null {
  return FIELDS[path] ?? null;
}

export function blankEmployment(today: string): EmploymentFormValues {
  return { status: '', area: '', destination: '', employerName: '', employerCreditCode: '', effectiveDate: today, endDate: '', note: '', reason: '' };
}

type RecordArgs = ArgsOf<'employment.record'>;

export function toEmploymentArgs(residentId: string, v: EmploymentFormValues): RecordArgs {
  const migrant = v.status === 'migrant';
  return {
    residentId,
    status: v.status as EmploymentStatus,
    area: migrant && v.area ? v.area : null,
    destination: migrant ? v.destination : '',
    employer: v.employerName.trim() ? { name: v.employerName, creditCode: v.employerCreditCode } : null,
    effectiveDate: v.effectiveDate,
    endDate: v.endDate || null,
    note: v.note,
  };
}

export function toCorrectArgs(residentId: string, corrects: string, v: EmploymentFormValues): ArgsOf<'employment.correct'> {
  return { ...toEmploymentArgs(residentId, v), corrects, reason: v.reason };
}

/** The form's resolver: the schema the core applies, then the dates against the birth date and today. */
export function employmentResolver(t: () => TFunction, residentId: string, birthDate: string, today: () => string, corrects: string | null) {
  return issuesResolver<EmploymentFormValues>((values) => {
    const args = corrects ? toCorrectArgs(residentId, corrects, values) : toEmploymentArgs(residentId, values);
    const schema = corrects ? employmentCorrectSchema : employmentRecordSchema;
    const issues = schemaIssues(schema, args, t(), { formPathOf: (p) => employmentFieldOf(p) ?? employmentFieldOf(p.split('.')[0] ?? ''), labelOf: (tr, p) => labelFor(tr, p, EMPLOYMENT_LABELS) });
    if (values.effectiveDate) {
      for (const issue of employmentDateIssues({ effectiveDate: values.effectiveDate, endDate: values.endDate || null }, birthDate, today())) {
        issues[issue.field] ??= t()(issue.messageKey, issue.params ?? {});
      }
    }
    return issues;
  });
}
