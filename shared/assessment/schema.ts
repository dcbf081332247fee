// What a clerk enters for a 考核: the item scores, the deductions (yuan on the bridge, fen when
// stored), a note, and the entry it supersedes. Field rules that need the parameter in force
// (items known, every item scored) are checked by the core on the same fields.
import { z } from 'zod';
import { freeText, month, requiredText, residentId } from '../common/fields';
import { yuan } from '../policy/parameters';
import { postId } from '../posts/schema';
import { PLACED_ID_SOURCES } from '../documents/ids';

const itemScore = z.number({ error: 'errors.number.invalid' }).min(0, { error: 'errors.number.range' }).max(100, { error: 'errors.number.range' });

export const deductionSchema = z.strictObject({
  reason: requiredText(100),
  amount: yuan(100_000),
});

export const assessmentSaveSchema = z.strictObject({
  postId,
  month,
  residentId,
  /** Item key → score 0–100 (the items of the parameter in force on the month's first day). */
  scores: z.record(z.string().max(40), itemScore),
  deductions: z.array(deductionSchema).max(20, { error: 'errors.number.range' }),
  /** Why, for a change of an earlier entry (required then). */
  note: freeText(200),
  /** The entry this one replaces: the current one as the clerk saw it (null for the month's first). */
  supersedes: z.string().max(300).nullable(),
});

export type AssessmentSaveArgs = z.input<typeof assessmentSaveSchema>;

export const assessmentMonthSchema = z.strictObject({ postId, month });
export const deductionNoticeArgs = z.strictObject({ assessmentId: z.string().regex(new RegExp(PLACED_ID_SOURCES.assessment), { error: 'errors.id' }) });
export const failedMonthsArgs = z.strictObject({ assignmentId: z.string().regex(new RegExp(PLACED_ID_SOURCES.assignment), { error: 'errors.id' }) });
