// What a stored document of each type looks like, as zod schemas: the one description the
// document types (docs.ts), the quarantine check (docSchemas.ts) and the registry build on.
// Documents pulled from the county are checked against these before they land where the UI
// reads them; the types written through a form (resident, post, training, course, policy) are
// checked with the form's own schema instead (see documentProblem), so a clerk and the
// quarantine see the same messages. Every schema is built once here: zod compiles an object
// schema on its first parse, so a schema made per call would compile per document (a township
// pulls 90,000 of them).
import { z } from 'zod';
import { AUDIT_ACTIONS } from '../access/contract';
import {
  minimumWageSchema,
  postsPolicySchema,
  retirementPolicySchema,
  trainingPolicySchema,
  registrationAgeSchema,
  worklistPolicySchema,
  assessmentPolicySchema,
  recruitmentPolicySchema,
} from '../policy/parameters';
import { WORKLIST_MARKS, WORKLIST_RULES } from '../worklist/contract';
import { ATTENDANCE_MARKS, POST_CATEGORIES, POST_KINDS } from '../posts/schema';
import { EXIT_REASONS } from '../posts/exits';
import {
  CARE_CATEGORIES,
  CLOSE_REASONS,
  EDUCATION_LEVELS,
  HOUSEHOLD_TYPES,
  TARGET_GROUPS,
  freeText,
  isoDay,
  registrationSchema,
} from '../residents/schema';
import { HALF_DAYS, SIGN_IN_METHODS, TRAINING_LEVELS, timetableSlotSchema } from '../training/schema';
import { REFERRAL_RESULTS, SERVICE_CHANNELS, SERVICE_KINDS } from '../services/schema';
import type { AttendanceRevision, MonthCloseHistoryEntry, MonthSummary, PostOverride } from '../rpc/handlers';
import { ID_PATTERNS } from './ids';
import { EMPLOYMENT_SOURCES, EMPLOYMENT_STATUSES, MIGRANT_AREAS } from '../employment/schema';

/** The version this build writes and reads (typed as a number: a document's version is data). */
export const SCHEMA_VERSION: number = 1;

export const isoTime = z.iso.datetime();
/** County accounts are named by the county's CouchDB, not by this app's login rules. */
export const login = z.string().regex(/^[\p{Script=Han}A-Za-z0-9_.@-]{1,64}$/u);
export const placeCodeField = z.string().regex(/^37\d{4}(\d{3}){0,2}$/);

/** The fields every synced document carries: its id and type, schema version, place, and who wrote it when. */
export const base = {
  _id: z.string(),
  _rev: z.string().optional(),
  type: z.string(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  placeCode: placeCodeField,
  createdBy: login,
  createdAt: isoTime,
  updatedBy: login,
  updatedAt: isoTime,
};
export const stampedSchema = z.object(base);

/**
 * The county's lock on a record it accepted: set when county staff accept it, removed when they
 * unlock it; only county accounts may set, change or lift it (county/designDocs.ts).
 */
export const countyLockSchema = z.strictObject({ at: isoTime, by: z.string().min(1).max(200), batchId: z.string().max(200) });
/** The optional lock, on the record types the county reviews. */
export const lockable = { countyLock: countyLockSchema.optional() };

/** Ids as the quarantine checks them (no message keys: a stored document is not a form). */
export const residentIdSchema = z.string().regex(ID_PATTERNS.resident);
export const postIdSchema = z.string().regex(ID_PATTERNS.post);
export const trainingIdSchema = z.string().regex(ID_PATTERNS.training);
const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const text = z.string();

export const signMarkSchema = z.strictObject({ at: isoTime, method: z.enum(SIGN_IN_METHODS), by: login, machine: z.string().max(300) });
export const closureSchema = z.strictObject({ reason: z.enum(CLOSE_REASONS), date: isoDay, note: freeText(200), by: login }).nullable();
/** A closure undone (`residents.reopen`): the closure as it was, the reason, who and when. */
export const reopeningSchema = z.strictObject({ closure: closureSchema.unwrap(), reason: freeText(200).pipe(z.string().min(1)), at: isoTime, by: login });

// ── Written through a form (the quarantine checks these with the form's schema) ─────────────

export const residentSchema = z.object({
  ...base,
  ...lockable,
  type: z.literal('resident'),
  idNumber: text,
  name: text,
  sex: z.enum(['male', 'female']),
  birthDate: isoDay,
  phone: text,
  householdType: z.enum(HOUSEHOLD_TYPES),
  address: text,
  education: z.enum(EDUCATION_LEVELS),
  skills: text,
  employmentCertificateNo: text,
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  careCategories: z.array(z.enum(CARE_CATEGORIES)),
  registration: registrationSchema,
  closure: closureSchema,
  /** Earlier closures, oldest first (absent until the first reopening). */
  reopenings: z.array(reopeningSchema).optional(),
});

const policyDoc = { ...base, type: z.literal('policy'), effectiveFrom: isoDay, isDefault: z.boolean() };
/** A dated reference value: `policy:<kind>:<effectiveFrom>` (minimum wage: `policy:minimumWage:<county>:<date>`). */
export const policySchema = z.discriminatedUnion('kind', [
  z.object({ ...policyDoc, kind: z.literal('minimumWage'), values: minimumWageSchema }),
  z.object({ ...policyDoc, kind: z.literal('retirement'), values: retirementPolicySchema }),
  z.object({ ...policyDoc, kind: z.literal('posts'), values: postsPolicySchema }),
  z.object({ ...policyDoc, kind: z.literal('training'), values: trainingPolicySchema }),
  z.object({ ...policyDoc, kind: z.literal('registrationAge'), values: registrationAgeSchema }),
  z.object({ ...policyDoc, kind: z.literal('worklist'), values: worklistPolicySchema }),
  z.object({ ...policyDoc, kind: z.literal('assessment'), values: assessmentPolicySchema }),
  z.object({ ...policyDoc, kind: z.literal('recruitment'), values: recruitmentPolicySchema }),
]);

/** `post:<code>`; placeCode is the post's own place. */
export const postSchema = z.object({
  ...base,
  ...lockable,
  type: z.literal('post'),
  code: text,
  name: text,
  kind: z.enum(POST_KINDS),
  category: z.enum(POST_CATEGORIES),
  employer: z.object({ name: text, creditCode: text }),
  plannedHoursPerMonth: z.number(),
  payPerMonthFen: z.number(),
  startDate: isoDay,
  endDate: isoDay,
});

/** `training:<key>`: a training class (session). */
export const trainingSchema = z.object({
  ...base,
  ...lockable,
  type: z.literal('training'),
  course: z.object({ occupation: text, level: z.enum(TRAINING_LEVELS) }),
  provider: z.object({ name: text, creditCode: text }),
  teachers: z.array(text),
  place: text,
  startDate: isoDay,
  endDate: isoDay,
  timetable: z.array(timetableSlotSchema),
  plannedTrainees: z.number(),
});

/** `course:<code>`: a course of the county's catalogue, written at the county station, read everywhere from county_ref. */
export const courseSchema = z.object({
  ...base,
  type: z.literal('course'),
  code: text,
  occupation: text,
  level: z.enum(TRAINING_LEVELS),
  /** The course's standard class hours. */
  classHours: z.number(),
});

// ── Written by the core itself (the quarantine checks these schemas as they are) ────────────

/** `assignment:<post code>:<resident key>:<start date>`: one person on one post for a period. */
export const assignmentSchema = z.object({
  ...base,
  ...lockable,
  type: z.literal('assignment'),
  postId: postIdSchema,
  residentId: residentIdSchema,
  startDate: isoDay,
  endDate: isoDay,
  contractNo: freeText(40),
  override: z.custom<PostOverride | null>(),
});

/**
 * One day's mark of one holder: `attendance:<post code>:<YYYY-MM>:<resident key>:<DD>`, so a
 * second entry for the day is a new revision of the same document, never a twin, and a month
 * of one post is one key range. Earlier values stay in `history`.
 */
export const attendanceSchema = z.object({
  ...base,
  ...lockable,
  type: z.literal('attendance'),
  postId: postIdSchema,
  residentId: residentIdSchema,
  date: isoDay,
  mark: z.enum(ATTENDANCE_MARKS),
  hours: z.number().min(0).max(24),
  history: z.array(z.custom<AttendanceRevision>()),
});

/**
 * `assignmentExit:<post code>:<resident key>:<start date>`: the assignment ended early, `date` its
 * last day held, with the reason and the status written after it. Never rewritten.
 */
export const assignmentExitSchema = z.object({
  ...base,
  type: z.literal('assignmentExit'),
  assignmentId: z.string().max(200),
  postId: postIdSchema,
  residentId: residentIdSchema,
  date: isoDay,
  reason: z.enum(EXIT_REASONS),
  note: freeText(200),
  nextStatus: z.enum(EMPLOYMENT_STATUSES).nullable(),
  /** The display name of createdBy when written. */
  byName: z.string().max(100),
});

/** `monthClose:<post code>:<YYYY-MM>`: the month's totals as closed, and who closed or reopened it. */
export const monthCloseSchema = z.object({
  ...base,
  ...lockable,
  type: z.literal('monthClose'),
  postId: postIdSchema,
  month: monthField,
  status: z.enum(['closed', 'reopened']),
  summary: z.custom<MonthSummary>(),
  history: z.array(z.custom<MonthCloseHistoryEntry>()),
  /** Given when the month was closed with holders under the hourly minimum wage. */
  belowMinimumReason: z.string().max(200).optional(),
});

/** `enrolment:<session key>:<resident key>`. */
export const enrolmentSchema = z.object({ ...base, ...lockable, type: z.literal('enrolment'), sessionId: trainingIdSchema, residentId: residentIdSchema });

/** `signIn:<session key>:<date>:<half>:<resident key>`: one person, one half-day, one document. */
export const signInSchema = z.object({
  ...base,
  ...lockable,
  type: z.literal('signIn'),
  sessionId: trainingIdSchema,
  residentId: residentIdSchema,
  date: isoDay,
  half: z.enum(HALF_DAYS),
  in: signMarkSchema.nullable(),
  out: signMarkSchema.nullable(),
});

/** `audit:<ISO time>:<random>`: append-only. */
export const auditSchema = z.object({
  ...base,
  type: z.literal('audit'),
  action: z.enum(AUDIT_ACTIONS),
  targetId: z.string().max(300),
  field: z.string().max(300),
  reason: freeText(500).optional(),
});

/**
 * `station:<code>`: the station's own document, or a county directory entry in county_ref (no
 * stamp, a level). The quarantine accepts either; StationDoc is the station's own (stationSchema).
 */
export const stationEntrySchema = z.object({
  _id: z.string(),
  type: z.literal('station'),
  placeCode: placeCodeField,
  name: freeText(100).pipe(z.string().min(1)),
  demo: z.boolean().optional(),
  level: z.enum(['village', 'township']).optional(),
  /** County directory: the station's Ed25519 public key (SPKI DER, base64) its USB files are checked against. */
  signingKey: z.string().max(200).optional(),
});
/** The station's own `station:<code>` document, as the core writes it at setup. */
export const stationSchema = z.object({ ...base, type: z.literal('station'), name: stationEntrySchema.shape.name, demo: z.boolean() });

/** `batch:<place>:<time>:<rand>`: what one sync (or one file) carried to the county. */
export const batchSchema = z.object({
  ...base,
  type: z.literal('batch'),
  via: z.enum(['sync', 'file']),
  /** The display name of createdBy, for the county, which has no copy of the station's accounts. */
  createdByName: z.string().max(100).optional(),
  counts: z.record(z.string(), z.number()),
  docs: z.array(z.strictObject({ id: z.string(), rev: z.string() })),
  checksum: z.string(),
});

// ── Written by the county ───────────────────────────────────────────────────────────────────

/** `review:<batch id>`: the county's decision on a batch, written by county accounts only. */
export const reviewSchema = z.object({
  ...base,
  type: z.literal('review'),
  batchId: z.string().max(200),
  decision: z.enum(['accepted', 'returned', 'partial']),
  records: z.array(z.strictObject({ id: z.string().max(200), rev: z.string().max(100), decision: z.enum(['accepted', 'returned']), reason: freeText(200) })),
});

/** `unlock:<record id>:<time>`: the county lets the station change a record it had accepted. */
export const unlockSchema = z.object({ ...base, type: z.literal('unlock'), targetId: z.string().max(200), reason: freeText(200) });

/**
 * `resolution:<record id>:<time>:<place>`: what a station learns of a conflict the county resolved.
 * It names the revisions the county wrote into the station's database (the merged revision where
 * the station's record was kept, the deletion where it was not), never the other stations'
 * content: that stays in the county's full record, `resolution:<record id>:<time>` (in the
 * aggregate only; its type is ResolutionDoc of src-main/core/county).
 */
export const resolutionSchema = z.object({
  ...base,
  type: z.literal('resolution'),
  targetId: z.string().max(200),
  resolutionId: z.string().max(300),
  reason: freeText(200),
  kept: z.boolean(),
  revs: z.array(z.string().max(100)),
  /** The station's own record as the county saw it (its own data: nothing of the other stations). */
  label: freeText(200).optional(),
});

/** `heartbeat:<place>`: a station's last successful sync, written straight to the server. */
/** `signingKey`: the station's public key, for the county to publish when it made no pair itself (county/README.md). */
const worklistCounts = { due: z.number().int().min(0), overdue: z.number().int().min(0) };
/** `worklist`: the station's due and overdue rows of its work list on `asOf` (a township's villages' from its relay copies). */
export const heartbeatSchema = z.object({
  ...base,
  type: z.literal('heartbeat'),
  lastSyncAt: isoTime,
  signingKey: z.string().max(200).optional(),
  worklist: z.strictObject({ ...worklistCounts, asOf: isoDay, villages: z.record(placeCodeField, z.strictObject(worklistCounts)).optional() }).optional(),
});

// ── Employment status (issue 16) ─────────────────────────────────────────────────────────────

/**
 * `employment:<place>:<resident key>:<effective date>:<random>`: one dated status entry of a
 * resident, append-only (a correction is a new entry naming the one it corrects). No countyLock:
 * an entry is never rewritten, so there is nothing for the county to lock.
 */
export const employmentSchema = z.object({
  ...base,
  type: z.literal('employment'),
  residentId: residentIdSchema,
  status: z.enum(EMPLOYMENT_STATUSES),
  area: z.enum(MIGRANT_AREAS).nullable(),
  destination: freeText(100),
  employer: z.strictObject({ name: freeText(100), creditCode: z.string().max(18) }).nullable(),
  effectiveDate: isoDay,
  endDate: isoDay.nullable(),
  note: freeText(200),
  recordedBy: login,
  /** The display name of recordedBy when written (the county has no copy of the accounts). */
  recordedByName: z.string().max(100),
  source: z.strictObject({ kind: z.enum(EMPLOYMENT_SOURCES), id: z.string().max(200) }).nullable(),
  corrects: z.string().max(200).nullable(),
  correctionReason: freeText(200),
});
// ── Service records (append-only: a result or a correction is a new entry) ──────────────────

const serviceEntryBase = { ...base, type: z.literal('service'), residentId: residentIdSchema, date: isoDay, corrects: z.string().max(200).optional() };
/**
 * `service:<place>:<resident key>:<time>:<random>`: one contact with a resident (entry `service`),
 * or the result of a referral (entry `result`, `refersTo` the referral). Never rewritten: a
 * correction is a new entry whose `corrects` names the one it replaces. No countyLock: nothing
 * changes an entry, the county's acceptance included.
 */
export const serviceSchema = z.discriminatedUnion('entry', [
  z.object({
    ...serviceEntryBase,
    entry: z.literal('service'),
    channel: z.enum(SERVICE_CHANNELS),
    kind: z.enum(SERVICE_KINDS),
    content: text,
    outcome: text,
    referral: z.object({ employerName: text, employerCreditCode: text, job: text, pay: text }).optional(),
  }),
  z.object({ ...serviceEntryBase, entry: z.literal('result'), refersTo: z.string().max(200), result: z.enum(REFERRAL_RESULTS), note: text }),
]);

// ── The work list's marks (append-only: a later mark on the same key replaces an earlier one) ──

/**
 * `worklistMark:<place>:<time>:<random>`: a clerk snoozed a row of the work list until a day,
 * marked it not applicable, or reopened it (undoing the mark before). Never rewritten; the latest
 * mark per key decides (shared/worklist/rules.ts standingMark). Not reviewed by the county.
 */
export const worklistMarkSchema = z.object({
  ...base,
  type: z.literal('worklistMark'),
  /** The row's key (rule, subject, cycle). */
  key: z.string().min(1).max(300),
  rule: z.enum(WORKLIST_RULES),
  kind: z.enum(WORKLIST_MARKS),
  until: isoDay.nullable(),
  reason: freeText(200),
  residentId: residentIdSchema.nullable(),
  /** The display name of createdBy when written (the county has no copy of the accounts). */
  byName: z.string().max(100),
});
