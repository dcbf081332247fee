// Training rules shared by the station (refusing a sign-in) and the county (flagging a record of
// a batch): one implementation, so both judge a record alike.
import type { FieldIssue } from '../rpc/errors';

/** Sign-ins are taken on the day of the class: one made on another day is a forgery or a mistake. */
export function signInDayIssue(classDate: string, takenOn: string): FieldIssue | null {
  if (classDate === takenOn) return null;
  return { field: 'date', messageKey: classDate > takenOn ? 'errors.training.slotInFuture' : 'errors.training.slotPast' };
}
