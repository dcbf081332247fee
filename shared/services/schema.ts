// Service records (服务记录): what a clerk enters for each contact with a resident, as zod schemas
// (messages are i18n keys). A record is never edited: a referral's result is a follow-up entry
// pointing at it (`refersTo`), a correction a new entry pointing at the one it corrects
// (`corrects`). The rules that need the stored records (dates against the birth date, closed
// registrations, one result per referral) are in ./rules.ts.
import { z } from 'zod';
import { creditCode, freeText, isoDay, requiredText, residentId } from '../common/fields';
import { PLACED_ID_SOURCES } from '../documents/ids';

/** 到站 / 入户走访 / 电话 / 微信 / 集中活动. */
export const SERVICE_CHANNELS = ['atStation', 'homeVisit', 'phone', 'wechat', 'groupEvent'] as const;
/** 政策咨询, 职业指导, 岗位推荐, 培训推荐, 创业服务, 援助（基本/专项/特定/急难）, 回访. */
export const SERVICE_KINDS = [
  'policyConsultation', 'careerGuidance', 'jobReferral', 'trainingReferral', 'entrepreneurship',
  'aidBasic', 'aidSpecial', 'aidTargeted', 'aidEmergency', 'followUp',
] as const;
/** 录用 / 未录用 / 无正当理由拒绝. */
export const REFERRAL_RESULTS = ['hired', 'notHired', 'refusedWithoutReason'] as const;
/** What an entry is: a service (a contact), or the result of a referral recorded later. */
export const SERVICE_ENTRIES = ['service', 'result'] as const;

export type ServiceChannel = (typeof SERVICE_CHANNELS)[number];
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type ReferralResult = (typeof REFERRAL_RESULTS)[number];
export type ServiceEntry = (typeof SERVICE_ENTRIES)[number];

/** The one kind a person whose registration is closed may still get (回访). */
export const KIND_AFTER_CLOSURE: ServiceKind = 'followUp';
/** The kind that names an employer and waits for a result (岗位推荐). */
export const REFERRAL_KIND: ServiceKind = 'jobReferral';

/** A service record's id: `service:<place>:<resident key>:<time>:<random>` (the registry builds it). */
export const serviceId = z.string().regex(new RegExp(PLACED_ID_SOURCES.service), { error: 'errors.id' });

/** A referral (岗位推荐): the employer (credit code checked when given), the job and its pay. */
export const referralSchema = z.strictObject({
  employerName: requiredText(60),
  employerCreditCode: z.union([z.literal(''), creditCode]).default(''),
  job: requiredText(50),
  /** As the employer offers it (月薪 3500 元, 计件…). */
  pay: freeText(50).default(''),
});
export type Referral = z.output<typeof referralSchema>;

const serviceFields = {
  date: isoDay,
  channel: z.enum(SERVICE_CHANNELS, { error: 'errors.option' }),
  kind: z.enum(SERVICE_KINDS, { error: 'errors.option' }),
  content: requiredText(500),
  outcome: freeText(500).default(''),
  referral: referralSchema.optional(),
};

/** A referral names its employer and job; no other kind carries them. */
function referralOnlyForReferrals(v: { kind: ServiceKind; referral?: Referral | undefined }, ctx: z.RefinementCtx) {
  if (v.kind === REFERRAL_KIND && v.referral === undefined) ctx.addIssue({ code: 'custom', path: ['referral', 'employerName'], message: 'errors.required' });
  if (v.kind !== REFERRAL_KIND && v.referral !== undefined) ctx.addIssue({ code: 'custom', path: ['referral'], message: 'errors.services.referralOnlyForReferrals' });
}

/** `services.record`: one contact with a resident. */
export const serviceRecordSchema = z.strictObject({ residentId, ...serviceFields }).superRefine(referralOnlyForReferrals);
export type ServiceRecordInput = z.input<typeof serviceRecordSchema>;
export type ServiceRecordData = z.output<typeof serviceRecordSchema>;

const resultFields = {
  date: isoDay,
  result: z.enum(REFERRAL_RESULTS, { error: 'errors.option' }),
  note: freeText(500).default(''),
};

/** `services.result`: what came of a referral, recorded once as a follow-up entry. */
export const serviceResultSchema = z.strictObject({ referralId: serviceId, ...resultFields });
export type ServiceResultData = z.output<typeof serviceResultSchema>;

/** `services.correct`: a new entry replacing the one it corrects (a service, or a referral's result). */
export const serviceCorrectSchema = z.discriminatedUnion('entry', [
  z.strictObject({ entry: z.literal('service'), corrects: serviceId, ...serviceFields }).superRefine(referralOnlyForReferrals),
  z.strictObject({ entry: z.literal('result'), corrects: serviceId, ...resultFields }),
]);
export type ServiceCorrectData = z.output<typeof serviceCorrectSchema>;
