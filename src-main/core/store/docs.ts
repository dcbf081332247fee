// Document types of the station database. Every synced document carries its type, schema
// version, the place it belongs to, and who wrote it when; ids are typed and prefixed.
import type { Sex } from '../../../shared/id/idNumber';
import type { PolicyKind, PolicyValuesByKind } from '../../../shared/policy/parameters';
import type { AttendanceMark, PostCategory, PostKind } from '../../../shared/posts/schema';
import type {
  AttendanceRevision,
  MonthCloseHistoryEntry,
  MonthSummary,
  PostOverride,
  RegistrationClosure,
  Role,
} from '../../../shared/rpc/handlers';
import type { AuditActionName } from '../../../shared/access/contract';
import type { HalfDay, SignInMethod, TimetableSlot, TrainingLevel } from '../../../shared/training/schema';
import type {
  CareCategory,
  EducationLevel,
  HouseholdType,
  Registration,
  TargetGroup,
} from '../../../shared/residents/schema';

export const SCHEMA_VERSION = 1;

export const ID_PREFIX = {
  resident: 'resident:',
  audit: 'audit:',
  policy: 'policy:',
  station: 'station:',
  post: 'post:',
  assignment: 'assignment:',
  attendance: 'attendance:',
  monthClose: 'monthClose:',
  training: 'training:',
  enrolment: 'enrolment:',
  signIn: 'signIn:',
  batch: 'batch:',
  review: 'review:',
  unlock: 'unlock:',
  course: 'course:',
} as const;

export interface DocBase {
  _id: string;
  _rev?: string;
  type: string;
  schemaVersion: number;
  placeCode: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

/** The fields every synced document carries besides its id and type. */
export type Stamp = Omit<DocBase, '_id' | '_rev' | 'type'>;

export interface ResidentDoc extends DocBase {
  type: 'resident';
  idNumber: string;
  name: string;
  sex: Sex;
  birthDate: string;
  phone: string;
  householdType: HouseholdType;
  address: string;
  education: EducationLevel;
  skills: string;
  employmentCertificateNo: string;
  targetGroups: TargetGroup[];
  careCategories: CareCategory[];
  registration: Registration;
  closure: RegistrationClosure | null;
}

/**
 * reveal: a full ID number or phone was shown; print: a form was filled for printing (field names
 * the form); export/import: a spreadsheet left or entered the station (field: what, reason: e.g.
 * full or masked); unlock: the county let a station change an accepted record; account: an
 * admin created, changed, unlocked or reset an account, or a user changed their password (field
 * says which; targetId `user:<login name>`).
 */
export type AuditAction = AuditActionName;

export interface AuditDoc extends DocBase {
  type: 'audit';
  action: AuditAction;
  targetId: string;
  field: string;
  reason?: string;
}

/** A dated reference value: `policy:<kind>:<effectiveFrom>` (minimum wage: `policy:minimumWage:<county>:<date>`). */
export interface PolicyDoc<K extends PolicyKind = PolicyKind> extends DocBase {
  type: 'policy';
  kind: K;
  effectiveFrom: string;
  isDefault: boolean;
  values: PolicyValuesByKind[K];
}

/** `post:<code>`; placeCode is the post's own place. */
export interface PostDoc extends DocBase {
  type: 'post';
  code: string;
  name: string;
  kind: PostKind;
  category: PostCategory;
  employer: { name: string; creditCode: string };
  plannedHoursPerMonth: number;
  payPerMonthFen: number;
  startDate: string;
  endDate: string;
}

/** `assignment:<post code>:<resident key>:<start date>`: one person on one post for a period. */
export interface AssignmentDoc extends DocBase {
  type: 'assignment';
  postId: string;
  residentId: string;
  startDate: string;
  endDate: string;
  contractNo: string;
  override: PostOverride | null;
}

/**
 * One day's mark of one holder: `attendance:<post code>:<YYYY-MM>:<resident key>:<DD>`, so a
 * second entry for the day is a new revision of the same document, never a twin, and a month
 * of one post is one key range. Earlier values stay in `history`.
 */
export interface AttendanceDoc extends DocBase {
  type: 'attendance';
  postId: string;
  residentId: string;
  date: string;
  mark: AttendanceMark;
  hours: number;
  history: AttendanceRevision[];
}

/** `monthClose:<post code>:<YYYY-MM>`: the month's totals as closed, and who closed or reopened it. */
export interface MonthCloseDoc extends DocBase {
  type: 'monthClose';
  postId: string;
  month: string;
  status: 'closed' | 'reopened';
  summary: MonthSummary;
  history: MonthCloseHistoryEntry[];
}

/** `training:<key>`. */
export interface TrainingDoc extends DocBase {
  type: 'training';
  course: { occupation: string; level: TrainingLevel };
  provider: { name: string; creditCode: string };
  teachers: string[];
  place: string;
  startDate: string;
  endDate: string;
  timetable: TimetableSlot[];
  plannedTrainees: number;
}

/** `course:<code>`: a course of the county's catalogue, written at the county station, read everywhere from county_ref. */
export interface CourseDoc extends DocBase {
  type: 'course';
  code: string;
  occupation: string;
  level: TrainingLevel;
  /** The course's standard class hours. */
  classHours: number;
}

/** `enrolment:<session key>:<resident key>`. */
export interface EnrolmentDoc extends DocBase {
  type: 'enrolment';
  sessionId: string;
  residentId: string;
}

export interface SignMark {
  at: string;
  method: SignInMethod;
  by: string;
  machine: string;
}

/** `signIn:<session key>:<date>:<half>:<resident key>`: one person, one half-day, one document. */
export interface SignInDoc extends DocBase {
  type: 'signIn';
  sessionId: string;
  residentId: string;
  date: string;
  half: HalfDay;
  in: SignMark | null;
  out: SignMark | null;
}

export interface StationDoc extends DocBase {
  type: 'station';
  name: string;
  demo: boolean;
}

/** Local-only documents (`_local/…`) never replicate: station secrets and password hashes. */
export interface StationConfig {
  _id: '_local/station';
  _rev?: string;
  placeCode: string;
  name: string;
  demo: boolean;
  /** Key of the resident identity hash; provisional until the county hands out its key. */
  identityKey: string;
  createdAt: string;
}

export interface LocalUser {
  loginName: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  createdAt: string;
  disabled?: boolean;
  /** Raised by a role change, disabling or a new password: sessions logged in under an earlier epoch end. */
  epoch?: number;
}

/** Failed logins of one account name (existing or not, so the answer never tells which). */
export interface LoginFailures {
  count: number;
  lastAt: string;
  /** Locked until this instant (ISO), or null. */
  lockedUntil: string | null;
}

export interface UsersDoc {
  _id: '_local/users';
  _rev?: string;
  users: Record<string, LocalUser>;
  failures?: Record<string, LoginFailures>;
  idleLockMinutes?: number;
}

/** `batch:<place>:<time>:<rand>`: what one sync (or one file) carried to the county. */
export interface BatchDoc extends DocBase {
  type: 'batch';
  via: 'sync' | 'file';
  counts: Record<string, number>;
  docs: { id: string; rev: string }[];
  checksum: string;
}

/** `review:<batch id>`: the county's decision on a batch, written by county accounts only. */
export interface ReviewDoc extends DocBase {
  type: 'review';
  batchId: string;
  decision: 'accepted' | 'returned' | 'partial';
  records: { id: string; rev: string; decision: 'accepted' | 'returned'; reason: string }[];
}

/**
 * `resolution:<record id>:<time>:<place>`: what a station learns of a conflict the county resolved.
 * It names the revisions the county wrote into the station's database (the merged revision where
 * the station's record was kept, the deletion where it was not), never the other stations'
 * content: that stays in the county's full record, `resolution:<record id>:<time>`.
 */
export interface ResolutionNoticeDoc extends DocBase {
  type: 'resolution';
  targetId: string;
  resolutionId: string;
  reason: string;
  kept: boolean;
  revs: string[];
  /** The station's own record as the county saw it (its own data: nothing of the other stations). */
  label?: string;
}

/** `unlock:<record id>:<time>`: the county lets the station change a record it had accepted. */
export interface UnlockDoc extends DocBase {
  type: 'unlock';
  targetId: string;
  reason: string;
}
