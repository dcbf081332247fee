// Post and attendance rules shared by the station (refusing a save or a close) and the county
// (flagging a record of a batch): one implementation, so both judge a record alike.
import type { FieldIssue } from '../rpc/errors';
import { postsAndAttendanceZhCN } from './texts';

/** How names are joined in a message's parameters (as the station's core always joined them). */
const LIST_SEPARATOR = postsAndAttendanceZhCN.posts.separator;

const fen = (yuan: number) => Math.round(yuan * 100);

/** What a holder earned in a month, as a month close keeps it. */
export interface HolderPay {
  name: string;
  /** Yuan. */
  payDue: number;
  hours: number;
}

/** Whether the pay for the hours worked is under the hourly minimum wage (null: none in force). */
export function belowMinimumWage(pay: Pick<HolderPay, 'payDue' | 'hours'>, minimumHourly: number | null): boolean {
  if (minimumHourly === null || !(pay.hours > 0)) return false;
  return fen(pay.payDue) / pay.hours < fen(minimumHourly);
}

/**
 * A month closed with holders under the hourly minimum wage needs a written reason: the issue on
 * `belowMinimumReason` naming them, or null (none under it, or a reason given).
 */
export function belowMinimumIssue(holders: HolderPay[], minimumHourly: number | null, reason: string | undefined): FieldIssue | null {
  const below = holders.filter((h) => belowMinimumWage(h, minimumHourly));
  if (below.length === 0 || (reason ?? '').trim() !== '') return null;
  return { field: 'belowMinimumReason', messageKey: 'errors.attendance.belowMinimumReason', params: { names: below.map((h) => h.name).join(LIST_SEPARATOR), count: below.length } };
}

/** Attendance is kept for days that have come: a mark for a later day than it was saved on. */
export function attendanceDateIssue(date: string, savedOn: string): FieldIssue | null {
  return date > savedOn ? { field: 'date', messageKey: 'errors.attendance.future', params: { date } } : null;
}
