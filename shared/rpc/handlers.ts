// The one contract between UI and core: handler name → argument schema (validated by the core,
// the renderer is untrusted) → result type, plus who may call it. The client's `call` is typed
// from this map; both carriers carry exactly these names.

import { z } from 'zod';
import type { Sex } from '../id/idNumber';
import type { FieldIssue } from './errors';
import { ALL_ROLES, COUNTY_STAFF, WRITERS, handler, none, residentId, type Role } from './define';
import { printHandlers } from '../print/contract';
import { sheetHandlers } from '../sheets/contract';
import { statsHandlers } from '../stats/contract';
import { backupHandlers } from '../backup/contract';
import { diagnosticsHandlers } from '../diagnostics/contract';
import { accessHandlers } from '../access/contract';
import {
  CARE_CATEGORIES,
  CLOSE_REASONS,
  REGISTRATION_KINDS,
  REGISTRATION_STATUSES,
  TARGET_GROUPS,
  freeText,
  requiredText,
  isoDay,
  residentRegisterSchema,
  residentUpdateSchema,
  type CareCategory,
  type CloseReason,
  type EducationLevel,
  type FamilyMember,
  type HouseholdType,
  type Registration,
  type RegistrationKind,
  type RegistrationStatus,
  type TargetGroup,
} from '../residents/schema';
import {
  minimumWageSchema,
  postsPolicySchema,
  retirementPolicySchema,
  trainingPolicySchema,
  type PolicyKind,
  type PolicyValuesByKind,
} from '../policy/parameters';
import {
  assignSchema,
  attendanceSetSchema,
  month,
  postId,
  postSaveSchema,
  reopenSchema,
  residentIdField,
  type AttendanceMark,
  type PostCategory,
  type PostKind,
} from '../posts/schema';
import {
  HALF_DAYS,
  courseSaveSchema,
  enrolSchema,
  sessionId,
  sessionSaveSchema,
  signInSchema,
  type SignDirection,
  type SignInMethod,
  type TimetableSlot,
  type TrainingLevel,
} from '../training/schema';

export { ALL_ROLES, ROLES, type Role } from './define';

const loginName = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .max(32, { error: 'errors.tooLong' })
  .regex(/^[\p{Script=Han}A-Za-z0-9_.-]+$/u, { error: 'errors.loginName' });
const password = z
  .string({ error: 'errors.required' })
  .min(8, { error: 'errors.password.tooShort' })
  .max(128, { error: 'errors.tooLong' });
/** A station's place: a county (6 digits), a township (9) or a village (12). */
export const placeCode = z.string({ error: 'errors.required' }).regex(/^\d{6}(\d{3}){0,2}$/, { error: 'errors.placeCode' });
export type StationLevel = 'village' | 'township' | 'county';

export interface StationInfo {
  placeCode: string;
  /** A village station registers and records; a township also sees its villages; a county station reviews. */
  level: StationLevel;
  /** Province → village names, for headings and printed forms. */
  placePath: string[];
  name: string;
  demo: boolean;
}

export interface SessionUser {
  loginName: string;
  displayName: string;
  role: Role;
}

export interface StationStatus {
  setUp: boolean;
  station: StationInfo | null;
  user: SessionUser | null;
  /** The demo station's login, shown on the login screen of a demo station only. */
  demoLogin: { loginName: string; password: string } | null;
  /** The logged-in session was idle too long: the screen stays locked until `auth.unlock`. */
  locked: boolean;
  /** Minutes without input before the screen locks (the station's setting). */
  idleLockMinutes: number;
}

export interface PlaceOption {
  code: string;
  name: string;
  /** True for villages (12-digit codes), which have no children. */
  leaf: boolean;
}

/** A residents list row: sensitive numbers masked. */
export interface ResidentRow {
  id: string;
  name: string;
  sex: Sex;
  age: number;
  birthDate: string;
  idNumberMasked: string;
  phoneMasked: string;
  householdType: HouseholdType;
  targetGroups: TargetGroup[];
  careCategories: CareCategory[];
  kind: RegistrationKind;
  status: RegistrationStatus;
  registeredOn: string;
  updatedAt: string;
}

export interface RegistrationClosure {
  reason: CloseReason;
  date: string;
  note: string;
  by: string;
}

/** One resident as the form shows it: everything but the full ID number and phone. */
export interface ResidentView extends ResidentRow {
  rev: string;
  placeCode: string;
  address: string;
  education: EducationLevel;
  skills: string;
  employmentCertificateNo: string;
  registration: Registration;
  closure: RegistrationClosure | null;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
}

export type { FamilyMember };

export const SORT_FIELDS = ['name', 'registeredOn', 'age', 'updatedAt'] as const;
export type ResidentSortField = (typeof SORT_FIELDS)[number];

export const residentSearchSchema = z.strictObject({
  /** Name, pinyin (full or initials) or 4+ characters of the ID number. */
  query: z.string().max(40, { error: 'errors.tooLong' }).default(''),
  targetGroup: z.enum(TARGET_GROUPS, { error: 'errors.option' }).optional(),
  careCategory: z.enum(CARE_CATEGORIES, { error: 'errors.option' }).optional(),
  kind: z.enum(REGISTRATION_KINDS, { error: 'errors.option' }).optional(),
  status: z.enum(REGISTRATION_STATUSES, { error: 'errors.option' }).optional(),
  sort: z.enum(SORT_FIELDS, { error: 'errors.option' }).default('updatedAt'),
  order: z.enum(['asc', 'desc'], { error: 'errors.option' }).default('desc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

// ── Policy parameters ─────────────────────────────────────────────────────────────────────

export interface PolicyEntryView<K extends PolicyKind = PolicyKind> {
  id: string;
  rev: string;
  kind: K;
  effectiveFrom: string;
  /** A shipped default the county has not confirmed yet. */
  isDefault: boolean;
  values: PolicyValuesByKind[K];
  updatedBy: string;
  updatedAt: string;
}

export const policySaveSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('minimumWage'), effectiveFrom: isoDay, rev: z.string().max(100).optional(), values: minimumWageSchema }),
    z.strictObject({ kind: z.literal('retirement'), effectiveFrom: isoDay, rev: z.string().max(100).optional(), values: retirementPolicySchema }),
    z.strictObject({ kind: z.literal('posts'), effectiveFrom: isoDay, rev: z.string().max(100).optional(), values: postsPolicySchema }),
    z.strictObject({ kind: z.literal('training'), effectiveFrom: isoDay, rev: z.string().max(100).optional(), values: trainingPolicySchema }),
  ],
  { error: 'errors.option' },
);

// ── Public-welfare posts and attendance ────────────────────────────────────────────────────

export interface PostView {
  id: string;
  rev: string;
  code: string;
  name: string;
  kind: PostKind;
  category: PostCategory;
  placeCode: string;
  placeName: string;
  employer: { name: string; creditCode: string };
  plannedHoursPerMonth: number;
  /** Yuan. */
  payPerMonth: number;
  startDate: string;
  endDate: string;
  /** Holders whose assignment covers today. */
  currentHolders: number;
  updatedAt: string;
}

export interface PostOverride {
  reason: string;
  by: string;
  at: string;
  /** The rules decided against (i18n keys of the refusals). */
  rules: string[];
}

export interface AssignmentView {
  id: string;
  postId: string;
  residentId: string;
  name: string;
  sex: Sex;
  age: number;
  idNumberMasked: string;
  startDate: string;
  endDate: string;
  contractNo: string;
  override: PostOverride | null;
}

export interface AttendanceCell {
  mark: AttendanceMark;
  hours: number;
  updatedBy: string;
  updatedAt: string;
  /** Earlier values of this day, oldest first. */
  corrections: number;
}

export interface GridDay {
  date: string;
  day: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  weekend: boolean;
  future: boolean;
}

export interface MonthTotals {
  residentId: string;
  name: string;
  presentDays: number;
  personalLeaveDays: number;
  sickLeaveDays: number;
  absentDays: number;
  restDays: number;
  unmarkedDays: number;
  hours: number;
  /** Yuan. */
  payDue: number;
  /** Yuan per hour; null when no hour was worked. */
  hourlyPay: number | null;
  belowMinimum: boolean;
}

export interface MinimumWageInForce {
  countyCode: string;
  tier: string;
  monthly: number;
  hourly: number;
  effectiveFrom: string;
  isDefault: boolean;
}

export interface MonthSummary {
  postId: string;
  month: string;
  minimumWage: MinimumWageInForce | null;
  holders: MonthTotals[];
}

export interface MonthCloseHistoryEntry {
  action: 'close' | 'reopen';
  by: string;
  at: string;
  reason: string;
}

export interface MonthCloseView extends MonthSummary {
  status: 'closed' | 'reopened';
  closedBy: string;
  closedAt: string;
  history: MonthCloseHistoryEntry[];
}

export interface AttendanceGridView {
  post: PostView;
  month: string;
  days: GridDay[];
  holders: { residentId: string; name: string; assignmentId: string; from: string; to: string }[];
  /** residentId → date → cell. */
  cells: Record<string, Record<string, AttendanceCell>>;
  close: MonthCloseView | null;
  locked: boolean;
}

export interface AttendanceRevision {
  mark: AttendanceMark;
  hours: number;
  by: string;
  at: string;
}

// ── Training ─────────────────────────────────────────────────────────────────────────────

export interface CourseView {
  id: string;
  rev: string;
  code: string;
  occupation: string;
  level: TrainingLevel;
  classHours: number;
  updatedBy: string;
  updatedAt: string;
}

export interface SessionView {
  id: string;
  rev: string;
  course: { occupation: string; level: TrainingLevel };
  provider: { name: string; creditCode: string };
  teachers: string[];
  place: string;
  startDate: string;
  endDate: string;
  timetable: TimetableSlot[];
  plannedTrainees: number;
  enrolled: number;
  totalClassHours: number;
  updatedAt: string;
}

export interface TraineeView {
  residentId: string;
  name: string;
  sex: Sex;
  idNumberMasked: string;
  enrolledAt: string;
}

export interface SignInResult {
  residentId: string;
  name: string;
  idNumberMasked: string;
  direction: SignDirection;
  at: string;
  /** Minutes after the slot's start (sign-in) or before its end (sign-out); 0 when on time. */
  lateMinutes: number;
  earlyLeaveMinutes: number;
  /** True when this half-day already had this sign-in: nothing was written. */
  already: boolean;
}

export interface SignInRecordView {
  residentId: string;
  name: string;
  idNumberMasked: string;
  in: { at: string; method: SignInMethod; by: string; machine: string } | null;
  out: { at: string; method: SignInMethod; by: string; machine: string } | null;
  lateMinutes: number;
  earlyLeaveMinutes: number;
}

export interface TraineeAttendance {
  residentId: string;
  name: string;
  idNumberMasked: string;
  slotsAttended: number;
  attendedHours: number;
  /** attendedHours ÷ the session's class hours. */
  rate: number;
  eligible: boolean;
  lateCount: number;
  earlyLeaveCount: number;
}

export interface SessionAttendanceView {
  sessionId: string;
  totalClassHours: number;
  threshold: number;
  thresholdIsDefault: boolean;
  trainees: TraineeAttendance[];
  /** Mean of the trainees' rates. */
  sessionRate: number;
  eligibleCount: number;
}

// ── Sync with the county ─────────────────────────────────────────────────────────────────

export interface SyncFailure {
  reason: 'offline' | 'unreachable' | 'credentials' | 'refused' | 'other';
  messageKey: string;
  /** Documents the county's validation refused, with its reason. */
  refused: { id: string; reason: string }[];
}

export interface SyncStatus {
  connected: boolean;
  /** Where the station syncs to; never the password. */
  server: { url: string; username: string; placeCode: string } | null;
  state: 'never' | 'idle' | 'syncing' | 'failed';
  lastSuccessAt: string | null;
  lastAttemptAt: string | null;
  /** Documents changed here since the last successful push. */
  waiting: number;
  progress: { pushed: number; pulled: number } | null;
  failure: SyncFailure | null;
  /** When live sync tries next (after a change, on its interval, or backing off after a failure). */
  nextAttemptAt: string | null;
}

export interface BatchView {
  id: string;
  createdAt: string;
  createdBy: string;
  via: 'sync' | 'file';
  counts: Record<string, number>;
  documents: number;
  checksum: string;
  /** pending: not yet delivered; delivered: on the county server; then the county's decision. */
  status: 'pending' | 'delivered' | 'accepted' | 'returned' | 'partial';
  returned: { id: string; rev: string; reason: string }[];
}

/** A document pulled from the county that failed its schema: kept aside, never used as valid. */
export interface QuarantineView {
  id: string;
  rev: string;
  /** The server database it came from (`station_<place>`, `county_ref`). */
  source: string;
  /** The first field at fault and its message key (errors.*). */
  field: string;
  messageKey: string;
  at: string;
}

/** A conflict the county resolved that involved this station's record. */
export interface ResolutionView {
  id: string;
  targetId: string;
  /** The station's own record as the county saw it (name and masked ID number for a person). */
  label: string;
  /** true: this station's record was kept (possibly merged); false: it was deleted for another's. */
  kept: boolean;
  reason: string;
  createdAt: string;
  createdBy: string;
}

export const syncConnectSchema = z.union(
  [
    z.strictObject({ setupCode: z.string().trim().min(1, { error: 'errors.required' }).max(2000, { error: 'errors.tooLong' }) }),
    z.strictObject({
      url: z.string().trim().regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, { error: 'errors.sync.url' }).max(500),
      username: z.string().trim().min(1, { error: 'errors.required' }).max(100),
      password: z.string().min(1, { error: 'errors.required' }).max(200),
    }),
  ],
  { error: 'errors.sync.setupCode' },
);

// ── County review (a county station, online with a county staff account) ──────────────────

/** A station in the county's directory and when it last synced. */
export interface CountyStationView {
  placeCode: string;
  name: string;
  level: 'village' | 'township';
  /** The station's last sync that reached the county (its heartbeat), or null if never. */
  lastSyncAt: string | null;
  /** Whole days since lastSyncAt; null if never. */
  daysSinceSync: number | null;
  /** Not synced for at least the asked number of days (or never). */
  stale: boolean;
  /** Batches of this station without a county decision. */
  batchesWaiting: number;
}

export type CountyBatchStatus = 'new' | 'accepted' | 'returned' | 'partial';

export interface CountyBatchView {
  id: string;
  placeCode: string;
  stationName: string;
  createdAt: string;
  createdBy: string;
  via: 'sync' | 'file';
  counts: Record<string, number>;
  documents: number;
  status: CountyBatchStatus;
  /** When the county decided, and who. */
  reviewedAt: string | null;
  reviewedBy: string | null;
}

/** One record of a batch as the county sees it. */
export interface CountyRecordView {
  id: string;
  /** The revision the batch carried. */
  rev: string;
  type: string;
  /** What a person recognises: a resident's name and masked ID number, a post's name, a day… */
  label: string;
  /** new: first revision; updated: a later revision of a record the county had. */
  change: 'new' | 'updated';
  /** The revision the county holds now; differs from rev when the station changed it since. */
  currentRev: string | null;
  /** County rules the record fails (message keys translated by the UI, with the field). */
  problems: FieldIssue[];
  /** This record's earlier decision in this batch's review, if any. */
  decision: 'accepted' | 'returned' | null;
  reason: string;
}

export interface CountyBatchDetail {
  batch: CountyBatchView;
  records: CountyRecordView[];
  /** The manifest's checksum recomputed over its id/revision list. */
  checksumOk: boolean;
  /** Records the manifest names that have not reached the county (yet). */
  missing: string[];
}

/** One revision of a conflicted record, field by field (sensitive values masked). */
export interface ConflictRevisionView {
  rev: string;
  placeCode: string;
  stationName: string;
  updatedAt: string;
  updatedBy: string;
  /** CouchDB's current winner: what lists show until a person decides. */
  winner: boolean;
  fields: Record<string, string>;
}

export interface CountyConflictView {
  id: string;
  type: string;
  label: string;
  revisions: ConflictRevisionView[];
  /** Field names whose values differ between the revisions. */
  differing: string[];
}

const countyPlace = z.string().regex(/^\d{9}(\d{3})?$/, { error: 'errors.placeCode' });
const batchId = z.string().regex(/^batch:\d{9,12}:[0-9TZ:.-]+:[a-z2-7]{6}$/, { error: 'errors.id' });
const docId = z.string().min(3).max(200).regex(/^[a-zA-Z]+:[^\s]+$/, { error: 'errors.id' });
const docRev = z.string().regex(/^\d+-[0-9a-f]{1,64}$/, { error: 'errors.id' });

export const countyReviewSchema = z
  .strictObject({
    batchId,
    records: z
      .array(
        z.strictObject({
          id: docId,
          rev: docRev,
          decision: z.enum(['accepted', 'returned'], { error: 'errors.option' }),
          reason: freeText(200).default(''),
        }),
      )
      .min(1, { error: 'errors.required' })
      .max(50_000),
  })
  .superRefine((value, ctx) => {
    value.records.forEach((r, i) => {
      if (r.decision === 'returned' && r.reason.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['records', i, 'reason'], message: 'errors.county.reasonRequired' });
      }
    });
  });

export const countyResolveSchema = z.strictObject({
  id: docId,
  /** The revision whose values are kept (and which stays the record's branch). */
  keepRev: docRev,
  /** Merge: for a field, take the value of another revision instead. */
  fields: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,63}$/), docRev).default({}),
  reason: requiredText(200),
});

// ── USB transfer (no network) ────────────────────────────────────────────────────────────

/** A file passed between the renderer and the core: the core never hands out paths. */
const transferFile = z.strictObject({
  fileName: z.string().trim().min(1, { error: 'errors.required' }).max(200),
  /** base64 of the file's bytes. */
  content: z.string().min(1, { error: 'errors.transfer.empty' }).max(200_000_000, { error: 'errors.transfer.tooLarge' }),
});

export interface TransferFileView {
  fileName: string;
  content: string;
}

export type TransferImportResult =
  | {
      kind: 'batch';
      batchId: string;
      placeCode: string;
      stationName: string;
      documents: number;
      /** Documents this machine did not have before (0 on a second import). */
      imported: number;
      /** The receipt to carry back to the station. */
      receipt: TransferFileView;
    }
  | { kind: 'receipt'; batchId: string; receivedAt: string; receivedBy: string; alreadyHad: boolean };

const postIdArg = z.strictObject({ postId });
const monthArgs = z.strictObject({ postId, month });
const sessionArg = z.strictObject({ sessionId });
const POLICY_EDITORS: readonly Role[] = ['county', 'admin'];

export const handlers = {
  'app.ping': handler<{ version: string; now: string }>()(none, 'public'),
  'station.status': handler<StationStatus>()(none, 'public'),
  'station.setup': handler<StationStatus>()(
    z.strictObject({
      placeCode,
      clerk: z.strictObject({
        loginName,
        displayName: z.string().trim().min(1, { error: 'errors.required' }).max(30, { error: 'errors.tooLong' }),
        password,
      }),
    }),
    'public',
  ),
  /** Sets up a demo station with fake residents, for trying the app. */
  'station.setupDemo': handler<StationStatus>()(z.strictObject({ residents: z.number().int().min(0).max(2000).default(60) }), 'public'),
  'places.children': handler<PlaceOption[]>()(
    z.strictObject({ code: z.string().regex(/^(37|37\d{2}|37\d{4}|37\d{7})$/, { error: 'errors.placeCode' }) }),
    'public',
  ),
  'auth.login': handler<StationStatus>()(
    z.strictObject({ loginName, password: z.string().min(1, { error: 'errors.required' }).max(128) }),
    'public',
  ),
  'auth.logout': handler<StationStatus>()(none, 'public'),
  'residents.register': handler<ResidentView>()(residentRegisterSchema, ['clerk', 'township', 'admin']),
  'residents.update': handler<ResidentView>()(residentUpdateSchema, ['clerk', 'township', 'admin']),
  'residents.close': handler<ResidentView>()(
    z.strictObject({
      id: residentId,
      rev: z.string().min(1).max(100),
      reason: z.enum(CLOSE_REASONS, { error: 'errors.option' }),
      date: isoDay,
      note: freeText(200).default(''),
    }),
    ['clerk', 'township', 'admin'],
  ),
  'residents.get': handler<ResidentView | null>()(z.strictObject({ id: residentId }), ALL_ROLES),
  /** Reveals one sensitive number of one resident; audit-logged. */
  'residents.reveal': handler<{ value: string }>()(
    z.strictObject({ id: residentId, field: z.enum(['idNumber', 'phone'], { error: 'errors.option' }) }),
    ALL_ROLES,
  ),
  'residents.search': handler<{ total: number; items: ResidentRow[]; tookMs: number }>()(residentSearchSchema, ALL_ROLES),

  'policy.list': handler<PolicyEntryView[]>()(none, ALL_ROLES),
  /** Creates the entry for a date, or replaces it (with its revision); the county confirms defaults this way. */
  'policy.save': handler<PolicyEntryView>()(policySaveSchema, POLICY_EDITORS),

  'posts.list': handler<PostView[]>()(none, ALL_ROLES),
  'posts.get': handler<{ post: PostView; holders: AssignmentView[] } | null>()(postIdArg, ALL_ROLES),
  'posts.save': handler<PostView>()(postSaveSchema, WRITERS),
  /** Refused with NOT_ELIGIBLE (one issue per failed rule) unless a county/admin override gives a reason. */
  'posts.assign': handler<AssignmentView>()(assignSchema, [...WRITERS, 'county']),
  'attendance.month': handler<AttendanceGridView>()(monthArgs, ALL_ROLES),
  'attendance.set': handler<{ cells: { residentId: string; date: string; cell: AttendanceCell }[] }>()(attendanceSetSchema, WRITERS),
  'attendance.history': handler<AttendanceRevision[]>()(z.strictObject({ postId, residentId: residentIdField, date: isoDay }), ALL_ROLES),
  'attendance.summary': handler<MonthSummary>()(monthArgs, ALL_ROLES),
  'attendance.closeMonth': handler<MonthCloseView>()(monthArgs, WRITERS),
  'attendance.reopenMonth': handler<MonthCloseView>()(reopenSchema, WRITERS),

  'training.list': handler<SessionView[]>()(none, ALL_ROLES),
  /** The county's course catalogue (county_ref), and the county station's own while it edits it. */
  'courses.list': handler<CourseView[]>()(none, ALL_ROLES),
  'courses.save': handler<CourseView>()(courseSaveSchema, POLICY_EDITORS),
  'training.get': handler<{ session: SessionView; trainees: TraineeView[] } | null>()(sessionArg, ALL_ROLES),
  'training.save': handler<SessionView>()(sessionSaveSchema, WRITERS),
  'training.enrol': handler<TraineeView>()(enrolSchema, WRITERS),
  'training.signIn': handler<SignInResult>()(signInSchema, WRITERS),
  'training.signIns': handler<SignInRecordView[]>()(z.strictObject({ sessionId, date: isoDay, half: z.enum(HALF_DAYS, { error: 'errors.option' }) }), ALL_ROLES),
  'training.attendance': handler<SessionAttendanceView>()(sessionArg, ALL_ROLES),

  'sync.status': handler<SyncStatus>()(none, ALL_ROLES),
  /** Keeps the county account (setup code, or URL and account) after checking it on the server. */
  'sync.connect': handler<SyncStatus>()(syncConnectSchema, ['admin', 'county']),
  /** One push of the station's documents and one pull of what the county wrote for it. */
  'sync.now': handler<SyncStatus>()(none, ALL_ROLES),
  'sync.batches': handler<BatchView[]>()(none, ALL_ROLES),
  /** Conflicts the county resolved that involved this station's records, newest first. */
  'sync.resolutions': handler<ResolutionView[]>()(none, ALL_ROLES),
  /** Documents pulled from the county that failed their schema, kept aside (newest first). */
  'sync.quarantine': handler<QuarantineView[]>()(none, ALL_ROLES),

  /** The county's stations and when each last synced; `staleDays` marks the silent ones. */
  'county.stations': handler<CountyStationView[]>()(z.strictObject({ staleDays: z.number().int().min(1).max(365).default(7) }), COUNTY_STAFF),
  'county.batches': handler<CountyBatchView[]>()(
    z.strictObject({ placeCode: countyPlace.optional(), status: z.enum(['new', 'accepted', 'returned', 'partial']).optional() }),
    COUNTY_STAFF,
  ),
  'county.batch': handler<CountyBatchDetail | null>()(z.strictObject({ batchId }), COUNTY_STAFF),
  /** Writes the county's decision (`review:<batch>`) into the station's database on the server. */
  'county.review': handler<CountyBatchView>()(countyReviewSchema, COUNTY_STAFF),
  /** Lets the station change a record the county accepted (`unlock:<record>:<time>`). */
  'county.unlock': handler<{ id: string }>()(z.strictObject({ placeCode: countyPlace, id: docId, reason: requiredText(200) }), COUNTY_STAFF),
  'county.conflicts': handler<CountyConflictView[]>()(none, COUNTY_STAFF),
  /** Keeps one revision (optionally with fields of others); the losing revisions are kept in a resolution record. */
  'county.resolve': handler<{ id: string; rev: string }>()(countyResolveSchema, COUNTY_STAFF),

  /** The waiting documents as one encrypted file for a USB stick (a batch with via 'file'). */
  'transfer.export': handler<TransferFileView & { batchId: string; documents: number }>()(none, WRITERS),
  /** A station's batch file (at a township or county machine) or a receipt (back at the station). */
  'transfer.import': handler<TransferImportResult>()(transferFile, [...WRITERS, 'county']),
  // Printed forms, spreadsheets and statistics keep their parts of the contract in their own files.
  ...printHandlers,
  ...sheetHandlers,
  ...statsHandlers,
  ...backupHandlers,
  ...diagnosticsHandlers,
  ...accessHandlers,
} as const;

export type Handlers = typeof handlers;
export type HandlerName = keyof Handlers;
export type ArgsOf<N extends HandlerName> = z.input<Handlers[N]['args']>;
export type ParsedArgsOf<N extends HandlerName> = z.output<Handlers[N]['args']>;
export type ResultOf<N extends HandlerName> = Exclude<Handlers[N]['result'], undefined>;

/** Change events the core pushes to every connected window. */
export interface PushEvents {
  'residents.changed': { ids: string[] };
  'station.changed': StationStatus;
  'sync.changed': SyncStatus;
}
export type PushName = keyof PushEvents;

/**
 * What a role may do that is not a handler of its own but a part of one: the core checks these
 * inside the handler (an override of a post's eligibility rules), the UI asks `mayCall` alike.
 */
export const permissions = {
  /** Assign a holder despite failed eligibility rules, with a reason (posts.assign's `override`). */
  'posts.override': COUNTY_STAFF,
  /** See the administrators' navigation (accounts, audit log). */
  'station.administer': ['admin'],
} as const satisfies Record<string, readonly Role[]>;
export type PermissionName = keyof typeof permissions;

/** Whether a role may call a handler or hold a permission, from the contract's own lists. */
export function mayCall(name: HandlerName | PermissionName, role: Role | null | undefined): boolean {
  const access: 'public' | readonly Role[] = name in permissions ? permissions[name as PermissionName] : handlers[name as HandlerName].access;
  if (access === 'public') return true;
  return role !== null && role !== undefined && access.includes(role);
}

export function isHandlerName(name: string): name is HandlerName {
  return Object.prototype.hasOwnProperty.call(handlers, name);
}

/** The client side of the bridge, implemented by both carriers. */
export interface LeyeBridge {
  call<N extends HandlerName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>>;
  subscribe<E extends PushName>(event: E, listener: (payload: PushEvents[E]) => void): () => void;
}
