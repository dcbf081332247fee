// The shapes of the document ids that arguments carry (a resident, a post, a session, a batch),
// defined once: the argument schemas of every domain check them, and so does the quarantine.
// A leaf module (no imports), so that the domains' schemas can use it without a cycle through
// the registry, whose id builders produce ids of these shapes (registry.test.ts checks it).

/** A place code as ids carry it: a county (6 digits), a township (9) or a village (12). */
const PLACE = '(\\d{12}|\\d{9}|\\d{6})';
const CODE = '[A-Za-z0-9-]{1,20}';
const RESIDENT = '[a-z2-7]{26}';
const SESSION = '[a-z2-7]{16}';
const DATE = '\\d{4}-\\d{2}-\\d{2}';
const MONTH = '\\d{4}-\\d{2}';
const TIME = '\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z';
/** The place an id of one station's record starts with; absent from ids made before places (legacy). */
const placed = (prefix: string, rest: string) => `^${prefix}:(?:${PLACE}:)?${rest}$`;

/**
 * Every id shape of the types that belong to one station, new and legacy: capture group 1 is
 * the place the id carries, undefined for a legacy id. A legacy id has one `:`-part less than a
 * new one of its type (a post code has no `:`), so the two never read as each other. ES5 regular
 * expressions (no named groups): the county's validation function runs them too.
 */
export const PLACED_ID_SOURCES = {
  audit: placed('audit', `${TIME}:[A-Za-z0-9]+`),
  station: `^station:${PLACE}$`,
  post: placed('post', CODE),
  assignment: placed('assignment', `${CODE}:${RESIDENT}:${DATE}`),
  attendance: placed('attendance', `${CODE}:${MONTH}:${RESIDENT}:\\d{2}`),
  monthClose: placed('monthClose', `${CODE}:${MONTH}`),
  /**
   * `assignmentExit:<place>:<code>:<resident key>:<start>`: the assignment's id under another type;
   * an exit recorded after a withdrawn one adds its number (`:2`, `:3`, …).
   */
  assignmentExit: placed('assignmentExit', `${CODE}:${RESIDENT}:${DATE}(?::\\d{1,3})?`),
  /** `exitWithdrawal:<place>:<code>:<resident key>:<start>[:<n>]`: the withdrawn exit's id under another type. */
  exitWithdrawal: placed('exitWithdrawal', `${CODE}:${RESIDENT}:${DATE}(?::\\d{1,3})?`),
  training: placed('training', SESSION),
  enrolment: placed('enrolment', `${SESSION}:${RESIDENT}`),
  signIn: placed('signIn', `${SESSION}:${DATE}:(?:am|pm):${RESIDENT}`),
  batch: `^batch:${PLACE}:[0-9TZ:.-]+:[a-z0-9]{6}$`,
  heartbeat: `^heartbeat:${PLACE}$`,
  /** `employment:<place>:<resident key>:<effective date>:<random>` (a new type: no legacy shape). */
  employment: `^employment:${PLACE}:${RESIDENT}:${DATE}:[a-z0-9]{8}$`,
  service: placed('service', `${RESIDENT}:${TIME}:[a-z0-9]+`),
  /** `worklistMark:<place>:<time>:<random>` (a new type: no legacy shape). */
  worklistMark: `^worklistMark:${PLACE}:${TIME}:[a-z0-9]{8}$`,
  /** `payAccount:<place>:<resident key>:<effective date>` (a new type: no legacy shape). */
  payAccount: `^payAccount:${PLACE}:${RESIDENT}:${DATE}$`,
  /** `postPlan:<county>:<year>`: the county's planned public-welfare post places of a year. */
  postPlan: `^postPlan:${PLACE}:\\d{4}$`,
  /** `assessment:<place>:<post code>:<month>:<resident key>:<time>` (a post's child: legacy post ids carry no place). */
  assessment: placed('assessment', `${CODE}:${MONTH}:${RESIDENT}:${TIME}`),
  deductionNotice: placed('deductionNotice', `${CODE}:${MONTH}:${RESIDENT}:${TIME}`),
  /** `opening:<place>:<post code>:<random>`: a 岗位公告 of a post (a new type: no legacy shape; a legacy post's opening has no place). */
  opening: placed('opening', `${CODE}:[a-z0-9]{8}`),
  /** `recruitEntry:<place>:<post code>:<opening random>:<time>:<random>`: a dated fact of an opening (a child of it). */
  recruitEntry: placed('recruitEntry', `${CODE}:[a-z0-9]{8}:${TIME}:[a-z0-9]{8}`),
} as const;

export const ID_PATTERNS = {
  resident: new RegExp(`^resident:${RESIDENT}$`),
  /** `post:<place>:<code>`, or a legacy `post:<code>`. */
  post: new RegExp(PLACED_ID_SOURCES.post),
  /** `training:<place>:<key>`, or a legacy `training:<key>`. */
  training: new RegExp(PLACED_ID_SOURCES.training),
  batch: new RegExp(PLACED_ID_SOURCES.batch),
  /** `assignment:<place>:<code>:<resident key>:<start>`, or a legacy one without the place. */
  assignment: new RegExp(PLACED_ID_SOURCES.assignment),
} as const;

const RESIDENT_ENTRY = new RegExp(`^(service|employment):(?:${PLACE}:)?(${RESIDENT}):`);

/**
 * The head of a resident's own entry's id (`service:<place>:<resident key>:…`, `employment:…`,
 * a legacy service id without its place): its type, place ('' when legacy) and resident key.
 * Every entry of a person at a place starts with the same head, so one range read finds them.
 */
/** That head for a person at a place (the place '' for a legacy service id, which has none): the range of `prefixRange` reads every entry of theirs there. */
export function residentEntryPrefix(type: 'service' | 'employment', place: string, key: string): string {
  return `${type}:${place ? `${place}:` : ''}${key}:`;
}

export function residentEntryHead(id: string): { type: 'service' | 'employment'; place: string; key: string; head: string } | null {
  const m = RESIDENT_ENTRY.exec(id);
  return m ? { type: m[1] as 'service' | 'employment', place: m[2] ?? '', key: m[3]!, head: m[0] } : null;
}
