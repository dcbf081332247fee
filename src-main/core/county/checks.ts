// The county's rule check of a batch's records: the station's own rules (one implementation in
// shared/<domain>/rules.ts), judged with the county's own dated policy parameters, each flag a
// FieldIssue on the record. A record written by an old, broken or tampered station is flagged
// here even though no form of the current station would have stored it.
import { checkIdNumber } from '../../../shared/id/idNumber';
import { attendanceDateIssue, belowMinimumIssue, type HolderPay } from '../../../shared/posts/rules';
import { registrationAgeIssue } from '../../../shared/residents/rules';
import { residentRegisterSchema } from '../../../shared/residents/schema';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { signInDayIssue } from '../../../shared/training/rules';
import type { CoreContext } from '../context';
import { residentKey } from '../residents/identity';
import { localDay } from '../station/station';
import { documentProblem } from '../store/docSchemas';
import { ID_PREFIX, type ResidentDoc } from '../store/docs';
import type { CountyKeys } from '../sync/credentials';
import { validationError } from '../validation';
import type { AnyDoc } from './server';

export interface CountyRules {
  ctx: Pick<CoreContext, 'today' | 'policies'>;
  /** The county secret's keys: a resident's id must be their hash. */
  keys(): CountyKeys | null;
}

/** Every rule the record fails, as issues on its fields (empty: none). */
export function recordProblems(doc: AnyDoc, rules: CountyRules): FieldIssue[] {
  // A resident's form is checked whole below (every field at fault, not the first).
  if (doc.type === 'resident') return residentProblems(doc, rules);
  // The form's own schema (what the station validates the clerk's input with), or the stored one.
  const form = documentProblem(doc);
  const issues = form ? [form] : [];
  switch (doc.type) {
    case 'monthClose':
      return [...issues, ...monthCloseProblems(doc, rules)];
    case 'attendance':
      return [...issues, ...dayOf(doc.createdAt, (savedOn) => attendanceDateIssue(String(doc.date), savedOn))];
    case 'signIn':
      return [...issues, ...signInProblems(doc)];
    default:
      return issues;
  }
}

/** The local day of an ISO instant the record carries, checked by `rule` (nothing when it is not one). */
function dayOf(at: unknown, rule: (day: string) => FieldIssue | null): FieldIssue[] {
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return [];
  const issue = rule(localDay(new Date(at)));
  return issue ? [issue] : [];
}

/** A resident passes the registration form's checks, matches its ID number and has a plausible age. */
function residentProblems(doc: AnyDoc, { ctx, keys }: CountyRules): FieldIssue[] {
  const resident = doc as unknown as ResidentDoc;
  const input = {
    idNumber: resident.idNumber,
    name: resident.name,
    phone: resident.phone,
    householdType: resident.householdType,
    address: resident.address,
    education: resident.education,
    skills: resident.skills,
    employmentCertificateNo: resident.employmentCertificateNo,
    targetGroups: resident.targetGroups,
    careCategories: resident.careCategories,
    registration: resident.registration,
  };
  const parsed = residentRegisterSchema.safeParse(input, { reportInput: true });
  const issues: FieldIssue[] = parsed.success ? [] : (validationError(parsed.error).issues ?? []);
  const id = checkIdNumber(String(resident.idNumber ?? ''), ctx.today());
  if (id.ok) {
    // The station stores the number as normalised (no full-width digits, spaces or dashes).
    if (resident.idNumber !== id.idNumber) issues.push({ field: 'idNumber', messageKey: 'errors.county.idNumberNotNormal' });
    if (resident.birthDate !== id.birthDate) issues.push({ field: 'birthDate', messageKey: 'errors.county.notFromIdNumber' });
    if (resident.sex !== id.sex) issues.push({ field: 'sex', messageKey: 'errors.county.notFromIdNumber' });
    // The id is the county key's hash of the number: otherwise the person cannot meet their twin.
    const countyKeys = keys();
    if (countyKeys && doc._id !== `${ID_PREFIX.resident}${residentKey(countyKeys.identityKey, id.idNumber)}`) issues.push({ field: 'id', messageKey: 'errors.county.identityKey' });
    const day = resident.registration?.date;
    const implausible = typeof day === 'string' ? registrationAgeIssue(id.birthDate, day, ctx.policies.registrationAge(day)) : null;
    if (implausible) issues.push(implausible);
  }
  return issues;
}

/** A closed month with holders under the county's hourly minimum wage needs the written reason. */
function monthCloseProblems(doc: AnyDoc, { ctx }: CountyRules): FieldIssue[] {
  if (doc.status !== 'closed' || typeof doc.month !== 'string' || typeof doc.placeCode !== 'string') return [];
  const summary = doc.summary as { holders?: unknown } | null | undefined;
  const holders = (Array.isArray(summary?.holders) ? (summary.holders as Partial<HolderPay>[]) : []).flatMap((h) =>
    typeof h === 'object' && h !== null && typeof h.payDue === 'number' && typeof h.hours === 'number'
      ? [{ name: typeof h.name === 'string' ? h.name : '', payDue: h.payDue, hours: h.hours }]
      : [],
  );
  // The minimum wage the county has in force for the month's first day, not what the station had.
  const minimum = ctx.policies.minimumWage(doc.placeCode.slice(0, 6), `${doc.month}-01`);
  const reason = typeof doc.belowMinimumReason === 'string' ? doc.belowMinimumReason : undefined;
  const issue = belowMinimumIssue(holders, minimum?.hourly ?? null, reason);
  return issue ? [issue] : [];
}

/** Signed in and out on the day of the class. */
function signInProblems(doc: AnyDoc): FieldIssue[] {
  const date = String(doc.date);
  const at = (mark: unknown) => (typeof mark === 'object' && mark !== null ? (mark as { at?: unknown }).at : undefined);
  const issues = [...dayOf(at(doc.in), (day) => signInDayIssue(date, day)), ...dayOf(at(doc.out), (day) => signInDayIssue(date, day))];
  // One flag for the record's date is enough when sign-in and sign-out share it.
  return issues.length === 2 && issues[0]!.messageKey === issues[1]!.messageKey ? [issues[0]!] : issues;
}
