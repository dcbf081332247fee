// Employment status (就业登记): record an entry, correct one, read a resident's history, count.
// Part of the one handler map (see ../rpc/handlers.ts).
import { z } from 'zod';
import { residentId } from '../common/fields';
import { ALL_ROLES, WRITERS, handler } from '../rpc/define';
import { statsRangeSchema } from '../stats/contract';
import type { EmploymentCountsResult } from './counts';
import { employmentCorrectSchema, employmentRecordSchema, type EmploymentSource, type EmploymentStatus, type MigrantArea } from './schema';

export interface EmploymentEntryView {
  id: string;
  residentId: string;
  status: EmploymentStatus;
  area: MigrantArea | null;
  destination: string;
  employer: { name: string; creditCode: string } | null;
  effectiveDate: string;
  endDate: string | null;
  note: string;
  /** Who recorded it (display name) and when. */
  recordedBy: string;
  recordedAt: string;
  /** What wrote it besides a clerk's form (a closure as employed, a post assignment). */
  source: { kind: EmploymentSource; id: string } | null;
  /** The entry this one corrects, and why. */
  corrects: string | null;
  correctionReason: string;
  /** Corrected by a later entry (it no longer counts). */
  correctedBy: string | null;
}

export interface EmploymentHistoryView {
  /** The standing entry latest by effective date (ties: the later written); null before any. */
  current: EmploymentEntryView | null;
  /** Every entry, corrected ones too, newest first (by effective date, then by when written). */
  entries: EmploymentEntryView[];
}

export interface EmploymentCountsView extends EmploymentCountsResult {
  placeCode: string;
  /** The places counted with their names (villages of a township among them). */
  placeNames: Record<string, string>;
}

export const employmentHandlers = {
  /** A new status entry (nothing is overwritten). */
  'employment.record': handler<EmploymentEntryView>()(employmentRecordSchema, WRITERS),
  /** A new entry that corrects an earlier one (which stays, marked corrected). */
  'employment.correct': handler<EmploymentEntryView>()(employmentCorrectSchema, WRITERS),
  'employment.history': handler<EmploymentHistoryView>()(z.strictObject({ residentId }), ALL_ROLES),
  /** 城镇新增就业, 失业人员再就业, 就业困难人员实现就业 by month, place and group (definitions in texts). */
  'employment.counts': handler<EmploymentCountsView>()(statsRangeSchema, ALL_ROLES),
};
