// Statistics: the dashboard of a station, a township or the county.
// Part of the one handler map (see handlers.ts); built with the blocks in define.ts.

import { z } from 'zod';
import type { RegistrationKind, TargetGroup } from '../residents/schema';
import { month, type FileView } from '../common/fields';
import { ALL_ROLES, handler } from '../rpc/define';

/** Longest month range one dashboard covers (ten years). */
export const STATS_MAX_MONTHS = 120;


/** A month range; both ends inclusive. Absent: the last 12 months up to the current one. */
export const statsRangeSchema = z
  .strictObject({ from: month.optional(), to: month.optional() })
  .superRefine((v, ctx) => {
    if (v.from && v.to) {
      if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.stats.toBeforeFrom' });
      else if (monthsBetween(v.from, v.to) > STATS_MAX_MONTHS) ctx.addIssue({ code: 'custom', path: ['from'], message: 'errors.stats.rangeTooLong' });
    }
  });

/** Months from..to inclusive (1 for the same month). */
export function monthsBetween(from: string, to: string): number {
  const n = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  return n(to) - n(from) + 1;
}

/** Residents counted once per target group they belong to; `none`: no target group given. */
export type StatsGroup = TargetGroup | 'none';

export interface RegistrationCounts {
  /** Residents registered (by registration date). */
  total: number;
  kinds: Record<RegistrationKind, number>;
  /** A resident in two groups counts in both, so these may add up to more than total. */
  groups: Record<StatsGroup, number>;
}

export interface PostCounts {
  /** Different residents holding a post (an assignment overlapping the month or range). */
  holders: number;
  presentDays: number;
  /** Days marked present, on leave or absent (rest days are not working days). */
  workDays: number;
  /** presentDays ÷ workDays; null when no working day was marked. */
  attendanceRate: number | null;
}

export interface TrainingCounts {
  /** Sessions starting in the month or range. */
  sessions: number;
  /** Enrolments in those sessions. */
  trainees: number;
  /** Trainees of the sessions that have ended whose attended class hours reach the eligibility threshold in force. */
  eligible: number;
  /** Trainees of the sessions that have ended (a running session's eligibility is not final). */
  finishedTrainees: number;
  /** Sessions whose last half-day is today or later: not counted in eligible or the rate. */
  runningSessions: number;
  /** eligible ÷ finishedTrainees; null when no trainee's session has ended. */
  eligibilityRate: number | null;
}

export interface StatsRow {
  registrations: RegistrationCounts;
  posts: PostCounts;
  training: TrainingCounts;
}

export interface StatsDashboard {
  level: 'village' | 'township' | 'county';
  placeCode: string;
  placeName: string;
  from: string;
  to: string;
  months: string[];
  /** One row per month of the range. */
  byMonth: (StatsRow & { month: string })[];
  /** One row per place the station holds (its villages, and itself when it has records). */
  byPlace: (StatsRow & { placeCode: string; placeName: string })[];
  total: StatsRow;
  /** Where the numbers come from: the station's own database (with its villages' copies), or the county server's views. */
  source: 'station' | 'countyServer';
  /** When these numbers were computed (the county's: read from the server just now). */
  computedAt: string;
  tookMs: number;
}

export const statsHandlers = {
  'stats.dashboard': handler<StatsDashboard>()(statsRangeSchema, ALL_ROLES),
  /** The dashboard's tables as an .xlsx (base64), audit-logged. */
  'stats.export': handler<FileView>()(statsRangeSchema, ALL_ROLES),
} as const;
