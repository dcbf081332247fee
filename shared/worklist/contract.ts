// The work list (待办): what is due and overdue at a station, computed from its records by the
// rules in ./rules.ts with the county's dated parameters (policy kind `worklist`). A row is done
// by the record that answers it (a service, a result, a status entry…); a clerk may also snooze
// it or mark it not applicable, with a reason: both are new dated records (`worklistMark`),
// nothing is deleted. Part of the one handler map (see ../rpc/handlers.ts).
import { z } from 'zod';
import { isoDay, requiredText, stationBelowCounty, villageCode } from '../common/fields';
import type { WorklistParams } from '../policy/parameters';
import { ALL_ROLES, WRITERS, handler } from '../rpc/define';
import { WORKLIST_MAX_PAGE, WORKLIST_PAGE_SIZE } from './paging';

/**
 * The rules, in the order the list groups them:
 * - `unemployedNotContacted`: a registered unemployed person with no contact for N days (default 30);
 * - `hardshipNoServiceThisQuarter`: a 就业困难人员 with no service this quarter;
 * - `assignmentEnding`: a post holder whose assignment ends within 30 days;
 * - `subsidyLimitNear`: a post holder who reaches the subsidy limit (36 months) within 60 days;
 * - `retirementNear`: a post holder who reaches the retirement age within 60 days;
 * - `trainingNoStatus`: a trainee six months after the course ended with no status entry since;
 * - `referralNoResult`: a 岗位推荐 without a result after 14 days;
 * - `noticeEnded`: a 公示 (hardship notice) whose period has ended;
 * - `recruitNoticeEnded`: an opening's 拟安置人员公示 ended with a candidate still to place.
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
  'recruitNoticeEnded',
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
  | { kind: 'notice'; noticeId: string }
  | { kind: 'opening'; postId: string; openingId: string };

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
  /** The person it is about (display name), or null for a notice or an opening. */
  residentId: string | null;
  residentName: string | null;
  /** The village the person belongs to (a township lists several). */
  placeCode: string;
  /** That village's name, given by the core: the renderer shows the list without the place tree (issue 18). */
  placeName: string;
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

/** The sections of a rule's rows: open (no standing mark) and marked (a standing snooze or not applicable). */
export const WORKLIST_SECTIONS = ['open', 'marked'] as const;
export type WorklistSection = (typeof WORKLIST_SECTIONS)[number];

// Rows per page unless asked otherwise, and the most one call answers per rule (./paging.ts).
export { WORKLIST_MAX_PAGE, WORKLIST_PAGE_SIZE } from './paging';

/** One rule's totals: its open rows (due, overdue) and its marked rows. */
export interface WorklistRuleTotals extends WorklistCounts {
  rule: WorklistRule;
  marked: number;
}

export interface WorklistView {
  placeCode: string;
  /** Its name (the core's place tree), for a township's view of a village. */
  placeName: string;
  /** The day the list was computed for (the station's today). */
  today: string;
  /** A township reading a village's list: nothing can be marked. */
  readOnly: boolean;
  /**
   * Open rows answered, each rule's overdue first, then by due date (then by key): without `rule`
   * the first page of every rule's open rows (in the rules' order); with `rule` that rule's page
   * of the open section (none when the marked section was asked).
   */
  items: WorklistItem[];
  /** Marked rows answered, in the same order: the first page of every rule's, or the rule's page of the marked section. */
  marked: WorklistItem[];
  /** Every open row of the list (not only the page's). */
  counts: WorklistCounts;
  /** Every marked row of the list. */
  markedCount: number;
  /** Per rule, in the rules' order: what the whole list holds (the pagers' totals). */
  totals: WorklistRuleTotals[];
  /** The page answered: `rule` null for the first page of every rule. */
  page: { rule: WorklistRule | null; section: WorklistSection; offset: number; limit: number };
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

export const worklistListSchema = z.strictObject({
  placeCode: villageCode.optional(),
  rule: z.enum(WORKLIST_RULES, { error: 'errors.option' }).optional(),
  section: z.enum(WORKLIST_SECTIONS, { error: 'errors.option' }).default('open'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(WORKLIST_MAX_PAGE).default(WORKLIST_PAGE_SIZE),
});

export const worklistHandlers = {
  /**
   * The station's own list; a township may name one of its villages (read-only). Paged: without
   * `rule` the first `limit` rows of every rule (open and marked) with the totals; with `rule`
   * that rule's rows `offset`… of the section asked.
   */
  'worklist.list': handler<WorklistView>()(worklistListSchema, ALL_ROLES),
  /** Snooze a row, mark it not applicable, or reopen it (a new dated record, nothing deleted). */
  'worklist.mark': handler<WorklistItem>()(worklistMarkSchema, WRITERS),
  /** Due and overdue counts: per village at a township, per station at the county. */
  'worklist.overview': handler<WorklistOverviewRow[]>()(z.strictObject({}), ALL_ROLES),
} as const;
