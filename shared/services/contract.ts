// Service records (服务记录) and the resident's timeline: the handlers, and what they answer.
// The arguments' schemas live in ./schema.ts, the rules in ./rules.ts. Part of the one handler map
// (see ../rpc/handlers.ts).
import { z } from 'zod';
import { residentId } from '../common/fields';
import type { SessionLabel } from '../documents/labelTypes';
import type { CloseReason, RegistrationKind } from '../residents/schema';
import { ALL_ROLES, WRITERS, handler } from '../rpc/define';
import type { HalfDay } from '../training/schema';
import type { EmploymentStatus, MigrantArea } from '../employment/schema';
import type { ExitReason } from '../posts/exits';
import {
  serviceCorrectSchema,
  serviceRecordSchema,
  serviceResultSchema,
  type Referral,
  type ReferralResult,
  type ServiceChannel,
  type ServiceEntry,
  type ServiceKind,
} from './schema';

/** One stored entry, as the screens show it (ids only to act on it, never shown). */
export interface ServiceView {
  id: string;
  residentId: string;
  entry: ServiceEntry;
  date: string;
  /** Login of who recorded it (the screens show the display name). */
  by: string;
  /** When it was recorded (ISO instant). */
  at: string;
  /** entry `service`. */
  channel?: ServiceChannel;
  kind?: ServiceKind;
  content?: string;
  outcome?: string;
  referral?: Referral;
  /** entry `result`: the referral it answers, and what came of it. */
  refersTo?: string;
  result?: ReferralResult;
  note?: string;
  /** The entry this one corrects, and its date (for "更正 2026-12-01 的记录"). */
  corrects?: string;
  correctsDate?: string;
  /** The later entry that corrects this one: this one is superseded. */
  correctedBy: string | null;
}

/** A service on the timeline: the entry, and for a referral its results (every version, the current last). */
export interface ServiceTimelineItem extends ServiceView {
  results: ServiceView[];
  /** A referral still waiting for its result (the current version of one without a result). */
  awaitingResult: boolean;
}

interface Dated {
  /** The day it happened (ISO); the timeline is ordered by it, then by `at`. */
  date: string;
  /** When it was recorded (ISO instant), or '' when unknown. */
  at: string;
  /** Login of who did it; '' for what the county decided (shown as the county). */
  by: string;
}

/**
 * One entry of a resident's timeline. A new source (employment status entries, say) adds a
 * member here, a source in src-main/core/services/timeline.ts and a line in the renderer's
 * src-renderer/services/timelineText.ts.
 */
export type TimelineEntry = Dated &
  (
    | { type: 'registered'; kind: RegistrationKind }
    | { type: 'updated' }
    | { type: 'closed'; reason: CloseReason; note: string }
    | { type: 'reopened'; reason: string; closeReason: CloseReason; closeDate: string }
    | { type: 'service'; service: ServiceTimelineItem }
    | { type: 'assignment'; post: string; from: string; to: string; endReason: ExitReason | null }
    | { type: 'enrolment'; session: SessionLabel | null }
    | { type: 'signIns'; session: SessionLabel | null; halfDays: number; from: string; to: string; lastHalf: HalfDay }
    | { type: 'decision'; decision: 'accepted' | 'returned'; reason: string; record: 'resident' | 'service'; recordDate: string }
    | { type: 'employment'; status: EmploymentStatus; employer: string; area: MigrantArea | null; destination: string; endDate: string | null; corrected: boolean }
  );
export type TimelineType = TimelineEntry['type'];

const byResident = z.strictObject({ residentId });

export const servicesHandlers = {
  'services.record': handler<ServiceView>()(serviceRecordSchema, WRITERS),
  'services.result': handler<ServiceView>()(serviceResultSchema, WRITERS),
  'services.correct': handler<ServiceView>()(serviceCorrectSchema, WRITERS),
  'services.list': handler<ServiceView[]>()(byResident, ALL_ROLES),
  /** The resident's one timeline, newest first. */
  'services.timeline': handler<TimelineEntry[]>()(byResident, ALL_ROLES),
} as const;
