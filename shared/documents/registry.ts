// The one document registry: one row per document type of a station's database. Which types
// sync's filters send or keep, which the county's validation functions let each account write,
// which the core caches, and how a type is labelled for a person are all derived from it.
// Adding a type is adding a row (and its schema in schemas.ts).
import type { z } from 'zod';
import type { PolicyKind } from '../policy/parameters';
import type { HalfDay } from '../training/schema';
import { PLACED_ID_SOURCES } from './ids';
import * as s from './schemas';
import * as cycle from './schemasPostCycle';

/**
 * Who writes documents of a type: `station` (the station's app, into its own database),
 * `county` (county accounts, into a station's database: its decisions), `reference` (county
 * staff, kept in county_ref and read everywhere from there), `server` (a station, straight to
 * its database on the county server, never as a local record).
 */
export type Writer = 'station' | 'county' | 'reference' | 'server';

export interface DocumentRow<S extends z.ZodType = z.ZodType, A extends unknown[] = never> {
  /** The id prefix: always the type and a colon (the county's validation checks it so). */
  prefix: string;
  /** Builds an id of this type from its parts (ids given whole lose their own prefix). */
  id: (...parts: A) => string;
  /** The stored document (documentProblem checks form-written types with the form's schema). */
  schema: S;
  writer: Writer;
  /** A record of the station's work: waits to go up and counts in a batch (else bookkeeping). */
  record: boolean;
  /** Replicated from the station to the county (the county's own decisions never go back). */
  syncsUp: boolean;
  /** A station may never delete one (its deletion would replicate into the aggregate). */
  locked: boolean;
  /** Written once and never rewritten by the core (the audit log), nor changed on the server. */
  appendOnly: boolean;
  /**
   * Reviewed by the county although append-only (a service record): returned with a reason, it
   * is answered by a correcting entry. Append-only types without it (the audit log) are not reviewed.
   */
  reviewed?: boolean;
  /** In county_ref: `sent` by the county station's sync, `provisioned` by the county's setup. */
  reference: 'sent' | 'provisioned' | false;
  /** In a station backup (every document of the station's database is). */
  backedUp: boolean;
  /** Kept in memory by the core (a DocCache fed by the changes feed). */
  cached: boolean;
  /** i18n key naming the type for a person, or null where none exists yet (the raw type is shown). */
  label: string | null;
  /**
   * The type's records belong to one station, whose place the id carries (`audit:<place>:…`;
   * a child's id carries its parent's): the shapes of its ids, new and legacy, capture group 1
   * the place (see ids.ts). False for types one station cannot own alone (a resident: one
   * person may be registered in two villages) and for what the county writes.
   */
  placed: string | false;
}

/** A row, with the id builder's parameters and the schema kept in its type. */
function row<S extends z.ZodType, A extends unknown[]>(r: DocumentRow<S, A>): DocumentRow<S, A> {
  return r;
}

const label = (type: string) => `errors.labels.recordType.${type}`;
const after = (id: string, prefix: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
const residentKey = (residentId: string) => after(residentId, 'resident:');
const postCode = (postId: string) => after(postId, 'post:');
const sessionKey = (sessionId: string) => after(sessionId, 'training:');

const station = { writer: 'station', record: true, syncsUp: true, locked: false, appendOnly: false, reference: false, backedUp: true, cached: false, placed: false } as const;
const fromCounty = { writer: 'county', record: false, syncsUp: false, locked: true, appendOnly: false, reference: false, backedUp: true, cached: false, placed: false } as const;
const placed = PLACED_ID_SOURCES;

/** Every document type, in the order the lists derived from it keep. */
export const DOCUMENTS = {
  resident: row({ ...station, prefix: 'resident:', id: (key: string) => `resident:${key}`, schema: s.residentSchema, label: label('resident') }),
  audit: row({ ...station, prefix: 'audit:', id: (place: string, at: string, random: string) => `audit:${place}:${at}:${random}`, schema: s.auditSchema, appendOnly: true, placed: placed.audit, label: label('audit') }),
  policy: row({
    ...station,
    prefix: 'policy:',
    id: (kind: PolicyKind, effectiveFrom: string, countyCode: string) =>
      kind === 'minimumWage' ? `policy:minimumWage:${countyCode}:${effectiveFrom}` : `policy:${kind}:${effectiveFrom}`,
    schema: s.policySchema,
    reference: 'sent',
    cached: true,
    label: label('policy'),
  }),
  station: row({ ...station, prefix: 'station:', id: (placeCode: string) => `station:${placeCode}`, schema: s.stationEntrySchema, placed: placed.station, reference: 'provisioned', label: label('station') }),
  post: row({ ...station, prefix: 'post:', id: (place: string, code: string) => `post:${place}:${code}`, schema: s.postSchema, placed: placed.post, reference: 'sent', cached: true, label: label('post') }),
  assignment: row({
    ...station,
    prefix: 'assignment:',
    id: (postId: string, residentId: string, startDate: string) => `assignment:${postCode(postId)}:${residentKey(residentId)}:${startDate}`,
    schema: s.assignmentSchema,
    cached: true,
    placed: placed.assignment,
    label: label('assignment'),
  }),
  attendance: row({
    ...station,
    prefix: 'attendance:',
    id: (postId: string, residentId: string, date: string) => `attendance:${postCode(postId)}:${date.slice(0, 7)}:${residentKey(residentId)}:${date.slice(8, 10)}`,
    schema: s.attendanceSchema,
    locked: true,
    placed: placed.attendance,
    label: label('attendance'),
  }),
  // An assignment ended early (提前结束): a dated fact of its own, never rewritten (the assignment
  // stays as agreed, and may carry the county's lock); one per assignment, its id the assignment's.
  assignmentExit: row({
    ...station,
    prefix: 'assignmentExit:',
    id: (assignmentId: string, n: number = 1) => `assignmentExit:${after(assignmentId, 'assignment:')}${n > 1 ? `:${n}` : ''}`,
    schema: s.assignmentExitSchema,
    appendOnly: true,
    reviewed: true,
    cached: true,
    placed: placed.assignmentExit,
    label: label('assignmentExit'),
  }),
  // An exit withdrawn (撤销离岗: the wrong holder, the wrong date): a fact of its own with its reason,
  // one per exit (its id the exit's); the assignment is held again and a new exit may follow.
  exitWithdrawal: row({
    ...station,
    prefix: 'exitWithdrawal:',
    id: (exitId: string) => `exitWithdrawal:${after(exitId, 'assignmentExit:')}`,
    schema: cycle.exitWithdrawalSchema,
    appendOnly: true,
    reviewed: true,
    cached: true,
    placed: placed.exitWithdrawal,
    label: label('exitWithdrawal'),
  }),
  monthClose: row({ ...station, prefix: 'monthClose:', id: (postId: string, month: string) => `monthClose:${postCode(postId)}:${month}`, schema: s.monthCloseSchema, cached: true, placed: placed.monthClose, label: label('monthClose') }),
  training: row({ ...station, prefix: 'training:', id: (place: string, key: string) => `training:${place}:${key}`, schema: s.trainingSchema, cached: true, placed: placed.training, label: label('training') }),
  enrolment: row({
    ...station,
    prefix: 'enrolment:',
    id: (sessionId: string, residentId: string) => `enrolment:${sessionKey(sessionId)}:${residentKey(residentId)}`,
    schema: s.enrolmentSchema,
    cached: true,
    placed: placed.enrolment,
    label: label('enrolment'),
  }),
  signIn: row({
    ...station,
    prefix: 'signIn:',
    id: (sessionId: string, date: string, half: HalfDay, residentId: string) => `signIn:${sessionKey(sessionId)}:${date}:${half}:${residentKey(residentId)}`,
    schema: s.signInSchema,
    locked: true,
    placed: placed.signIn,
    label: label('signIn'),
  }),
  review: row({ ...fromCounty, prefix: 'review:', id: (batchId: string) => `review:${batchId}`, schema: s.reviewSchema, cached: true, label: label('review') }),
  batch: row({ ...station, prefix: 'batch:', id: (place: string, at: string, random: string) => `batch:${place}:${at}:${random}`, schema: s.batchSchema, record: false, locked: true, placed: placed.batch, label: label('batch') }),
  unlock: row({ ...fromCounty, prefix: 'unlock:', id: (recordId: string, at: string) => `unlock:${recordId}:${at}`, schema: s.unlockSchema, cached: true, label: label('unlock') }),
  course: row({ ...station, writer: 'reference', prefix: 'course:', id: (code: string) => `course:${code}`, schema: s.courseSchema, reference: 'sent', cached: true, label: label('course') }),
  resolution: row({
    ...fromCounty,
    prefix: 'resolution:',
    /** The county's full record `resolution:<record id>:<time>`; a station's notice adds `:<place>`. */
    id: (recordId: string, at: string, place?: string) => `resolution:${recordId}:${at}${place === undefined ? '' : `:${place}`}`,
    schema: s.resolutionSchema,
    label: label('resolution'),
  }),
  heartbeat: row({
    ...station,
    writer: 'server',
    prefix: 'heartbeat:',
    id: (place: string) => `heartbeat:${place}`,
    schema: s.heartbeatSchema,
    record: false,
    placed: placed.heartbeat,
    syncsUp: false,
    label: label('heartbeat'),
  }),
  // ── Employment status (issue 16) ──
  employment: row({
    ...station,
    prefix: 'employment:',
    id: (place: string, residentId: string, effectiveDate: string, random: string) => `employment:${place}:${residentKey(residentId)}:${effectiveDate}:${random}`,
    schema: s.employmentSchema,
    appendOnly: true,
    reviewed: true,
    placed: placed.employment,
    label: label('employment'),
  }),
  // A contact with a resident (服务记录): a record the county reviews, yet append-only like the audit log.
  service: row({
    ...station,
    prefix: 'service:',
    id: (place: string, residentId: string, at: string, random: string) => `service:${place}:${residentKey(residentId)}:${at}:${random}`,
    schema: s.serviceSchema,
    appendOnly: true,
    reviewed: true,
    placed: placed.service,
    label: label('service'),
  }),
  // A clerk's mark on a row of the work list (snoozed, not applicable, reopened): append-only, not reviewed.
  worklistMark: row({
    ...station,
    prefix: 'worklistMark:',
    id: (place: string, at: string, random: string) => `worklistMark:${place}:${at}:${random}`,
    schema: s.worklistMarkSchema,
    appendOnly: true,
    placed: placed.worklistMark,
    label: label('worklistMark'),
  }),
  // A holder's bank card or 社保卡 for the township payroll (issue 17): masked unless revealed.
  payAccount: row({
    ...station,
    prefix: 'payAccount:',
    id: (place: string, residentId: string, effectiveFrom: string) => `payAccount:${place}:${residentKey(residentId)}:${effectiveFrom}`,
    schema: cycle.payAccountSchema,
    placed: placed.payAccount,
    label: label('payAccount'),
  }),
  // The county's post plan of a year (issue 17), entered at the county station.
  postPlan: row({ ...station, prefix: 'postPlan:', id: (county: string, year: number) => `postPlan:${county}:${year}`, schema: cycle.postPlanSchema, placed: placed.postPlan, label: label('postPlan') }),
  // ── 考核 (issue 17, shared/assessment): a holder's monthly assessment, a change supersedes ──
  assessment: row({
    ...station,
    prefix: 'assessment:',
    id: (postId: string, month: string, residentId: string, at: string) => `assessment:${postCode(postId)}:${month}:${residentKey(residentId)}:${at}`,
    schema: cycle.assessmentSchema,
    appendOnly: true,
    cached: true,
    placed: placed.assessment,
    label: label('assessment'),
  }),
  // A 扣款告知书 printed for an assessment entry: the payroll is final once every deduction's notice is.
  deductionNotice: row({
    ...station,
    prefix: 'deductionNotice:',
    id: (postId: string, month: string, residentId: string, at: string) => `deductionNotice:${postCode(postId)}:${month}:${residentKey(residentId)}:${at}`,
    schema: cycle.deductionNoticeSchema,
    appendOnly: true,
    cached: true,
    placed: placed.deductionNotice,
    label: label('deductionNotice'),
  }),
  // ── Recruitment (issue 17) ──
  // A post's opening (岗位公告): a record like a post, edited while open; the county reviews it and may lock it.
  opening: row({ ...station, prefix: 'opening:', id: (postId: string, random: string) => `opening:${postCode(postId)}:${random}`, schema: cycle.openingSchema, cached: true, placed: placed.opening, label: label('opening') }),
  // An opening's dated facts (报名, 撤回, 公示, 异议, 异议处理): append-only, never rewritten, so the public
  // process keeps its trail; not reviewed (like the audit log): the county sees them, and reviews the
  // assignment they lead to (its override reason included).
  recruitEntry: row({
    ...station,
    prefix: 'recruitEntry:',
    id: (openingId: string, at: string, random: string) => `recruitEntry:${after(openingId, 'opening:')}:${at}:${random}`,
    schema: cycle.recruitEntrySchema,
    appendOnly: true,
    cached: true,
    placed: placed.recruitEntry,
    label: label('recruitEntry'),
  }),
};

export type DocumentType = keyof typeof DOCUMENTS;
export const DOCUMENT_TYPES = Object.keys(DOCUMENTS) as DocumentType[];
const ROWS = Object.entries(DOCUMENTS) as [DocumentType, DocumentRow][];

/** Id builders by type: `docId.attendance(postId, residentId, date)`. */
export const docId = Object.fromEntries(ROWS.map(([type, r]) => [type, r.id])) as { [K in DocumentType]: (typeof DOCUMENTS)[K]['id'] };

/** Ids as they were built before ids carried places, for finding a record made then. */
export const legacyId = {
  post: (code: string) => `post:${code}`,
};

/** Every type's id prefix. */
export const PREFIX = Object.fromEntries(ROWS.map(([type, r]) => [type, r.prefix])) as { [K in DocumentType]: `${K}:` };

/**
 * The prefixes the core names by type (as before the registry): every type but the two the
 * sync alone handles (a resolution notice and the heartbeat), so that the import's error still
 * names those "unknown" until they have labels.
 */
export const ID_PREFIX = Object.fromEntries(
  ROWS.filter(([type]) => type !== 'resolution' && type !== 'heartbeat').map(([type, r]) => [type, r.prefix]),
) as { readonly [K in Exclude<DocumentType, 'resolution' | 'heartbeat'>]: `${K}:` };

const typesWhere = (test: (r: DocumentRow) => boolean) => ROWS.filter(([, r]) => test(r)).map(([type]) => type);
const prefixesWhere = (test: (r: DocumentRow) => boolean) => ROWS.filter(([, r]) => test(r)).map(([, r]) => r.prefix);

// ── What sync needs ─────────────────────────────────────────────────────────────────────────

/** Not records: batch manifests and heartbeats (bookkeeping) and what the county writes (reviews, unlocks, resolutions). */
export const BOOKKEEPING: readonly string[] = prefixesWhere((r) => !r.record);
/** What the county writes into a station's database. */
export const FROM_COUNTY: readonly string[] = prefixesWhere((r) => r.writer === 'county');
/** Documents that come from the county server (its decisions, the station's heartbeat echo). */
export const FROM_SERVER: readonly string[] = prefixesWhere((r) => r.writer === 'county' || r.writer === 'server');
/** What a county station sends to county_ref: the reference data its staff edit. */
export const REFERENCE_PREFIXES: readonly string[] = prefixesWhere((r) => r.reference === 'sent');
/** Ids that never wait to go up: `_design/`, `_local/` and the bookkeeping above. */
export const NOT_SENT = new RegExp(`^(?:_|${BOOKKEEPING.join('|')})`);

export function isReferenceId(id: string): boolean {
  return REFERENCE_PREFIXES.some((p) => id.startsWith(p));
}

// ── What the county's validation functions need ─────────────────────────────────────────────

/** Types a station (village or township) account may write into its station database. */
export const STATION_TYPES: readonly DocumentType[] = typesWhere((r) => r.writer === 'station' || r.writer === 'server');
/** Types only county accounts may write: a batch's review, an unlock, the record of a resolved conflict. */
export const COUNTY_ONLY_TYPES: readonly DocumentType[] = typesWhere((r) => r.writer === 'county');
/** Types county staff keep in county_ref. */
export const REF_TYPES: readonly DocumentType[] = typesWhere((r) => r.reference !== false);
/** Types whose documents nobody changes or deletes once stored (the county's validation refuses it). */
export const APPEND_ONLY_TYPES: readonly DocumentType[] = typesWhere((r) => r.appendOnly);
/** Types a station may never delete. */
export const LOCKED_TYPES: readonly DocumentType[] = typesWhere((r) => r.locked);
/** Types the core keeps in memory. */
export const CACHED_TYPES: readonly DocumentType[] = typesWhere((r) => r.cached);
/** Types whose ids carry the place of the station they belong to, with the shapes of their ids (see `placed`). */
export const PLACED_IDS: Readonly<Partial<Record<DocumentType, string>>> = Object.fromEntries(ROWS.flatMap(([type, r]) => (r.placed ? [[type, r.placed]] : [])));

// ── Looking up an id ─────────────────────────────────────────────────────────────────────────

/** The registered type of an id, or null (`_local/…`, `_design/…` and unknown prefixes). */
/** A record of the station's work (waits to go up), or an id of no known type; not bookkeeping. */
export function isRecordId(id: string): boolean {
  const type = typeOfId(id);
  return type === null || DOCUMENTS[type].record;
}

/** Documents of this type are written once and never rewritten by the core. */
export function isAppendOnlyId(id: string): boolean {
  const type = typeOfId(id);
  return type !== null && DOCUMENTS[type].appendOnly;
}

export function typeOfId(id: string): DocumentType | null {
  const at = id.indexOf(':');
  if (at <= 0) return null;
  const type = id.slice(0, at);
  return Object.prototype.hasOwnProperty.call(DOCUMENTS, type) ? (type as DocumentType) : null;
}

const placedPatterns = new Map(Object.entries(PLACED_IDS).map(([type, source]) => [type, new RegExp(source)]));

/**
 * The place an id carries (`audit:370102001002:…` → `370102001002`): a record of that place's
 * station. Null for an id of a type no station owns alone (a resident), of an unknown shape, or
 * made before ids carried places (a legacy id).
 */
export function placeOfId(id: string): string | null {
  const type = typeOfId(id);
  return (type && placedPatterns.get(type)?.exec(id)?.[1]) || null;
}

/** An id without its type and place: a post's code (`post:<place>:<code>` → `<code>`), a session's key. */
export function keyOfId(id: string): string {
  const type = typeOfId(id);
  if (type === null) return id;
  const place = placeOfId(id);
  return id.slice(PREFIX[type].length + (place === null ? 0 : place.length + 1));
}

/**
 * The parts of a post's or session's child id after its parent (`attendance:<place>:<code>:<month>:…`
 * → parent `post:<place>:<code>`, rest `[<month>, …]`), legacy ids too; null for other types.
 */
export function childIdParts(id: string): { parent: string; rest: string[] } | null {
  const type = typeOfId(id);
  const parent = type === 'assignment' || type === 'assignmentExit' || type === 'exitWithdrawal' || type === 'attendance' || type === 'monthClose' ? 'post:' : type === 'enrolment' || type === 'signIn' ? 'training:' : null;
  if (parent === null) return null;
  const parts = id.slice(PREFIX[type!].length).split(':');
  const keyLength = placeOfId(id) === null ? 1 : 2;
  if (parts.length <= keyLength) return null;
  return { parent: parent + parts.slice(0, keyLength).join(':'), rest: parts.slice(keyLength) };
}

/** The row of an id's type, or null. */
export function rowOfId(id: string): DocumentRow | null {
  const type = typeOfId(id);
  return type === null ? null : DOCUMENTS[type];
}

/** The stored schema of an id's type, or null. */
export function schemaOfId(id: string): z.ZodType | null {
  return rowOfId(id)?.schema ?? null;
}
