// Recruitment (招聘): the handlers of post openings (岗位公告), applications (报名), the
// 拟安置人员公示 and its objections, and the two printed notices, with what they answer. The
// arguments' schemas live in ./schema.ts, the rules in ./rules.ts. Part of the one handler map.
import { z } from 'zod';
import type { Sex } from '../id/idNumber';
import type { PostQualifyingGroup, RecruitmentPolicy } from '../policy/parameters';
import type { PostView } from '../posts/contract';
import type { PostCategory, PostKind } from '../posts/schema';
import { postId } from '../posts/schema';
import type { PrintStation } from '../print/contract';
import { ALL_ROLES, WRITERS, handler } from '../rpc/define';
import type { FieldIssue } from '../rpc/errors';
import { applySchema, decideSchema, objectSchema, openingId, openingSaveSchema, publishSchema, recruitEntryId, withdrawSchema } from './schema';

/** Where an opening stands on a day: its window, then its 公示. */
export type OpeningStatus = 'upcoming' | 'open' | 'closed' | 'noticeRunning' | 'noticeEnded';
/** What the 公示 lets the township do (see rules.ts publicityIssue). */
export type PublicityGate = 'running' | 'open' | 'upheld' | 'ready';

export interface OpeningView {
  id: string;
  rev: string;
  postId: string;
  postName: string;
  places: number;
  conditions: string;
  windowFrom: string;
  windowTo: string;
  contact: string;
  status: OpeningStatus;
  /** Standing applications (withdrawn ones left out). */
  applicants: number;
  updatedAt: string;
}

export interface ObjectionView {
  id: string;
  date: string;
  by: string;
  content: string;
  decision: { upheld: boolean; reason: string; date: string } | null;
}

export interface PublicityView {
  id: string;
  noticeFrom: string;
  noticeTo: string;
  noticeDays: number;
  objectionsTo: string;
  candidates: { residentId: string; name: string; assigned: boolean }[];
  objections: ObjectionView[];
  gate: PublicityGate;
  /** The gate's reason as a message (null when ready). */
  issue: FieldIssue | null;
}

export interface ApplicationView {
  id: string;
  residentId: string;
  name: string;
  sex: Sex;
  age: number;
  villageName: string;
  date: string;
  groups: PostQualifyingGroup[];
  /** Every eligibility rule the application breaks as of its date, the assignment's own rules (empty: eligible). */
  reasons: FieldIssue[];
  withdrawn: { date: string; reason: string } | null;
  /** 1-based among the standing applications, null when withdrawn. */
  rank: number | null;
}

export interface OpeningDetail extends OpeningView {
  post: PostView;
  applications: ApplicationView[];
  /** The current 公示 (the latest), or null. */
  publicity: PublicityView | null;
  policy: RecruitmentPolicy;
}

/** 岗位公告 as printed. */
export interface RecruitNoticeForm {
  station: PrintStation;
  post: { name: string; kind: PostKind; category: PostCategory; employer: string; plannedHoursPerMonth: number; payPerMonth: number; startDate: string; endDate: string; placeName: string };
  opening: { places: number; conditions: string; windowFrom: string; windowTo: string; contact: string };
  policy: RecruitmentPolicy;
}

/** 拟安置人员公示: names, sex, age, village and post; never an ID number or an address. */
export interface RecruitPublicityForm {
  station: PrintStation;
  postName: string;
  noticeFrom: string;
  noticeTo: string;
  noticeDays: number;
  objectionsTo: string;
  rows: { name: string; sex: Sex; age: number; villageName: string; postName: string }[];
}

export const recruitmentHandlers = {
  /** A post's openings, or (no post) every opening of the station: the posts list marks the posts recruiting. */
  'recruitment.list': handler<OpeningView[]>()(z.strictObject({ postId: postId.optional() }), ALL_ROLES),
  'recruitment.get': handler<OpeningDetail>()(z.strictObject({ openingId }), ALL_ROLES),
  /** Creates an opening (no id) or edits one (id and rev). */
  'recruitment.save': handler<OpeningView>()(openingSaveSchema, WRITERS),
  /** Records an application; it is checked at once against the assignment's eligibility rules. */
  'recruitment.apply': handler<OpeningDetail>()(applySchema, WRITERS),
  'recruitment.withdraw': handler<OpeningDetail>()(withdrawSchema, WRITERS),
  /** Records the 公示 of the candidates: its period starts today (the day it is printed). */
  'recruitment.publish': handler<OpeningDetail>()(publishSchema, WRITERS),
  'recruitment.object': handler<OpeningDetail>()(objectSchema, WRITERS),
  'recruitment.decide': handler<OpeningDetail>()(decideSchema, WRITERS),
  'print.recruitNotice': handler<RecruitNoticeForm>()(z.strictObject({ openingId }), WRITERS),
  'print.recruitPublicity': handler<RecruitPublicityForm>()(z.strictObject({ publicityId: recruitEntryId }), WRITERS),
} as const;
