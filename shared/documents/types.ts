// The TypeScript types of stored documents, inferred from their schemas (schemas.ts).
import type { z } from 'zod';
import type { PolicyKind, PolicyValuesByKind } from '../policy/parameters';
import type * as s from './schemas';
import type * as cycle from './schemasPostCycle';

export type DocBase = z.output<typeof s.stampedSchema>;
/** The fields every synced document carries besides its id and type. */
export type Stamp = Omit<DocBase, '_id' | '_rev' | 'type'>;

export type ResidentDoc = z.output<typeof s.residentSchema>;
export type AuditDoc = z.output<typeof s.auditSchema>;
/**
 * reveal: a full ID number or phone was shown; print: a form was filled for printing (field names
 * the form); export/import: a spreadsheet left or entered the station (field: what, reason: e.g.
 * full or masked); unlock: the county let a station change an accepted record; account: an
 * admin created, changed, unlocked or reset an account, or a user changed their password (field
 * says which; targetId `user:<login name>`).
 */
export type AuditAction = AuditDoc['action'];
/** A policy document; `PolicyDoc<'posts'>` narrows the kind and its values. */
export type PolicyDoc<K extends PolicyKind = PolicyKind> = Omit<z.output<typeof s.policySchema>, 'kind' | 'values'> & {
  kind: K;
  values: PolicyValuesByKind[K];
};
export type PostDoc = z.output<typeof s.postSchema>;
export type AssignmentDoc = z.output<typeof s.assignmentSchema>;
export type AttendanceDoc = z.output<typeof s.attendanceSchema>;
export type AssignmentExitDoc = z.output<typeof s.assignmentExitSchema>;
export type MonthCloseDoc = z.output<typeof s.monthCloseSchema>;
export type TrainingDoc = z.output<typeof s.trainingSchema>;
export type CourseDoc = z.output<typeof s.courseSchema>;
export type EnrolmentDoc = z.output<typeof s.enrolmentSchema>;
export type SignMark = z.output<typeof s.signMarkSchema>;
export type SignInDoc = z.output<typeof s.signInSchema>;
export type StationDoc = z.output<typeof s.stationSchema>;
export type BatchDoc = z.output<typeof s.batchSchema>;
export type ReviewDoc = z.output<typeof s.reviewSchema>;
export type UnlockDoc = z.output<typeof s.unlockSchema>;
export type ResolutionNoticeDoc = z.output<typeof s.resolutionSchema>;
export type HeartbeatDoc = z.output<typeof s.heartbeatSchema>;
export type EmploymentDoc = z.output<typeof s.employmentSchema>;
export type WorklistMarkDoc = z.output<typeof s.worklistMarkSchema>;
export type PayAccountDoc = z.output<typeof cycle.payAccountSchema>;
export type PostPlanDoc = z.output<typeof cycle.postPlanSchema>;
export type AssessmentDoc = z.output<typeof cycle.assessmentSchema>;
export type DeductionNoticeDoc = z.output<typeof cycle.deductionNoticeSchema>;
export type ExitWithdrawalDoc = z.output<typeof cycle.exitWithdrawalSchema>;
