// The two printed forms of the follow-up ledger (issue 16): the 入户走访登记表 of one service
// record (for the resident's signature) and a person's 服务记录卡 (every service, the employment
// status history, post assignments and trainings). ID numbers are masked on both; who recorded
// something is named by display name, never by login. Codes stay codes here: the forms word them.
import type { Sex } from '../id/idNumber';
import type { EmploymentStatus, MigrantArea } from '../employment/schema';
import type { CareCategory, CloseReason, HARDSHIP_CATEGORIES, RegistrationKind, TargetGroup } from '../residents/schema';
import type { Referral, ReferralResult, ServiceChannel, ServiceKind } from '../services/schema';
import type { TrainingLevel } from '../training/schema';
import type { ExitReason } from '../posts/exits';

/** The person as both forms print them: the ID number masked, address and phone as registered. */
export interface ServiceFormResident {
  id: string;
  name: string;
  sex: Sex;
  age: number;
  idNumberMasked: string;
  phone: string;
  address: string;
  /** Province → village names. */
  placePath: string[];
  registration: {
    kind: RegistrationKind;
    date: string;
    /** 就业困难人员认定 categories (a hardship registration only). */
    hardshipCategories: (typeof HARDSHIP_CATEGORIES)[number][];
  };
  targetGroups: TargetGroup[];
  careCategories: CareCategory[];
  /** The registration's closure (注销), or null while it stands. */
  closure: { date: string; reason: CloseReason } | null;
}

/** A referral's result as printed: the standing one (a corrected result is not printed). */
export interface PrintedResult {
  date: string;
  result: ReferralResult;
  note: string;
  clerk: string;
}

/** One service as the forms print it. */
export interface PrintedService {
  id: string;
  date: string;
  channel: ServiceChannel;
  kind: ServiceKind;
  content: string;
  outcome: string;
  referral: Referral | null;
  /** The standing result of the referral (of any version of it), or null. */
  result: PrintedResult | null;
  /** Who recorded it (display name). */
  clerk: string;
  /** The date of the record this one corrects, or null when it corrects none. */
  correctsDate: string | null;
  /** The date of the later record that corrects this one (this one is superseded), or null. */
  correctedOn: string | null;
}

/** 入户走访登记表 for a home visit, 服务记录单 for a service of any other channel. */
export type VisitRecordTitle = 'homeVisit' | 'service';

/** An employment status entry as the card prints it (corrected entries are left out). */
export interface PrintedStatus {
  status: EmploymentStatus;
  area: MigrantArea | null;
  destination: string;
  employer: string;
  effectiveDate: string;
  endDate: string | null;
  /** This entry corrects an earlier one. */
  correction: boolean;
  clerk: string;
}

/** What the 服务记录卡 lists besides the person (the station is added by the contract). */
export interface ServiceCardBody {
  /** The current employment status (the standing entry latest by effective date), or null. */
  current: PrintedStatus | null;
  /** The standing status entries, oldest first. */
  statuses: PrintedStatus[];
  /** Standing services (superseded ones left out; a correction says which date it corrects), oldest first. */
  services: PrintedService[];
  /** How many superseded service records were left out. */
  supersededCount: number;
  /** Public-welfare post assignments, oldest first: `to` the real end (the exit date when ended early, its reason in `endReason`; else the agreed end). */
  assignments: { post: string; employer: string; from: string; to: string; endReason: ExitReason | null }[];
  /** Training sessions the person was enrolled in, oldest first. */
  trainings: { occupation: string; level: TrainingLevel; provider: string; from: string; to: string; attendedHours: number; totalClassHours: number; eligible: boolean; ended: boolean }[];
}
