// Employment status (就业登记): what a clerk enters for one dated status entry of a resident.
// Every message is an i18n key (`errors.*`) so the UI shows it translated on the field the
// issue's path names. The stored document's schema is in ../documents/schemas.ts.
import { z } from 'zod';
import { creditCode, freeText, isoDay, requiredText, residentId } from '../common/fields';

/** The statuses, in the order a person reads them (未就业 … 其他). */
export const EMPLOYMENT_STATUSES = ['unemployed', 'employee', 'flexible', 'selfEmployed', 'publicWelfare', 'migrant', 'retired', 'other'] as const;
/** Where a 外出务工 person works: 县内, 县外省内, 省外. */
export const MIGRANT_AREAS = ['inCounty', 'inProvince', 'outOfProvince'] as const;
/** What wrote an entry besides a clerk's own form: a registration closed as employed, a post assignment. */
export const EMPLOYMENT_SOURCES = ['closure', 'assignment'] as const;

export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];
export type MigrantArea = (typeof MIGRANT_AREAS)[number];
export type EmploymentSource = (typeof EMPLOYMENT_SOURCES)[number];

/** The statuses that are employment (the counts' "into employment"). */
export const EMPLOYED_STATUSES: readonly EmploymentStatus[] = ['employee', 'flexible', 'selfEmployed', 'publicWelfare', 'migrant'];

export function isEmployed(status: EmploymentStatus): boolean {
  return EMPLOYED_STATUSES.includes(status);
}

export const employerSchema = z.strictObject({
  name: requiredText(100),
  /** GB 32100 统一社会信用代码, checked when given. */
  creditCode: z.union([z.literal(''), creditCode]).default(''),
});

/** What the form (and a closure as employed) gives for one entry. */
export const employmentEntryFields = {
  status: z.enum(EMPLOYMENT_STATUSES, { error: 'errors.option' }),
  /** 外出务工 only: where, and the destination when known. */
  area: z.enum(MIGRANT_AREAS, { error: 'errors.option' }).nullable().default(null),
  destination: freeText(100).default(''),
  employer: employerSchema.nullable().default(null),
  effectiveDate: isoDay,
  endDate: isoDay.nullable().default(null),
  note: freeText(200).default(''),
};

/** The entry's own shape rules (what needs no resident nor today): see ./rules.ts for the rest. */
function entryShape<T extends { status: EmploymentStatus; area: MigrantArea | null; endDate: string | null; effectiveDate: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.status === 'migrant' && v.area === null) ctx.addIssue({ code: 'custom', path: ['area'], message: 'errors.required' });
  if (v.endDate !== null && v.endDate < v.effectiveDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'errors.employment.endBeforeStart' });
}

export const employmentEntrySchema = z.strictObject(employmentEntryFields).superRefine(entryShape);
export type EmploymentEntryData = z.output<typeof employmentEntrySchema>;

/** `employment.record`: a new status entry of a resident. */
export const employmentRecordSchema = z.strictObject({ residentId, ...employmentEntryFields }).superRefine(entryShape);

/** `employment.correct`: a new entry that replaces one recorded wrongly (the wrong one stays, marked corrected). */
export const employmentCorrectSchema = z
  .strictObject({ residentId, corrects: z.string().min(3).max(200), reason: requiredText(200), ...employmentEntryFields })
  .superRefine(entryShape);

/** A registration closed as employed: the status it becomes (defaults: 单位就业 from the closure date). */
export const closureEmploymentSchema = z
  .strictObject({
    status: z.enum(EMPLOYMENT_STATUSES, { error: 'errors.option' }),
    area: employmentEntryFields.area,
    destination: employmentEntryFields.destination,
    employer: employmentEntryFields.employer,
    effectiveDate: isoDay,
  })
  .superRefine((v, ctx) => {
    if (v.status === 'migrant' && v.area === null) ctx.addIssue({ code: 'custom', path: ['area'], message: 'errors.required' });
    if (!isEmployed(v.status)) ctx.addIssue({ code: 'custom', path: ['status'], message: 'errors.employment.notEmployed' });
  });
export type ClosureEmployment = z.output<typeof closureEmploymentSchema>;
