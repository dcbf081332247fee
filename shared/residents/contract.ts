// Registered residents: register, edit, close, look up, reveal one sensitive number, search.
// The form's schemas live in ./schema.ts. Part of the one handler map (see ../rpc/handlers.ts).

import { z } from 'zod';
import { closureEmploymentSchema } from '../employment/schema';
import type { Sex } from '../id/idNumber';
import { freeText, isoDay, requiredText, residentId, rev } from '../common/fields';
import { ALL_ROLES, WRITERS, handler } from '../rpc/define';
import {
  CARE_CATEGORIES,
  CLOSE_REASONS,
  REGISTRATION_KINDS,
  REGISTRATION_STATUSES,
  TARGET_GROUPS,
  residentRegisterSchema,
  residentUpdateSchema,
  type CareCategory,
  type CloseReason,
  type EducationLevel,
  type FamilyMember,
  type HouseholdType,
  type Registration,
  type RegistrationKind,
  type RegistrationStatus,
  type TargetGroup,
} from './schema';

/** A residents list row: sensitive numbers masked. */
export interface ResidentRow {
  id: string;
  name: string;
  sex: Sex;
  age: number;
  birthDate: string;
  idNumberMasked: string;
  phoneMasked: string;
  householdType: HouseholdType;
  targetGroups: TargetGroup[];
  careCategories: CareCategory[];
  kind: RegistrationKind;
  status: RegistrationStatus;
  registeredOn: string;
  updatedAt: string;
}

export interface RegistrationClosure {
  reason: CloseReason;
  date: string;
  note: string;
  by: string;
}

/** A closure undone: the closure as it stood, why it was undone, by whom and when (kept, never rewritten). */
export interface RegistrationReopening {
  closure: RegistrationClosure;
  reason: string;
  at: string;
  by: string;
}

/** One resident as the form shows it: everything but the full ID number and phone. */
export interface ResidentView extends ResidentRow {
  rev: string;
  placeCode: string;
  address: string;
  education: EducationLevel;
  skills: string;
  employmentCertificateNo: string;
  registration: Registration;
  closure: RegistrationClosure | null;
  /** Earlier closures undone by `residents.reopen`, oldest first. */
  reopenings?: RegistrationReopening[];
  createdBy: string;
  createdAt: string;
  updatedBy: string;
}

export type { FamilyMember };

export const SORT_FIELDS = ['name', 'registeredOn', 'age', 'updatedAt'] as const;
export type ResidentSortField = (typeof SORT_FIELDS)[number];

export const residentSearchSchema = z.strictObject({
  /** Name, pinyin (full or initials), the first or last 4 digits of an ID number (what the mask shows), or a whole ID number (audited). */
  query: z.string().max(40, { error: 'errors.tooLong' }).default(''),
  targetGroup: z.enum(TARGET_GROUPS, { error: 'errors.option' }).optional(),
  careCategory: z.enum(CARE_CATEGORIES, { error: 'errors.option' }).optional(),
  kind: z.enum(REGISTRATION_KINDS, { error: 'errors.option' }).optional(),
  status: z.enum(REGISTRATION_STATUSES, { error: 'errors.option' }).optional(),
  sort: z.enum(SORT_FIELDS, { error: 'errors.option' }).default('updatedAt'),
  order: z.enum(['asc', 'desc'], { error: 'errors.option' }).default('desc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const residentCloseSchema = z.strictObject({
  id: residentId,
  rev,
  reason: z.enum(CLOSE_REASONS, { error: 'errors.option' }),
  date: isoDay,
  note: freeText(200).default(''),
  /** Closed as employed: the employment status entry written with it (defaults: 单位就业 from the closure date). */
  employment: closureEmploymentSchema.optional(),
});

/** Reopens a closed registration (closed by mistake, or the person is back); the reason is required. */
export const residentReopenSchema = z.strictObject({
  id: residentId,
  rev,
  reason: requiredText(200),
});

export const residentsHandlers = {
  'residents.register': handler<ResidentView>()(residentRegisterSchema, WRITERS),
  'residents.update': handler<ResidentView>()(residentUpdateSchema, WRITERS),
  'residents.close': handler<ResidentView>()(residentCloseSchema, WRITERS),
  /** Clears the closure, kept in the record's `reopenings`; audit-logged. */
  'residents.reopen': handler<ResidentView>()(residentReopenSchema, WRITERS),
  'residents.get': handler<ResidentView | null>()(z.strictObject({ id: residentId }), ALL_ROLES),
  /** Reveals one sensitive number of one resident; audit-logged. */
  'residents.reveal': handler<{ value: string }>()(
    z.strictObject({ id: residentId, field: z.enum(['idNumber', 'phone'], { error: 'errors.option' }) }),
    ALL_ROLES,
  ),
  'residents.search': handler<{ total: number; items: ResidentRow[]; tookMs: number }>()(residentSearchSchema, ALL_ROLES),
} as const;
