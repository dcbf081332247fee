// Ending a post assignment early (提前结束): the reasons, what the form sends, the status entry
// each reason leads to, and the warnings a holder row shows before the subsidy limit or the
// retirement age. Messages are i18n keys. The stored fact is `assignmentExit` (../documents).
//
// The exit date is the LAST day held: attendance on it is allowed, from the next day it is refused
// and the grid shows the days as outside the assignment. The ledger's 公益性岗位 entry gets the exit
// date as its end (a correcting entry: entries are never rewritten), and the next status starts
// the day after (see `nextStatusOf`).
import { z } from 'zod';
import { ID_PATTERNS } from '../documents/ids';
import { freeText, isoDay, requiredText, rev } from '../common/fields';
import { EMPLOYMENT_STATUSES, MIGRANT_AREAS, employerSchema, isEmployed, type EmploymentStatus } from '../employment/schema';
import { retirementDate, type RetirementRuleSet } from '../policy/retirement';
import type { WorklistParams } from '../policy/parameters';
import { addDays, postLimitDay, type AssignmentFact } from '../worklist/rules';

/** 就业, 违纪, 考核不合格, 本人申请, 到龄, 死亡, 迁出. */
export const EXIT_REASONS = ['employed', 'misconduct', 'failedAssessment', 'ownRequest', 'retirementAge', 'death', 'movedAway'] as const;
export type ExitReason = (typeof EXIT_REASONS)[number];

/** `assignment:<place>:<code>:<resident key>:<start>`. */
export const assignmentIdField = z.string().regex(ID_PATTERNS.assignment, { error: 'errors.id' });

/** The status the person has after the exit, when the clerk chooses it. */
export const exitNextStatusSchema = z
  .strictObject({
    status: z.enum(EMPLOYMENT_STATUSES, { error: 'errors.option' }),
    area: z.enum(MIGRANT_AREAS, { error: 'errors.option' }).nullable().default(null),
    destination: freeText(100).default(''),
    employer: employerSchema.nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'migrant' && v.area === null) ctx.addIssue({ code: 'custom', path: ['area'], message: 'errors.required' });
  });
export type ExitNextStatus = z.output<typeof exitNextStatusSchema>;

export const endAssignmentSchema = z
  .strictObject({
    assignmentId: assignmentIdField,
    /** The last day held. */
    date: isoDay,
    reason: z.enum(EXIT_REASONS, { error: 'errors.option' }),
    note: freeText(200).default(''),
    /** The status after the exit; absent: the reason's default (`nextStatusOf`). */
    next: exitNextStatusSchema.nullable().default(null),
    /** The assignment's revision the clerk saw. */
    rev: rev.optional(),
  })
  .superRefine((v, ctx) => {
    const issue = nextStatusIssue(v.reason, v.next);
    if (issue) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.messageKey });
  });
export type EndAssignmentInput = z.input<typeof endAssignmentSchema>;

/**
 * The status entry an exit writes from the day after, by reason: 就业 → the clerk's choice
 * (default 单位就业), 到龄 → 退休, 死亡 → none, the others → 未就业 unless the clerk chose another.
 */
export function nextStatusOf(reason: ExitReason, next: ExitNextStatus | null): ExitNextStatus | null {
  if (reason === 'death') return null;
  if (next) return next;
  const status: EmploymentStatus = reason === 'employed' ? 'employee' : reason === 'retirementAge' ? 'retired' : 'unemployed';
  return { status, area: null, destination: '', employer: null };
}

/** A chosen status that does not fit the reason. */
export function nextStatusIssue(reason: ExitReason, next: ExitNextStatus | null): { path: string[]; messageKey: string } | null {
  if (!next) return null;
  if (reason === 'death') return { path: ['next', 'status'], messageKey: 'errors.exit.noStatusAfterDeath' };
  if (reason === 'employed' && !isEmployed(next.status)) return { path: ['next', 'status'], messageKey: 'errors.employment.notEmployed' };
  return null;
}

export type HolderWarningKind = 'subsidyLimit' | 'retirement';

export interface HolderWarning {
  kind: HolderWarningKind;
  /** The day the subsidy's months run out, or the holder reaches the retirement age. */
  date: string;
  /** The first day the warning shows (the work list's window before `date`). */
  from: string;
  /** Within the last `exitWarnDays` before `date` (default 30): shown as a warning, not only listed. */
  urgent: boolean;
  /** The subsidy limit's months (the county's parameter), for `subsidyLimit`. */
  maxSubsidyMonths?: number;
}

/**
 * The warnings of one holder on a day: the subsidy limit and the retirement age when they fall
 * within the (held) assignment, from the day the work list lists them (its `limitWarnDays` and
 * `retirementWarnDays` before), by the work list's own rule (`postLimitDay`). None once ended early.
 */
export function holderWarnings(
  a: Pick<AssignmentFact, 'id' | 'startDate' | 'endDate' | 'exitDate'>,
  all: readonly Pick<AssignmentFact, 'id' | 'startDate' | 'endDate'>[],
  person: { birthDate: string; sex: 'male' | 'female' } | null,
  policy: { maxSubsidyMonths: number; retirement: RetirementRuleSet; params: Pick<WorklistParams, 'limitWarnDays' | 'retirementWarnDays' | 'exitWarnDays'> },
  today: string,
): HolderWarning[] {
  if (a.exitDate || a.endDate < today) return [];
  const out: HolderWarning[] = [];
  const limit = postLimitDay(all, a, policy.maxSubsidyMonths);
  const urgent = (date: string) => today >= addDays(date, -policy.params.exitWarnDays);
  if (limit <= a.endDate) out.push({ kind: 'subsidyLimit', date: limit, from: addDays(limit, -policy.params.limitWarnDays), urgent: urgent(limit), maxSubsidyMonths: policy.maxSubsidyMonths });
  const retires = person ? retirementDate(policy.retirement, person.birthDate, person.sex) : null;
  if (retires && retires > a.startDate && retires <= a.endDate) out.push({ kind: 'retirement', date: retires, from: addDays(retires, -policy.params.retirementWarnDays), urgent: urgent(retires) });
  return out.filter((w) => w.from <= today || w.urgent);
}

/** An assignment's early end as the holder row shows it. */
export interface AssignmentExitView {
  /** The last day held. */
  date: string;
  reason: ExitReason;
  note: string;
  /** The status written from the day after (null: none, after a death). */
  nextStatus: EmploymentStatus | null;
  byName: string;
  at: string;
}

/** An exit withdrawn (撤销离岗), as the holder row shows it struck through. */
export interface WithdrawnExitView extends AssignmentExitView {
  withdrawal: { reason: string; byName: string; at: string };
}

/**
 * Withdrawing the assignment's current exit (the wrong holder, the wrong date): the reason is
 * required; the assignment is held again from the day after the exit date, and a new exit may follow.
 */
export const withdrawExitSchema = z.strictObject({
  assignmentId: assignmentIdField,
  reason: requiredText(200),
});
export type WithdrawExitInput = z.input<typeof withdrawExitSchema>;

/** How an assignment ended, or is agreed to end: the exit's date and reason when ended early, else the agreed end. */
export interface EffectiveEnd {
  date: string;
  /** The exit's reason when ended early; null for the agreed end. */
  reason: ExitReason | null;
}

/**
 * The real end of an assignment: its (standing, not withdrawn) exit's date when ended early before
 * the agreed end, the agreed end otherwise. Every place that shows an assignment's end uses it.
 */
export function effectiveEnd(assignment: { endDate: string }, exit: { date: string; reason: ExitReason } | null | undefined): EffectiveEnd {
  return exit && exit.date <= assignment.endDate ? { date: exit.date, reason: exit.reason } : { date: assignment.endDate, reason: null };
}
