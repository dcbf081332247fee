// Public-welfare posts, their holders and the monthly attendance sheets. The arguments' schemas
// live in ./schema.ts. Part of the one handler map (see ../rpc/handlers.ts).

import { z } from 'zod';
import type { Sex } from '../id/idNumber';
import { isoDay, month, residentId } from '../common/fields';
import { ALL_ROLES, WRITERS, handler, none } from '../rpc/define';
import {
  assignSchema,
  attendanceSetSchema,
  closeMonthSchema,
  postId,
  postSaveSchema,
  reopenSchema,
  type AttendanceMark,
  type PostCategory,
  type PostKind,
} from './schema';
import { endAssignmentSchema, withdrawExitSchema, type AssignmentExitView, type HolderWarning, type WithdrawnExitView } from './exits';

export interface PostView {
  id: string;
  rev: string;
  code: string;
  name: string;
  kind: PostKind;
  category: PostCategory;
  placeCode: string;
  placeName: string;
  employer: { name: string; creditCode: string };
  plannedHoursPerMonth: number;
  /** Yuan. */
  payPerMonth: number;
  startDate: string;
  endDate: string;
  /** Holders whose assignment covers today. */
  currentHolders: number;
  updatedAt: string;
}

export interface PostOverride {
  reason: string;
  by: string;
  at: string;
  /** The rules decided against (i18n keys of the refusals). */
  rules: string[];
}

export interface AssignmentView {
  id: string;
  postId: string;
  residentId: string;
  name: string;
  sex: Sex;
  age: number;
  idNumberMasked: string;
  startDate: string;
  endDate: string;
  contractNo: string;
  override: PostOverride | null;
  /** Ended early (提前结束): from the day after `exit.date` the person no longer holds the post. */
  exit: AssignmentExitView | null;
  /** Exits withdrawn (撤销离岗), oldest first: shown struck through with who withdrew them and why. */
  withdrawnExits: WithdrawnExitView[];
  /** The subsidy limit or the retirement age near (the work list's rules and windows). */
  warnings: HolderWarning[];
}

export interface AttendanceCell {
  mark: AttendanceMark;
  hours: number;
  updatedBy: string;
  updatedAt: string;
  /** Earlier values of this day, oldest first. */
  corrections: number;
}

export interface GridDay {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  weekend: boolean;
  future: boolean;
}

export interface MonthTotals {
  residentId: string;
  name: string;
  presentDays: number;
  personalLeaveDays: number;
  sickLeaveDays: number;
  absentDays: number;
  restDays: number;
  unmarkedDays: number;
  hours: number;
  /** Yuan. */
  payDue: number;
  /** Yuan per hour; null when no hour was worked. */
  hourlyPay: number | null;
  belowMinimum: boolean;
}

export interface MinimumWageInForce {
  countyCode: string;
  tier: string;
  monthly: number;
  hourly: number;
  effectiveFrom: string;
  isDefault: boolean;
}

export interface MonthSummary {
  postId: string;
  month: string;
  minimumWage: MinimumWageInForce | null;
  holders: MonthTotals[];
}

export interface MonthCloseHistoryEntry {
  action: 'close' | 'reopen';
  by: string;
  at: string;
  reason: string;
}

export interface MonthCloseView extends MonthSummary {
  status: 'closed' | 'reopened';
  closedBy: string;
  closedAt: string;
  history: MonthCloseHistoryEntry[];
  /** Why the month was closed although holders are under the hourly minimum wage. */
  belowMinimumReason?: string;
}

export interface AttendanceGridView {
  post: PostView;
  month: string;
  days: GridDay[];
  holders: { residentId: string; name: string; assignmentId: string; from: string; to: string }[];
  /** residentId → date → cell. */
  cells: Record<string, Record<string, AttendanceCell>>;
  close: MonthCloseView | null;
  /** Closed, or accepted by the county: nothing in the month can change. */
  locked: boolean;
  /** When the county accepted the month (its close or a day of it) and has not unlocked it; null otherwise. */
  countyLockedAt: string | null;
}

export interface AttendanceRevision {
  mark: AttendanceMark;
  hours: number;
  by: string;
  at: string;
}

const postIdArg = z.strictObject({ postId });
const monthArgs = z.strictObject({ postId, month });

export const postsHandlers = {
  'posts.list': handler<PostView[]>()(none, ALL_ROLES),
  'posts.get': handler<{ post: PostView; holders: AssignmentView[] } | null>()(postIdArg, ALL_ROLES),
  'posts.save': handler<PostView>()(postSaveSchema, WRITERS),
  /** Refused with NOT_ELIGIBLE (one issue per failed rule) unless a county/admin override gives a reason. */
  'posts.assign': handler<AssignmentView>()(assignSchema, [...WRITERS, 'county']),
  /** Ends an assignment early with a reason (shared/posts/exits.ts); writes the status entries in the same write. */
  'posts.endAssignment': handler<AssignmentView>()(endAssignmentSchema, WRITERS),
  'posts.withdrawExit': handler<AssignmentView>()(withdrawExitSchema, WRITERS),
  'attendance.month': handler<AttendanceGridView>()(monthArgs, ALL_ROLES),
  'attendance.set': handler<{ cells: { residentId: string; date: string; cell: AttendanceCell }[] }>()(attendanceSetSchema, WRITERS),
  'attendance.history': handler<AttendanceRevision[]>()(z.strictObject({ postId, residentId, date: isoDay }), ALL_ROLES),
  'attendance.summary': handler<MonthSummary>()(monthArgs, ALL_ROLES),
  'attendance.closeMonth': handler<MonthCloseView>()(closeMonthSchema, WRITERS),
  'attendance.reopenMonth': handler<MonthCloseView>()(reopenSchema, WRITERS),
} as const;
