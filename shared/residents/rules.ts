// Registration rules shared by the station (refusing a registration) and the county (flagging a
// record of a batch): one implementation, so both judge a record alike.
import { ageOn } from '../id/idNumber';
import type { RegistrationAgeRange } from '../policy/parameters';
import type { FieldIssue } from '../rpc/errors';

/**
 * The age on the registration date against the plausible range in force that day (a dated policy
 * parameter): outside it the ID number is most likely mistyped. An issue on `idNumber`, or null.
 */
export function registrationAgeIssue(birthDate: string, registrationDate: string, range: RegistrationAgeRange): FieldIssue | null {
  const age = ageOn(birthDate, registrationDate);
  if (age >= range.minAge && age <= range.maxAge) return null;
  return { field: 'idNumber', messageKey: 'errors.age.implausible', params: { age, min: range.minAge, max: range.maxAge } };
}
