// Printed forms (A4, Chinese, ready to sign): the data each print route is filled with.
// Part of the one handler map (see handlers.ts); built with the blocks in define.ts.
// Every fill is audit-logged by the core (action 'print', field = the form's name). ID numbers
// leave the core in full only on the two forms that legally carry them (the registration and the
// 就业困难人员认定申请表); every other form gets them masked, the 公示 none at all.

import { z } from 'zod';
import type { Sex } from '../id/idNumber';
import { isoDay, month, residentId } from '../common/fields';
import { postId } from '../posts/schema';
import type { AttendanceMark, PostCategory, PostKind } from '../posts/schema';
import type { CareCategory, EducationLevel, FamilyMember, HouseholdType, Registration, TargetGroup } from '../residents/schema';
import { HARDSHIP_CATEGORIES } from '../residents/schema';
import { HALF_DAYS, sessionId, type HalfDay, type TrainingLevel } from '../training/schema';
import { ALL_ROLES, WRITERS, handler } from '../rpc/define';
import { serviceId } from '../services/schema';
import type { PrintedService, ServiceCardBody, ServiceFormResident, VisitRecordTitle } from './serviceForms';
import { NOTICE_PHONE } from './noticePhone';

export type HardshipCategory = (typeof HARDSHIP_CATEGORIES)[number];

export const PRINT_FORMS = ['registration', 'hardshipApplication', 'hardshipNotice', 'attendance', 'signInSheet', 'trainingSummary', 'visitRecord', 'serviceCard', 'deductionNotice', 'recruitNotice', 'recruitPublicity', 'payroll'] as const;
export type PrintForm = (typeof PRINT_FORMS)[number];

/** Who prints, where: the header and the 经办人 line of every form. */
export interface PrintStation {
  name: string;
  placeCode: string;
  /** Province → village names. */
  placePath: string[];
  /** The clerk who printed (经办人). */
  clerk: string;
  /** Local date of the print. */
  printedOn: string;
}

/** 求职登记表 / 失业登记表 (jobSeeking and unemployment; a 就业困难 applicant is unemployed too). */
export interface RegistrationForm {
  station: PrintStation;
  resident: {
    id: string;
    name: string;
    sex: Sex;
    birthDate: string;
    age: number;
    /** In full: the registration form is the legal record the resident signs. */
    idNumber: string;
    phone: string;
    householdType: HouseholdType;
    address: string;
    education: EducationLevel;
    skills: string;
    employmentCertificateNo: string;
    targetGroups: TargetGroup[];
    careCategories: CareCategory[];
    placePath: string[];
  };
  registration: Registration;
  /** 失业登记表 for an unemployment or hardship registration, 求职登记表 otherwise. */
  title: 'jobSeeking' | 'unemployment';
}

export interface HardshipApplicationForm extends Omit<RegistrationForm, 'title' | 'registration'> {
  registration: Extract<Registration, { kind: 'hardship' }>;
  familyMembers: FamilyMember[];
}

/** 公示: applicants without ID numbers or addresses. */
export interface HardshipNoticeForm {
  station: PrintStation;
  /** Applications registered in from..to. */
  from: string;
  to: string;
  /** The 公示期. */
  noticeFrom: string;
  noticeTo: string;
  /** Where objections go (the station's phone). */
  phone: string;
  applicants: { name: string; sex: Sex; age: number; categories: HardshipCategory[]; appliedOn: string }[];
}

export interface AttendanceSheetForm {
  station: PrintStation;
  post: { id: string; code: string; name: string; kind: PostKind; category: PostCategory; placeName: string; employer: string; plannedHoursPerMonth: number; payPerMonth: number };
  month: string;
  days: { day: number; weekday: number; weekend: boolean }[];
  holders: {
    residentId: string;
    name: string;
    idNumberMasked: string;
    /** Day of month (1–31) → mark; days outside the holder's assignment are null. */
    marks: (AttendanceMark | 'outside' | null)[];
    presentDays: number;
    leaveDays: number;
    absentDays: number;
    hours: number;
    payDue: number;
    belowMinimum: boolean;
  }[];
  totals: { presentDays: number; hours: number; payDue: number };
  minimumWageHourly: number | null;
  closed: boolean;
}

export interface SignInSheetForm {
  station: PrintStation;
  session: { id: string; occupation: string; level: TrainingLevel; provider: string; teachers: string[]; place: string; startDate: string; endDate: string; totalClassHours: number };
  slot: { date: string; half: HalfDay; start: string; end: string; classHours: number };
  /** Every enrolled trainee, signed in or not (a blank line to sign by hand). */
  rows: { name: string; sex: Sex; idNumberMasked: string; timeIn: string | null; timeOut: string | null }[];
  signedIn: number;
}

export interface TrainingSummaryForm {
  station: PrintStation;
  session: SignInSheetForm['session'] & { slots: number };
  threshold: number;
  rows: { name: string; sex: Sex; idNumberMasked: string; slotsAttended: number; attendedHours: number; rate: number; eligible: boolean; lateCount: number; earlyLeaveCount: number }[];
  sessionRate: number;
  eligibleCount: number;
}

/** 入户走访登记表 (服务记录单 for another channel): one service record, for the resident's signature. */
export interface VisitRecordForm {
  station: PrintStation;
  resident: ServiceFormResident;
  service: PrintedService;
  title: VisitRecordTitle;
}

/** 服务记录卡: one person's services, employment status history, posts and trainings. */
export interface ServiceCardForm extends ServiceCardBody {
  station: PrintStation;
  resident: ServiceFormResident;
}

/** The station's phone for a 公示 (./noticePhone.ts). */
export const noticePhone = z.string({ error: 'errors.required' }).trim().regex(NOTICE_PHONE, { error: 'errors.print.phone' });

export const hardshipNoticeSchema = z
  .strictObject({ from: isoDay, to: isoDay, noticeFrom: isoDay, noticeTo: isoDay, phone: noticePhone })
  .superRefine((v, ctx) => {
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.endBeforeStart' });
    if (v.noticeTo < v.noticeFrom) ctx.addIssue({ code: 'custom', path: ['noticeTo'], message: 'errors.endBeforeStart' });
  });

export const printHandlers = {
  'print.registration': handler<RegistrationForm>()(z.strictObject({ id: residentId }), WRITERS),
  /** Refused (field id) unless the resident's registration is a 就业困难人员认定申请. */
  'print.hardshipApplication': handler<HardshipApplicationForm>()(z.strictObject({ id: residentId }), WRITERS),
  'print.hardshipNotice': handler<HardshipNoticeForm>()(hardshipNoticeSchema, WRITERS),
  'print.attendance': handler<AttendanceSheetForm>()(z.strictObject({ postId, month }), ALL_ROLES),
  'print.signInSheet': handler<SignInSheetForm>()(z.strictObject({ sessionId, date: isoDay, half: z.enum(HALF_DAYS, { error: 'errors.option' }) }), ALL_ROLES),
  'print.trainingSummary': handler<TrainingSummaryForm>()(z.strictObject({ sessionId }), ALL_ROLES),
  /** Any service entry (a result entry is refused on serviceId); the phone and address in full, the ID number masked. */
  'print.visitRecord': handler<VisitRecordForm>()(z.strictObject({ serviceId }), WRITERS),
  'print.serviceCard': handler<ServiceCardForm>()(z.strictObject({ id: residentId }), WRITERS),
} as const;

/**
 * What the Electron preload exposes as `window.leyePrint`: print a print route (`#/print/…`) from
 * a hidden window, with the system's print dialog or silently to a PDF the clerk saves. The
 * renderer gets back the file's name only, never its path.
 */
export interface PrintBridge {
  print(hash: string): Promise<{ printed: boolean }>;
  savePdf(hash: string, fileName: string): Promise<{ saved: boolean; fileName: string }>;
}

/**
 * A print route's hash: `#/print/<form>/<arg>…` with ids, dates and months only. An argument is
 * URI-encoded: a service record's id (place, resident key, time, random) is ~95 characters so.
 */
export const PRINT_HASH = /^#\/print\/[A-Za-z]+(\/[A-Za-z0-9%:._-]{1,140}){1,6}$/;
