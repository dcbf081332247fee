// The stored documents of the public-welfare post cycle (issue 17): payment accounts, the
// county's post plan, 考核 and its deduction notices, openings and their dated facts. Built on the
// fields every document shares (./schemas.ts); the registry (./registry.ts) names them per type.
import { z } from 'zod';
import { PAY_ACCOUNT_KINDS } from '../payroll/kinds';
import { freeText, isoDay } from '../residents/schema';
import { base, isoTime, lockable, login, postIdSchema, residentIdSchema, text } from './schemas';

// ── A holder's payment account (the township payroll, issue 17) ──

/**
 * `payAccount:<place>:<resident key>:<effective date>`: the bank card or 社保卡 a holder is paid
 * into, from that day; a later date replaces it (the same day again: a new revision). Shown
 * masked everywhere; the whole number leaves the core only through an audited reveal.
 */
export const payAccountSchema = z.object({
  ...base,
  type: z.literal('payAccount'),
  residentId: residentIdSchema,
  kind: z.enum(PAY_ACCOUNT_KINDS),
  /** The bank (开户行) or the card's issuer. */
  bankName: z.string().max(60),
  accountNo: z.string().regex(/^\d{8,30}$/),
  effectiveFrom: isoDay,
  /** The holder's display name when written (the township reads it from the village's copy). */
  holderName: z.string().max(100),
});

/** `postPlan:<county>:<year>`: the places the county plans to create in a year (its share of the province's plan). */
export const postPlanSchema = z.object({
  ...base,
  type: z.literal('postPlan'),
  year: z.number().int().min(2000).max(2100),
  places: z.number().int().min(0).max(1_000_000),
  note: z.string().max(200),
});

// ── 考核 (issue 17, shared/assessment): append-only facts, a change supersedes ──────────────────

const monthOnly = z.string().regex(/^\d{4}-\d{2}$/);
/**
 * `assessment:<place>:<post code>:<month>:<resident key>:<time>`: a holder's 考核 for a closed
 * month. Never rewritten: a change is a new entry whose `supersedes` names the one it replaces;
 * the latest is current (shared/assessment/doc.ts currentAssessment).
 */
export const assessmentSchema = z.object({
  ...base,
  type: z.literal('assessment'),
  postId: postIdSchema,
  assignmentId: z.string().max(300),
  residentId: residentIdSchema,
  month: monthOnly,
  /** Item key → score 0–100. */
  scores: z.record(z.string().max(40), z.number().min(0).max(100)),
  /** Weighted score, one decimal. */
  score: z.number().min(0).max(100),
  passed: z.boolean(),
  deductions: z.array(z.strictObject({ reason: freeText(100), amountFen: z.number().int().min(1).max(10_000_000) })).max(20),
  /** The `effectiveFrom` of the 考核 parameter the score was weighed with. */
  policyFrom: isoDay,
  assessedBy: login,
  /** The display name of assessedBy when written (the county has no copy of the accounts). */
  assessedByName: z.string().max(100),
  assessedAt: isoTime,
  supersedes: z.string().max(300).nullable(),
  note: freeText(200),
});

/** `deductionNotice:<place>:<post code>:<month>:<resident key>:<time>`: a 扣款告知书 was printed for an assessment entry. */
export const deductionNoticeSchema = z.object({
  ...base,
  type: z.literal('deductionNotice'),
  assessmentId: z.string().max(300),
  postId: postIdSchema,
  residentId: residentIdSchema,
  month: monthOnly,
  printedByName: z.string().max(100),
});
// ── Recruitment (issue 17): the 岗位公告 and its dated facts ──────────────────────────────────

/**
 * `opening:<place>:<post code>:<random>`: a post's opening (岗位公告): places, conditions, the
 * application window and whom to contact. Edited while it is open (a record like a post: the
 * county reviews it and may lock it); what happens to it is recruitEntry facts, never edits.
 */
export const openingSchema = z.object({
  ...base,
  ...lockable,
  type: z.literal('opening'),
  postId: postIdSchema,
  places: z.number().int().min(1),
  conditions: text,
  windowFrom: isoDay,
  windowTo: isoDay,
  contact: text,
});

const recruitEntryBase = { ...base, type: z.literal('recruitEntry'), openingId: z.string().max(200), date: isoDay };
/**
 * `recruitEntry:<place>:<post code>:<opening random>:<time>:<random>`: one dated fact of an opening,
 * append-only: an application (报名), its withdrawal, a 公示 of the candidates with its period, an
 * objection to a 公示 and its decision. A later 公示 of the same opening replaces an earlier one.
 */
export const recruitEntrySchema = z.discriminatedUnion('entry', [
  z.object({ ...recruitEntryBase, entry: z.literal('application'), residentId: residentIdSchema }),
  z.object({ ...recruitEntryBase, entry: z.literal('withdrawal'), refersTo: z.string().max(200), residentId: residentIdSchema, reason: text }),
  z.object({
    ...recruitEntryBase,
    entry: z.literal('publicity'),
    candidates: z.array(residentIdSchema),
    noticeFrom: isoDay,
    noticeTo: isoDay,
    objectionsTo: text,
  }),
  z.object({ ...recruitEntryBase, entry: z.literal('objection'), refersTo: z.string().max(200), by: text, content: text }),
  z.object({ ...recruitEntryBase, entry: z.literal('decision'), refersTo: z.string().max(200), upheld: z.boolean(), reason: text }),
]);

// ── Exits (issue 17, shared/posts/exits.ts) ──────────────────────────────────────────────────

/**
 * `exitWithdrawal:<place>:<post code>:<resident key>:<start>[:<n>]`: an assignment's exit withdrawn
 * (撤销离岗), with the reason; the assignment is held again from the day after the exit date. Never rewritten.
 */
export const exitWithdrawalSchema = z.object({
  ...base,
  type: z.literal('exitWithdrawal'),
  exitId: z.string().max(200),
  assignmentId: z.string().max(200),
  postId: postIdSchema,
  residentId: residentIdSchema,
  /** The withdrawn exit's date (its last day held). */
  exitDate: isoDay,
  reason: z.string().min(1).max(200),
  /** The display name of createdBy when written. */
  byName: z.string().max(100),
});
