// Subsidised training: the county's course catalogue, sessions, enrolment, sign-ins and
// attendance. The arguments' schemas live in ./schema.ts. Part of the one handler map (see ../rpc/handlers.ts).

import { z } from 'zod';
import type { Sex } from '../id/idNumber';
import { isoDay } from '../common/fields';
import { ALL_ROLES, POLICY_EDITORS, WRITERS, handler, none } from '../rpc/define';
import {
  HALF_DAYS,
  courseSaveSchema,
  enrolSchema,
  sessionId,
  sessionSaveSchema,
  signInSchema,
  type SignDirection,
  type SignInMethod,
  type TimetableSlot,
  type TrainingLevel,
} from './schema';

export interface CourseView {
  id: string;
  rev: string;
  code: string;
  occupation: string;
  level: TrainingLevel;
  classHours: number;
  updatedBy: string;
  updatedAt: string;
}

export interface SessionView {
  id: string;
  rev: string;
  course: { occupation: string; level: TrainingLevel };
  provider: { name: string; creditCode: string };
  teachers: string[];
  place: string;
  startDate: string;
  endDate: string;
  timetable: TimetableSlot[];
  plannedTrainees: number;
  enrolled: number;
  totalClassHours: number;
  updatedAt: string;
}

export interface TraineeView {
  residentId: string;
  name: string;
  sex: Sex;
  idNumberMasked: string;
  enrolledAt: string;
}

export interface SignInResult {
  residentId: string;
  name: string;
  idNumberMasked: string;
  direction: SignDirection;
  at: string;
  /** Minutes after the slot's start (sign-in) or before its end (sign-out); 0 when on time. */
  lateMinutes: number;
  earlyLeaveMinutes: number;
  /** True when this half-day already had this sign-in: nothing was written. */
  already: boolean;
}

export interface SignInRecordView {
  residentId: string;
  name: string;
  idNumberMasked: string;
  in: { at: string; method: SignInMethod; by: string; machine: string } | null;
  out: { at: string; method: SignInMethod; by: string; machine: string } | null;
  lateMinutes: number;
  earlyLeaveMinutes: number;
}

export interface TraineeAttendance {
  residentId: string;
  name: string;
  idNumberMasked: string;
  slotsAttended: number;
  attendedHours: number;
  /** attendedHours ÷ the session's class hours. */
  rate: number;
  eligible: boolean;
  lateCount: number;
  earlyLeaveCount: number;
}

export interface SessionAttendanceView {
  sessionId: string;
  totalClassHours: number;
  threshold: number;
  thresholdIsDefault: boolean;
  trainees: TraineeAttendance[];
  /** Mean of the trainees' rates. */
  sessionRate: number;
  eligibleCount: number;
}

const sessionArg = z.strictObject({ sessionId });

export const trainingHandlers = {
  'training.list': handler<SessionView[]>()(none, ALL_ROLES),
  /** The county's course catalogue (county_ref), and the county station's own while it edits it. */
  'courses.list': handler<CourseView[]>()(none, ALL_ROLES),
  'courses.save': handler<CourseView>()(courseSaveSchema, POLICY_EDITORS),
  'training.get': handler<{ session: SessionView; trainees: TraineeView[] } | null>()(sessionArg, ALL_ROLES),
  'training.save': handler<SessionView>()(sessionSaveSchema, WRITERS),
  'training.enrol': handler<TraineeView>()(enrolSchema, WRITERS),
  'training.signIn': handler<SignInResult>()(signInSchema, WRITERS),
  'training.signIns': handler<SignInRecordView[]>()(z.strictObject({ sessionId, date: isoDay, half: z.enum(HALF_DAYS, { error: 'errors.option' }) }), ALL_ROLES),
  'training.attendance': handler<SessionAttendanceView>()(sessionArg, ALL_ROLES),
} as const;
