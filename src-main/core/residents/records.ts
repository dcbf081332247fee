// A resident's record: built from a registration after the domain's own checks, and the view the
// screens get (ID number and phone masked).
import { ageOn, checkIdNumber } from '../../../shared/id/idNumber';
import { maskIdNumber, maskPhone } from '../../../shared/id/mask';
import type { RegistrationAgeRange } from '../../../shared/policy/parameters';
import { retirementDate, type RetirementRuleSet } from '../../../shared/policy/retirement';
import { LeyeError } from '../../../shared/rpc/errors';
import type { ResidentView } from '../../../shared/rpc/handlers';
import { registrationAgeIssue } from '../../../shared/residents/rules';
import type { Registration, ResidentRegisterData } from '../../../shared/residents/schema';
import { ID_PREFIX, type ResidentDoc, type Stamp, type StationConfig } from '../store/docs';
import { fieldError } from '../validation';
import { residentKey } from './identity';

export function residentView(doc: ResidentDoc & { _rev?: string }, today: string): ResidentView {
  return {
    id: doc._id,
    rev: doc._rev ?? '',
    name: doc.name,
    sex: doc.sex,
    birthDate: doc.birthDate,
    age: ageOn(doc.birthDate, today),
    idNumberMasked: maskIdNumber(doc.idNumber),
    phoneMasked: maskPhone(doc.phone),
    householdType: doc.householdType,
    targetGroups: doc.targetGroups,
    careCategories: doc.careCategories,
    kind: doc.registration.kind,
    status: doc.closure ? 'closed' : 'active',
    registeredOn: doc.registration.date,
    updatedAt: doc.updatedAt,
    placeCode: doc.placeCode,
    address: doc.address,
    education: doc.education,
    skills: doc.skills,
    employmentCertificateNo: doc.employmentCertificateNo,
    registration: doc.registration,
    closure: doc.closure,
    createdBy: doc.createdBy,
    createdAt: doc.createdAt,
    updatedBy: doc.updatedBy,
  };
}

/** The dated policy values a registration is checked against (the PolicyStore has them). */
export interface RegistrationPolicies {
  retirement(day: string): RetirementRuleSet;
  registrationAge(day: string): RegistrationAgeRange;
}

/** Domain rules the schema cannot know: dates against today, working and plausible age against policy. */
export function checkRegistration(
  birthDate: string,
  sex: 'male' | 'female',
  registration: Registration,
  today: string,
  policies: RegistrationPolicies,
): void {
  if (birthDate > today) throw new LeyeError(fieldError('idNumber', 'errors.idNumber.birthDate'));
  if (registration.date > today) throw new LeyeError(fieldError('registration.date', 'errors.dateInFuture'));
  if (registration.kind === 'unemployment' && registration.unemployedSince > registration.date) {
    throw new LeyeError(fieldError('registration.unemployedSince', 'errors.dateInFuture'));
  }
  const age = ageOn(birthDate, registration.date);
  if (age < 16) throw new LeyeError(fieldError('idNumber', 'errors.age.tooYoung', { age }));
  const implausible = registrationAgeIssue(birthDate, registration.date, policies.registrationAge(registration.date));
  if (implausible) throw new LeyeError(fieldError(implausible.field, implausible.messageKey, implausible.params));
  if (registration.kind !== 'jobSeeking') {
    const rules = policies.retirement(registration.date);
    const retires = retirementDate(rules, birthDate, sex);
    if (registration.date >= retires) {
      throw new LeyeError(fieldError('idNumber', 'errors.age.pastRetirement', { age, retirementDate: retires, kind: registration.kind }));
    }
  }
}

/** The registration's own checks (ID number, dates, working age) and the document it would store. */
export function buildResident(
  data: ResidentRegisterData,
  config: StationConfig,
  stamp: Stamp,
  today: string,
  policies: RegistrationPolicies,
): ResidentDoc {
  const id = checkIdNumber(data.idNumber, today);
  if (!id.ok) throw new LeyeError(fieldError('idNumber', `errors.idNumber.${id.reason}`));
  checkRegistration(id.birthDate, id.sex, data.registration, today, policies);
  return {
    _id: `${ID_PREFIX.resident}${residentKey(config.identityKey, id.idNumber)}`,
    type: 'resident',
    ...stamp,
    idNumber: id.idNumber,
    name: data.name,
    sex: id.sex,
    birthDate: id.birthDate,
    phone: data.phone,
    householdType: data.householdType,
    address: data.address,
    education: data.education,
    skills: data.skills,
    employmentCertificateNo: data.employmentCertificateNo,
    targetGroups: data.targetGroups,
    careCategories: data.careCategories,
    registration: data.registration,
    closure: null,
  };
}

/** The answer to registering a person already registered. */
export function duplicateResident(existing: { _id: string; name: string }): LeyeError {
  return new LeyeError({
    code: 'DUPLICATE_RESIDENT',
    field: 'idNumber',
    messageKey: 'errors.duplicateResident',
    params: { name: existing.name },
    issues: [{ field: 'idNumber', messageKey: 'errors.duplicateResident', params: { name: existing.name } }],
    details: { residentId: existing._id, name: existing.name },
  });
}
