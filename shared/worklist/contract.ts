// The work list (待办): what is due and overdue at a station, computed from its records by the
// rules in ./rules.ts with the county's dated parameters (policy kind `worklist`). A row is done
// by the record that answers it (a service, a result, a status entry…); a clerk may also snooze
// it or mark it not applicable, with a reason: both are new dated records (`worklistMark`),
// nothing is deleted. Part of the one handler map (see ../rpc/handlers.ts).
import { z } from 'zod';
import { isoDay, requiredText, stationBelowCounty, villageCode } from '../common/fields';
import type { WorklistParams } from '../policy/parameters';
import { ALL_ROLES, WRITERS, handler } from '../rpc/define';

/**
 * The rules, in the order the list groups them:
 * - `unemployedNotContacted`: a registered unemployed person with no contact for N days (default 30);
 * - `hardshipNoServiceThisQuarter`: a 就业困难人员 with no service this quarter;
 * - `assignmentEnding`: a post holder whose assignment ends within 30 days;
 * - `subsidyLimitNear`: a post holder who reaches the subsidy limit (36 months) within 60 days;
 * - `retirementNear`: a post holder who reaches the retirement age within 60 days;
 * - `trainingNoStatus`: a trainee six months after the course ended with no status entry since;
 * - `referralNoResult`: a 岗位推荐 without a result after 14 days;
 * - `noticeEnded`: a 公示 (hardship notice) whose period has ended.
 */
export const WORKLIST_RULES = [
  'unemployedNotContacted',
  'hardshipNoServiceThisQuarter',
  'assignmentEnding',
  'subsidyLimitNear',
  'retirementNear',
  'trainingNoStatus',
  'referralNoResult',
  'noticeEnded',
] as const;
export type WorklistRule = (typeof WORKLIST_RULES)[number];

/** What a clerk may record on a row: put it off until a day, or say it does not apply; `reopened` undoes either. */
export const WORKLIST_MARKS = ['snoozed', 'notApplicable', 'reopened'] as const;
export type WorklistMarkKind = (typeof WORKLIST_MARKS)[number];

/** What a row opens: the person, or the record it is about. */
export type WorklistTarget =
  | { kind: 'resident'; residentId: string }
  | { kind: 'post'; postId: string; residentId: string }
  | { kind: 'session'; sessionId: string; residentId: string }
  | { kind: 'service'; serviceId: string; residentId: string }
  | { kind: 'notice'; noticeId: string };

export interface WorklistMarkView {
  kind: Exclude<WorklistMarkKind, 'reopened'>;
  /** `snoozed`: the day the row comes back. */
  until: string | null;
  reason: string;
  /** Display name of who marked it, and when (ISO instant). */
  byName: string;
  at: string;
}

export interface WorklistItem {
  /** Stable for one duty (rule, subject and the cycle it is due in): what a mark points at. */
  key: string;
  rule: WorklistRule;
  /** `due`: due from today up to its due date; `overdue`: past its due date. */
  state: 'due' | 'overdue';
  /** The day it is (or was) due. */
  dueDate: string;
  /** The person it is about (display name), or null for a notice. */
  residentId: string | null;
  residentName: string | null;
  /** The village the person belongs to (a township lists several). */
  placeCode: string;
  target: WorklistTarget;
  /**
   * The facts the row shows, worded by the renderer per rule: days since the last contact, the
   * post's name and end date, the course and its end, the employer and job, the notice period…
   */
  facts: Record<string, string | number | null>;
  /** A standing snooze (until a day not yet reached) or not-applicable mark; such rows are listed apart. */
  mark: WorklistMarkView | null;
}

export interface WorklistCounts {
  due: number;
  overdue: number;
}

export interface WorklistView {
  placeCode: string;
  /** The day the list was computed for (the station's today). */
  today: string;
  /** A township reading a village's list: nothing can be marked. */
  readOnly: boolean;
  /** Open rows (no standing mark), overdue first, then by due date. */
  items: WorklistItem[];
  /** Rows with a standing snooze or not-applicable mark. */
  marked: WorklistItem[];
  counts: WorklistCounts;
  /**
   * Added by the core: the parameters in force on `today` (policy kind `worklist`, and the posts'
   * subsidy limit), for the help texts `worklist.ruleHelp.<rule>` (their {{…}} values).
   */
  params?: WorklistParams & { maxSubsidyMonths: number };
}

/** One line of the overview: a village at a township, a station (grouped by township) at the county. */
export interface WorklistOverviewRow extends WorklistCounts {
  placeCode: string;
  name: string;
  /** When the counts were computed: today at a township (its relay copies), the station's last heartbeat at the county. */
  asOf: string | null;
}

export const worklistMarkSchema = z
  .strictObject({
    key: z.string().min(1, { error: 'errors.required' }).max(300, { error: 'errors.tooLong' }),
    kind: z.enum(WORKLIST_MARKS, { error: 'errors.option' }),
    until: isoDay.nullable().default(null),
    reason: requiredText(200),
    /** Optional: the place of the list the row was read from; only the station's own may be marked (a township's view of a village is read-only). */
    placeCode: stationBelowCounty.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'snoozed' && v.until === null) ctx.addIssue({ code: 'custom', path: ['until'], message: 'errors.required' });
  });

export const worklistHandlers = {
  /** The station's own list; a township may name one of its villages (read-only). */
  'worklist.list': handler<WorklistView>()(z.strictObject({ placeCode: villageCode.optional() }), ALL_ROLES),
  /** Snooze a row, mark it not applicable, or reopen it (a new dated record, nothing deleted). */
  'worklist.mark': handler<WorklistItem>()(worklistMarkSchema, WRITERS),
  /** Due and overdue counts: per village at a township, per station at the county. */
  'worklist.overview': handler<WorklistOverviewRow[]>()(z.strictObject({}), ALL_ROLES),
} as const;
