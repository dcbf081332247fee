// Recruitment (招聘): what a clerk enters for a post opening (岗位公告), an application (报名), its
// withdrawal, the 拟安置人员公示 and the objections to it, as zod schemas (messages are i18n keys).
// Nothing is edited after the fact but the opening's own notice: an application, a withdrawal,
// a 公示, an objection and its decision are each a new dated entry (see ../documents/schemas.ts).
import { z } from 'zod';
import { isoDay, requiredText, residentId, rev } from '../common/fields';
import { PLACED_ID_SOURCES } from '../documents/ids';
import { postId } from '../posts/schema';

/** What an entry of an opening records. */
export const RECRUIT_ENTRIES = ['application', 'withdrawal', 'publicity', 'objection', 'decision'] as const;
export type RecruitEntryKind = (typeof RECRUIT_ENTRIES)[number];

export const openingId = z.string().regex(new RegExp(PLACED_ID_SOURCES.opening), { error: 'errors.id' });
export const recruitEntryId = z.string().regex(new RegExp(PLACED_ID_SOURCES.recruitEntry), { error: 'errors.id' });

/** The 岗位公告 as entered: a new one names its post, an edit its id and revision. */
export const openingSaveSchema = z
  .strictObject({
    id: openingId.optional(),
    rev: rev.optional(),
    postId,
    places: z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(1, { error: 'errors.number.range' }).max(200, { error: 'errors.number.range' }),
    conditions: requiredText(500),
    windowFrom: isoDay,
    windowTo: isoDay,
    contact: requiredText(100),
  })
  .superRefine((v, ctx) => {
    if (v.windowTo < v.windowFrom) ctx.addIssue({ code: 'custom', path: ['windowTo'], message: 'errors.recruitment.windowOrder' });
  });

export const applySchema = z.strictObject({ openingId, residentId, date: isoDay });
export const withdrawSchema = z.strictObject({ applicationId: recruitEntryId, date: isoDay, reason: requiredText(200) });
/** The township's candidates for the places, in the order it placed them; the 公示 starts the day it is recorded (printed). */
export const publishSchema = z.strictObject({
  openingId,
  candidates: z.array(residentId).min(1, { error: 'errors.recruitment.noCandidates' }).max(200),
  /** Where objections go (the township's office and phone). */
  objectionsTo: requiredText(200),
});
export const objectSchema = z.strictObject({ publicityId: recruitEntryId, date: isoDay, by: requiredText(50), content: requiredText(500) });
export const decideSchema = z.strictObject({ objectionId: recruitEntryId, upheld: z.boolean(), reason: requiredText(300), date: isoDay });

export type OpeningSaveArgs = z.output<typeof openingSaveSchema>;
