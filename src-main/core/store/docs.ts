// Document types of the station database. Every synced document carries its type, schema
// version, the place it belongs to, and who wrote it when; ids are typed and prefixed. The types
// and prefixes live in the one document registry (shared/documents): the types are inferred from
// the schemas of stored documents. Only the `_local` documents are declared here: no schema
// checks them (they never replicate, only this core writes them), so they stay interfaces.
import type { Role } from '../../../shared/rpc/handlers';

export { ID_PREFIX, SCHEMA_VERSION } from '../../../shared/documents';
export type {
  AssignmentDoc,
  AttendanceDoc,
  AuditAction,
  AuditDoc,
  BatchDoc,
  CourseDoc,
  DocBase,
  EnrolmentDoc,
  MonthCloseDoc,
  PolicyDoc,
  PostDoc,
  ResidentDoc,
  ResolutionNoticeDoc,
  ReviewDoc,
  SignInDoc,
  SignMark,
  Stamp,
  StationDoc,
  TrainingDoc,
  UnlockDoc,
} from '../../../shared/documents';

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
