// Subsidised vocational training sessions (补贴性职业技能培训), enrolment and sign-ins.

import { z } from 'zod';
import { creditCode, isoDay, requiredText, residentId, rev } from '../common/fields';
import { idNumberField, personName, residentRegisterSchema } from '../residents/schema';
import { ID_PATTERNS } from '../documents/ids';

export const TRAINING_LEVELS = ['level5', 'level4', 'level3', 'level2', 'level1', 'specialAbility'] as const;
export const HALF_DAYS = ['am', 'pm'] as const;
export const SIGN_IN_METHODS = ['idCard', 'typedId', 'list', 'photo'] as const;
export const SIGN_DIRECTIONS = ['in', 'out'] as const;

export type TrainingLevel = (typeof TRAINING_LEVELS)[number];
export type HalfDay = (typeof HALF_DAYS)[number];
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];
export type SignDirection = (typeof SIGN_DIRECTIONS)[number];

export const sessionId = z.string().regex(ID_PATTERNS.training, { error: 'errors.id' });
const clock = z.string({ error: 'errors.required' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'errors.time' });

export const timetableSlotSchema = z
  .strictObject({
    date: isoDay,
    half: z.enum(HALF_DAYS, { error: 'errors.option' }),
    start: clock,
    end: clock,
    classHours: z.number({ error: 'errors.number.invalid' }).min(0.5, { error: 'errors.number.range' }).max(8, { error: 'errors.number.range' }).multipleOf(0.5, { error: 'errors.number.range' }),
  })
  .superRefine((v, ctx) => {
    if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'errors.endBeforeStart' });
  });

/** A course of the county's catalogue (county staff keep it in county_ref; sessions name one). */
export const courseSaveSchema = z.strictObject({
  code: z
    .string({ error: 'errors.required' })
    .trim()
    .regex(/^[A-Za-z0-9-]{2,20}$/, { error: 'errors.training.courseCode' }),
  /** With the revision when editing. */
  rev: rev.optional(),
  occupation: requiredText(50),
  level: z.enum(TRAINING_LEVELS, { error: 'errors.option' }),
  classHours: z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.range' }).min(1, { error: 'errors.number.range' }).max(2000, { error: 'errors.number.range' }),
});

export const sessionSaveSchema = z
  .strictObject({
    /** Absent when creating; with the revision when editing. */
    id: sessionId.optional(),
    rev: rev.optional(),
    course: z.strictObject({ occupation: requiredText(50), level: z.enum(TRAINING_LEVELS, { error: 'errors.option' }) }),
    provider: z.strictObject({ name: requiredText(80), creditCode }),
    teachers: z.array(personName).min(1, { error: 'errors.required' }).max(10, { error: 'errors.tooMany' }),
    place: requiredText(100),
    startDate: isoDay,
    endDate: isoDay,
    timetable: z.array(timetableSlotSchema).min(1, { error: 'errors.required' }).max(120, { error: 'errors.tooMany' }),
    plannedTrainees: z.number({ error: 'errors.number.invalid' }).int().min(1, { error: 'errors.number.range' }).max(500, { error: 'errors.number.range' }),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'errors.endBeforeStart' });
    const seen = new Set<string>();
    v.timetable.forEach((slot, i) => {
      if (slot.date < v.startDate || slot.date > v.endDate) ctx.addIssue({ code: 'custom', path: ['timetable', i, 'date'], message: 'errors.training.slotOutsideDates' });
      const key = `${slot.date}:${slot.half}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['timetable', i, 'half'], message: 'errors.training.slotTwice' });
      seen.add(key);
      if (slot.half === 'am' && slot.start >= '13:00') ctx.addIssue({ code: 'custom', path: ['timetable', i, 'start'], message: 'errors.training.halfMismatch' });
      if (slot.half === 'pm' && slot.start < '12:00') ctx.addIssue({ code: 'custom', path: ['timetable', i, 'start'], message: 'errors.training.halfMismatch' });
    });
  });

/** Enrol a resident of the station, or a person by ID number (registered on the way if new). */
export const enrolSchema = z.union(
  [
    z.strictObject({ sessionId, residentId }),
    z.strictObject({ sessionId, idNumber: idNumberField }),
    z.strictObject({ sessionId, register: residentRegisterSchema }),
  ],
  { error: 'errors.training.enrolWhom' },
);

export const signInSchema = z
  .strictObject({
    sessionId,
    date: isoDay,
    half: z.enum(HALF_DAYS, { error: 'errors.option' }),
    direction: z.enum(SIGN_DIRECTIONS, { error: 'errors.option' }).default('in'),
    method: z.enum(SIGN_IN_METHODS, { error: 'errors.option' }),
    idNumber: idNumberField.optional(),
    residentId: residentId.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.idNumber && !v.residentId) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'errors.required' });
    if ((v.method === 'idCard' || v.method === 'typedId') && !v.idNumber) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'errors.required' });
  });

export const freeTextReason = requiredText(500);

export type SessionSaveInput = z.input<typeof sessionSaveSchema>;
export type TimetableSlot = z.output<typeof timetableSlotSchema>;
export type SignInInput = z.input<typeof signInSchema>;
