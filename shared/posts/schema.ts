// Public-welfare posts (城乡公益性岗位), their holders and daily attendance, as the core
// validates them. Messages are i18n keys.

import { z } from 'zod';
import { creditCode, freeText, isoDay, month, requiredText, residentId, rev, villageCode } from '../common/fields';
import { yuan } from '../policy/parameters';
import { ID_PATTERNS } from '../documents/ids';

// Building blocks defined in ../common/fields.ts, re-exported here for existing importers.
export { creditCode, month };
export const residentIdField = residentId;

export const POST_KINDS = ['rural', 'urban'] as const;
export const POST_CATEGORIES = [
  'ruralCleaning', 'forestPatrol', 'greatWallPatrol', 'epidemicPrevention', 'culturalFacilities', 'roadMaintenance', 'elderlyCare', 'other',
] as const;
export const ATTENDANCE_MARKS = ['present', 'personalLeave', 'sickLeave', 'absent', 'rest'] as const;

export type PostKind = (typeof POST_KINDS)[number];
export type PostCategory = (typeof POST_CATEGORIES)[number];
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];

export const postCode = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .max(20, { error: 'errors.tooLong' })
  .regex(/^[A-Za-z0-9-]+$/, { error: 'errors.post.code' });
export const postId = z.string().regex(ID_PATTERNS.post, { error: 'errors.id' });

export const postSaveSchema = z
  .strictObject({
    code: postCode,
    /** The revision being edited; absent when creating. */
    rev: rev.optional(),
    name: requiredText(50),
    kind: z.enum(POST_KINDS, { error: 'errors.option' }),
    category: z.enum(POST_CATEGORIES, { error: 'errors.option' }),
    placeCode: villageCode,
    employer: z.strictObject({
      name: requiredText(60),
      creditCode: z.union([z.literal(''), creditCode]).default(''),
    }),
    plannedHoursPerMonth: z
      .number({ error: 'errors.number.invalid' })
      .int({ error: 'errors.number.invalid' })
      .min(1, { error: 'errors.number.range' })
      .max(300, { error: 'errors.number.range' }),
    payPerMonth: yuan(100_000),
    startDate: isoDay,
    endDate: isoDay,
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'errors.endBeforeStart' });
  });

export const assignSchema = z
  .strictObject({
    postId,
    residentId,
    startDate: isoDay,
    endDate: isoDay,
    contractNo: requiredText(40),
    /** A county decision to assign despite failed rules, with its written reason. */
    override: z.strictObject({ reason: requiredText(500).pipe(z.string().min(10, { error: 'errors.override.reasonTooShort' })) }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'errors.endBeforeStart' });
  });

export const attendanceMarkSchema = z
  .strictObject({
    residentId,
    date: isoDay,
    mark: z.enum(ATTENDANCE_MARKS, { error: 'errors.option' }),
    /** Hours worked that day: only for 出勤, in half hours. */
    hours: z.number({ error: 'errors.number.invalid' }).min(0, { error: 'errors.attendance.hours' }).max(24, { error: 'errors.attendance.hours' }).multipleOf(0.5, { error: 'errors.attendance.hours' }).default(0),
  })
  .superRefine((v, ctx) => {
    if (v.mark === 'present' && v.hours <= 0) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'errors.attendance.hoursRequired' });
    if (v.mark !== 'present' && v.hours !== 0) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'errors.attendance.hoursOnlyPresent' });
  });

export const attendanceSetSchema = z.strictObject({
  postId,
  marks: z.array(attendanceMarkSchema).min(1, { error: 'errors.required' }).max(2000, { error: 'errors.tooMany' }),
});

/** A close with holders under the minimum wage needs `belowMinimumReason` (refused without it, naming them). */
export const closeMonthSchema = z.strictObject({ postId, month, belowMinimumReason: freeText(200).optional() });
export const reopenSchema = z.strictObject({ postId, month, reason: requiredText(500) });
export const freeNote = freeText(500);

export type PostSaveInput = z.input<typeof postSaveSchema>;
export type AssignInput = z.input<typeof assignSchema>;
export type AttendanceMarkInput = z.input<typeof attendanceMarkSchema>;
