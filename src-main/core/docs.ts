// Document types of the station database. Every synced document carries its type, schema
// version, the place it belongs to, and who wrote it when; ids are typed and prefixed.
import type { Sex } from '../../shared/id/idNumber';
import type { RetirementRuleSet } from '../../shared/policy/retirement';
import type { Role } from '../../shared/rpc/handlers';
import type { RegistrationClosure } from '../../shared/rpc/handlers';
import type {
  CareCategory,
  EducationLevel,
  HouseholdType,
  Registration,
  TargetGroup,
} from '../../shared/resident/schema';

export const SCHEMA_VERSION = 1;

export const ID_PREFIX = {
  resident: 'resident:',
  audit: 'audit:',
  retirementPolicy: 'policy:retirement:',
  station: 'station:',
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

export interface AuditDoc extends DocBase {
  type: 'audit';
  action: 'reveal';
  targetId: string;
  field: string;
}

export interface RetirementPolicyDoc extends DocBase, RetirementRuleSet {
  type: 'policyRetirement';
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
}

export interface UsersDoc {
  _id: '_local/users';
  _rev?: string;
  users: Record<string, LocalUser>;
}
