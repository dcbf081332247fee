// The shapes of record labels (see labels.ts), apart: the contracts that carry labels import these
// without the registry (which would close an import cycle through the stored schemas).
import type { PolicyKind } from '../policy/parameters';
import type { AttendanceMark } from '../posts/schema';
import type { HalfDay, TrainingLevel } from '../training/schema';

/** A resident as labels name them: the name and the masked ID number. */
export interface PersonLabel {
  name: string;
  idNumber: string;
}

/** A training session as labels name it. */
export interface SessionLabel {
  occupation: string;
  level: TrainingLevel | null;
  from: string;
  to: string;
}

/** What an audit entry did, in parts the formatter translates (see auditLabel). */
export interface AuditLabel {
  /** An audit action (AUDIT_ACTIONS of ../access/contract). */
  action: string;
  /** The detail's key under `labels.audit.detail` and its parameters (counts, months, forms, …). */
  detail: string | null;
  params: Record<string, string | number>;
  /** Parameters that are themselves keys to translate (`{ form: 'labels.forms.registration' }`). */
  keys: Record<string, string>;
}

export interface RecordLabel {
  /** The document type (the registry's), or null for an id of no known type. */
  type: string | null;
  /** The resident: theirs, or the one the record is about; null where they could not be found. */
  person?: PersonLabel | null;
  /** The post's name (its code when the post is not known). */
  post?: string;
  session?: SessionLabel | null;
  /** A station's, a post's own or a course's name, and a post's or course's code. */
  name?: string;
  code?: string;
  level?: TrainingLevel;
  date?: string;
  from?: string;
  to?: string;
  month?: string;
  /** An instant (ISO), shown as a local time. */
  at?: string;
  half?: HalfDay;
  mark?: AttendanceMark;
  monthStatus?: 'closed' | 'reopened';
  decision?: 'accepted' | 'returned' | 'partial';
  policy?: PolicyKind;
  /** The record an audit entry or a county decision (unlock, resolution) is about. */
  about?: RecordLabel;
  audit?: AuditLabel;
  /** An employment status entry's status (shared/employment/schema EMPLOYMENT_STATUSES). */
  employmentStatus?: string;
  /** A service record's kind, or the result it records of a referral (shared/services/schema.ts). */
  serviceKind?: string;
  referralResult?: string;
  /** A work list mark's kind and the rule of its row (shared/worklist/contract.ts). */
  worklistMark?: string;
  worklistRule?: string;
}
