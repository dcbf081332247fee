// The resident registration form as the core validates it. Every message is an i18n key
// (`errors.*`) so the UI can show it translated on the field the issue's path names.

import { z } from 'zod';
import { checkIdNumber, ID_INPUT_MAX_LENGTH, idNumberProblem, normalizeIdNumber } from '../id/idNumber';
import { MOBILE_PHONE } from '../id/mask';
import { freeText, isoDay, requiredText, residentId, rev } from '../common/fields';

// The shared building blocks, defined in ../common/fields.ts (re-exported for existing importers).
export { freeText, isoDay, requiredText };

// The closed lists live in ./enums.ts (re-exported for existing importers).
import { CARE_CATEGORIES, EDUCATION_LEVELS, HARDSHIP_CATEGORIES, HOUSEHOLD_TYPES, TARGET_GROUPS, UNEMPLOYMENT_TYPES, type CareCategory, type TargetGroup } from './enums';
export * from './enums';

/** Han characters, letters, the middle dots of minority and foreign names, and spaces between. */
const PERSON_NAME = /^[\p{Script=Han}\p{L}·•・]+(?:[ ·•・][\p{Script=Han}\p{L}]+)*$/u;

export const personName = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .max(30, { error: 'errors.tooLong' })
  .refine((s) => !/[<>&"'`]/.test(s), { error: 'errors.name.markup' })
  .refine((s) => s.length >= 2, { error: 'errors.name.tooShort' })
  .refine((s) => PERSON_NAME.test(s), { error: 'errors.name.chars' });

/**
 * An ID number as typed, pasted, read or imported: normalised first (full-width digits and X,
 * spaces, dashes: see normalizeIdNumber), then checked; the message says what is wrong.
 */
export const idNumberField = z
  .string({ error: 'errors.required' })
  .max(ID_INPUT_MAX_LENGTH, { error: 'errors.tooLong' })
  .transform((s, ctx) => {
    const normal = normalizeIdNumber(s);
    if (!normal) {
      ctx.addIssue({ code: 'custom', message: 'errors.required' });
      return z.NEVER;
    }
    const result = checkIdNumber(normal);
    if (!result.ok) {
      const { messageKey, params } = idNumberProblem(result);
      ctx.addIssue({ code: 'custom', message: messageKey, ...(params ? { params } : {}) });
      return z.NEVER;
    }
    return result.idNumber;
  });

export const mobilePhone = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .regex(MOBILE_PHONE, { error: 'errors.phone' });

export const familyMemberSchema = z.strictObject({
  name: personName,
  relation: requiredText(10),
  workStatus: freeText(30).default(''),
});

const registrationBase = { date: isoDay };

export const registrationSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('jobSeeking'),
      ...registrationBase,
      jobIntention: freeText(100).default(''),
      trainingIntention: freeText(100).default(''),
      serviceNeeds: freeText(200).default(''),
    }),
    z.strictObject({
      kind: z.literal('unemployment'),
      ...registrationBase,
      unemploymentType: z.enum(UNEMPLOYMENT_TYPES, { error: 'errors.option' }),
      unemployedSince: isoDay,
      jobIntention: freeText(100).default(''),
      trainingIntention: freeText(100).default(''),
      serviceNeeds: freeText(200).default(''),
    }),
    z.strictObject({
      kind: z.literal('hardship'),
      ...registrationBase,
      hardshipCategories: z
        .array(z.enum(HARDSHIP_CATEGORIES, { error: 'errors.option' }), { error: 'errors.required' })
        .min(1, { error: 'errors.hardshipCategoryRequired' })
        .max(HARDSHIP_CATEGORIES.length),
      familyMembers: z.array(familyMemberSchema).max(20, { error: 'errors.tooMany' }).default([]),
      reason: freeText(500).default(''),
    }),
  ],
  { error: 'errors.registrationKind' },
);

const residentFields = {
  name: personName,
  phone: mobilePhone,
  householdType: z.enum(HOUSEHOLD_TYPES, { error: 'errors.option' }),
  address: requiredText(100),
  education: z.enum(EDUCATION_LEVELS, { error: 'errors.option' }),
  skills: freeText(200).default(''),
  employmentCertificateNo: freeText(30).default(''),
  targetGroups: z.array(z.enum(TARGET_GROUPS, { error: 'errors.option' }), { error: 'errors.required' }).max(TARGET_GROUPS.length),
  careCategories: z.array(z.enum(CARE_CATEGORIES, { error: 'errors.option' })).max(CARE_CATEGORIES.length).default([]),
};

function checkCareCategories(
  value: { targetGroups?: readonly TargetGroup[]; careCategories?: readonly CareCategory[] },
  ctx: z.RefinementCtx,
) {
  const keyCare = value.targetGroups?.includes('keyCare') ?? false;
  const count = value.careCategories?.length ?? 0;
  if (keyCare && count === 0) ctx.addIssue({ code: 'custom', path: ['careCategories'], message: 'errors.careCategoryRequired' });
  if (!keyCare && count > 0) ctx.addIssue({ code: 'custom', path: ['careCategories'], message: 'errors.careCategoryWithoutKeyCare' });
}

export const residentRegisterSchema = z
  .strictObject({ idNumber: idNumberField, ...residentFields, registration: registrationSchema })
  .superRefine(checkCareCategories);

/** An edit never changes the ID number: it decides the record's identity. */
export const residentUpdateSchema = z
  .strictObject({
    id: residentId,
    rev,
    ...residentFields,
    // Omitted means unchanged: the form shows the stored phone masked.
    phone: mobilePhone.optional(),
    registration: registrationSchema,
  })
  .superRefine(checkCareCategories);

export type ResidentRegisterInput = z.input<typeof residentRegisterSchema>;
export type ResidentRegisterData = z.output<typeof residentRegisterSchema>;
export type ResidentUpdateInput = z.input<typeof residentUpdateSchema>;
export type Registration = z.output<typeof registrationSchema>;
export type FamilyMember = z.output<typeof familyMemberSchema>;
