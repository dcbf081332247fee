// What a person recognises a record by, as data: built where the documents are (the core, the
// county's review) from a document and the people, posts and sessions it names, and put into
// words in the reader's language by labelsFormat.ts. Never an internal id, a raw enum value shown
// as text, or a full ID number: the person's name and masked number, the post's name, the month…
import type { AuditActionName } from '../access/contract';
import { maskIdNumber } from '../id/mask';
import { placeName } from '../places';
import type { PolicyKind } from '../policy/parameters';
import type { AttendanceMark } from '../posts/schema';
import type { HalfDay, TrainingLevel } from '../training/schema';
import type { AuditLabel, PersonLabel, RecordLabel, SessionLabel } from './labelTypes';
import { ID_PATTERNS } from './ids';
import { keyOfId, typeOfId } from './registry';

export type { AuditLabel, PersonLabel, RecordLabel, SessionLabel } from './labelTypes';

/** The people, posts and sessions a document names, looked up by whoever labels it. */
export interface LabelRefs {
  person(residentId: string): PersonLabel | undefined;
  post(postId: string): string | undefined;
  session(sessionId: string): SessionLabel | undefined;
}

export const NO_REFS: LabelRefs = { person: () => undefined, post: () => undefined, session: () => undefined };

type Doc = Record<string, unknown>;
const str = (doc: Doc, key: string) => (typeof doc[key] === 'string' ? (doc[key] as string) : '');

/** A resident document as a person label. */
export function personOf(doc: Doc): PersonLabel {
  return { name: str(doc, 'name'), idNumber: maskIdNumber(str(doc, 'idNumber')) };
}

/** A training document as a session label. */
export function sessionOf(doc: Doc): SessionLabel {
  const course = (doc.course ?? {}) as { occupation?: unknown; level?: unknown };
  return {
    occupation: typeof course.occupation === 'string' ? course.occupation : '',
    level: typeof course.level === 'string' ? (course.level as TrainingLevel) : null,
    from: str(doc, 'startDate'),
    to: str(doc, 'endDate'),
  };
}

/** The ids of the residents, posts and sessions documents name (what a labeller has to look up). */
export function referencedIds(docs: Iterable<Doc | null | undefined>): { residents: Set<string>; posts: Set<string>; sessions: Set<string> } {
  const out = { residents: new Set<string>(), posts: new Set<string>(), sessions: new Set<string>() };
  for (const doc of docs) {
    if (!doc) continue;
    if (typeof doc.residentId === 'string') out.residents.add(doc.residentId);
    if (typeof doc.postId === 'string') out.posts.add(doc.postId);
    if (typeof doc.sessionId === 'string') out.sessions.add(doc.sessionId);
    if (typeof doc.targetId === 'string') {
      const target = auditTarget(doc.targetId);
      if (target.startsWith('resident:')) out.residents.add(target);
      else if (target.startsWith('post:')) out.posts.add(target);
      else if (target.startsWith('training:')) out.sessions.add(target);
    }
  }
  return out;
}

/** What a print's target adds to the record printed: a month to a post, a date and half-day to a session. */
const PRINTED_PART = { post: /^\d{4}-\d{2}$/, training: /^\d{4}-\d{2}-\d{2}:(?:am|pm)$/ };

/** The record an audit entry's target names (`post:<place>:X:2026-11` → `post:<place>:X`), or the target as it is. */
export function auditTarget(targetId: string): string {
  const type = typeOfId(targetId);
  if (type !== 'post' && type !== 'training') return targetId;
  const parts = targetId.split(':');
  for (let n = 2; n < parts.length; n++) {
    const record = parts.slice(0, n).join(':');
    if (ID_PATTERNS[type].test(record) && PRINTED_PART[type].test(parts.slice(n).join(':'))) return record;
  }
  return targetId;
}

/** The label of the record an audit entry, an unlock or a resolution is about, from what refs know. */
function aboutOf(targetId: string, refs: LabelRefs): RecordLabel | undefined {
  const id = auditTarget(targetId);
  const type = typeOfId(id);
  if (type === 'resident') return { type, person: refs.person(id) ?? null };
  if (type === 'post') return { type, name: refs.post(id) ?? keyOfId(id) };
  if (type === 'training') return { type, session: refs.session(id) ?? null };
  return type ? { type } : undefined;
}

/** A place's name (a heartbeat or a directory entry without one). */
const placeOf = (code: string) => placeName(code) ?? code;

/** A document's label; `id` labels what is missing (a record not found shows its type only). */
export function describeRecord(doc: Doc | null | undefined, id: string, refs: LabelRefs = NO_REFS): RecordLabel {
  const type = typeOfId(id) ?? (typeof doc?.type === 'string' ? typeOfId(`${doc.type}:`) : null);
  if (!doc) return { type };
  const s = (key: string) => str(doc, key);
  const person = () => refs.person(s('residentId')) ?? null;
  const post = () => refs.post(s('postId')) ?? keyOfId(s('postId'));
  const session = () => refs.session(s('sessionId')) ?? null;
  switch (type) {
    case 'resident':
      return { type, person: personOf(doc) };
    case 'post':
      return { type, name: s('name'), code: s('code') };
    case 'assignment':
      return { type, person: person(), post: post(), from: s('startDate'), to: s('endDate') };
    case 'assignmentExit':
      return { type, person: person(), post: post(), date: s('date') };
    case 'exitWithdrawal':
      return { type, person: person(), post: post(), date: s('exitDate') };
    case 'attendance':
      return { type, person: person(), post: post(), date: s('date'), mark: s('mark') as AttendanceMark };
    case 'monthClose':
      return { type, post: post(), month: s('month'), monthStatus: s('status') as 'closed' | 'reopened' };
    case 'training':
      return { type, session: sessionOf(doc) };
    case 'enrolment':
      return { type, person: person(), session: session() };
    case 'signIn':
      return { type, person: person(), session: session(), date: s('date'), half: s('half') as HalfDay };
    case 'course':
      return { type, name: s('occupation'), code: s('code'), level: s('level') as TrainingLevel };
    case 'station':
    case 'heartbeat':
      return { type, name: s('name') || placeOf(s('placeCode')), ...(type === 'heartbeat' ? { at: s('lastSyncAt') } : {}) };
    case 'policy':
      return { type, policy: s('kind') as PolicyKind, date: s('effectiveFrom') };
    case 'audit': {
      const about = aboutOf(s('targetId'), refs);
      return { type, at: s('createdAt'), audit: auditLabel({ action: s('action') as AuditActionName, targetId: s('targetId'), field: s('field'), reason: s('reason') }), ...(about ? { about } : {}) };
    }
    case 'batch':
      return { type, at: s('createdAt') };
    case 'review':
      return { type, at: s('updatedAt'), decision: s('decision') as RecordLabel['decision'] };
    case 'unlock':
    case 'resolution': {
      const about = aboutOf(s('targetId'), refs);
      return { type, at: s('createdAt'), ...(about ? { about } : {}) };
    }
    case 'employment':
      return { type, person: person(), date: s('effectiveDate'), employmentStatus: s('status') };
    case 'service':
      return { type, person: person(), date: s('date'), ...(s('entry') === 'result' ? { referralResult: s('result') } : { serviceKind: s('kind') }) };
    case 'assessment':
    case 'deductionNotice':
      return { type, person: person(), post: post(), month: s('month') };
    case 'worklistMark':
      return { type, ...(s('residentId') ? { person: person() } : {}), at: s('createdAt'), worklistMark: s('kind'), worklistRule: s('rule') };
    case 'opening':
      return { type, post: post(), from: s('windowFrom'), to: s('windowTo') };
    case 'recruitEntry':
      return { type, ...(s('residentId') ? { person: person() } : {}), date: s('date') };
    default:
      return { type };
  }
}

const PRINT_FORMS = new Set(['registration', 'hardshipApplication', 'hardshipNotice', 'attendance', 'signInSheet', 'trainingSummary', 'visitRecord', 'serviceCard', 'deductionNotice', 'recruitNotice', 'recruitPublicity', 'payroll']);
const ACCOUNT_CHANGES = new Set(['changePassword', 'create', 'update', 'resetPassword', 'unlock', 'idleLockMinutes', 'backupPassphrase']);

/**
 * What an audit entry did, read from the parts the core writes (see the `audit(...)` calls):
 * `export residents "ledger all 11"` → detail `ledgerExport` with status all and count 11.
 * An entry of a shape not known here keeps no detail (the action alone is shown).
 */
export function auditLabel(entry: { action: AuditActionName; targetId: string; field: string; reason?: string | undefined }): AuditLabel {
  const { action, targetId, field } = entry;
  const reason = entry.reason ?? '';
  const words = field.split(' ');
  const count = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : 0);
  const label = (detail: string | null, params: Record<string, string | number> = {}, keys: Record<string, string> = {}): AuditLabel => ({ action, detail, params, keys });
  const mode = (m: string) => (m === 'full' || m === 'masked' ? { mode: `labels.audit.mode.${m}` } : ({} as Record<string, string>));
  switch (action) {
    case 'reveal':
      return label(field === 'phone' ? 'revealPhone' : field === 'payAccount' ? 'revealPayAccount' : 'revealIdNumber');
    case 'override':
      return label('override');
    case 'reopenMonth':
    case 'withdrawExit':
      return label('reopenMonth');
    case 'print': {
      const form = PRINT_FORMS.has(field) ? field : null;
      if (!form) return label(null);
      const full: Record<string, string> = /:full$/.test(reason) ? { mode: 'labels.audit.mode.full' } : /:masked$/.test(reason) ? { mode: 'labels.audit.mode.masked' } : {};
      // The printed part ends the target (`<post id>:<month>`, `<session id>:<date>:<half>`), whatever shape the id has.
      const parts = targetId.split(':');
      const [last, beforeLast] = [parts[parts.length - 1] ?? '', parts[parts.length - 2] ?? ''];
      const when = form === 'hardshipNotice' ? `${parts[1] ?? ''} – ${parts[2] ?? ''}` : form === 'attendance' ? last : form === 'signInSheet' ? beforeLast : '';
      const half: Record<string, string> = form === 'signInSheet' && (last === 'am' || last === 'pm') ? { half: `labels.half.${last}` } : {};
      return label(when ? 'printWhen' : 'print', { when, count: count(/^applicants:(\d+)$/.exec(reason)?.[1]) }, { form: `labels.forms.${form}`, ...full, ...half });
    }
    case 'export':
      if (words[0] === 'ledger') return label('ledgerExport', { count: count(words[2]) }, { status: `labels.audit.ledgerStatus.${words[1] === 'active' || words[1] === 'closed' ? words[1] : 'all'}`, ...mode(reason) });
      if (words[0] === 'errorSheet') return label('errorSheetExport', { count: count(words[1]) });
      if (words[0] === 'attendance') return label('attendanceExport', { month: words[1] ?? '', count: count(words[2]) }, mode(reason));
      if (words[0] === 'training') return label('trainingExport', { count: count(words[1]) }, mode(reason));
      if (words[0] === 'audit') return label('auditExport', { count: count(words[1]) });
      if (words[0] === 'usb') return label('usbExport', { count: count(words[1]) });
      if (field === 'bundle') return label('diagnosticsExport');
      if (field === 'statistics') return label('statisticsExport', { range: reason.replace('..', ' – ') });
      return label(null);
    case 'import':
      if (field === 'roster') {
        const m = /imported (\d+), existing (\d+), skipped (\d+)/.exec(reason);
        return label('rosterImport', { imported: count(m?.[1]), existing: count(m?.[2]), skipped: count(m?.[3]) });
      }
      if (words[0] === 'usb') return label('usbImport', { count: count(words[1]), imported: count(words[3]) });
      return label(null);
    case 'unlock':
      return label('unlock');
    case 'account': {
      const change = words[0] ?? '';
      const user = targetId.startsWith('user:') ? targetId.slice(5) : '';
      if (!ACCOUNT_CHANGES.has(change)) return label(null);
      if (change === 'idleLockMinutes') {
        const [before, after] = reason.split('→');
        return label('idleLockMinutes', { before: before ?? '', after: after ?? '' });
      }
      if (change === 'backupPassphrase') return label(reason === 'changed' ? 'backupPassphraseChanged' : 'backupPassphraseSet');
      const role = /^role (\w+)$/.exec(reason)?.[1];
      return label(`account.${change}`, { user }, role && ['clerk', 'township', 'county', 'admin'].includes(role) ? { role: `access.roles.${role}` } : {});
    }
    case 'loginFailed': {
      const [n, of] = reason.split('/');
      return label('loginFailed', { user: targetId.replace(/^user:/, ''), count: count(n), of: count(of) });
    }
    case 'lockout':
      return label('lockout', { user: targetId.replace(/^user:/, ''), until: reason.replace(/^locked until /, '') });
    case 'reopen': {
      const close = /^closure (\w+) (\d{4}-\d{2}-\d{2})$/.exec(field);
      return close ? label('reopen', { date: close[2]! }, { closeReason: `enums.closeReason.${close[1]}` }) : label(null);
    }
    case 'idSearch':
      return label('idSearch');
    default:
      return label(null);
  }
}

/** Looks up the people, posts and sessions among documents at hand (by id). */
export function refsFromDocs(get: (id: string) => Doc | null | undefined): LabelRefs {
  return {
    person: (id) => {
      const doc = get(id);
      return doc ? personOf(doc) : undefined;
    },
    post: (id) => {
      const doc = get(id);
      return doc && typeof doc.name === 'string' ? doc.name : undefined;
    },
    session: (id) => {
      const doc = get(id);
      return doc ? sessionOf(doc) : undefined;
    },
  };
}

/** Labels of documents, with what they name fetched by `fetch` (ids it does not find are left out). */
export async function labelDocuments(
  items: readonly { id: string; doc: Doc | null | undefined }[],
  fetch: (ids: string[]) => Promise<Map<string, Doc>>,
): Promise<RecordLabel[]> {
  const known = new Map<string, Doc>();
  for (const item of items) if (item.doc) known.set(item.id, item.doc);
  const refs = referencedIds(items.map((i) => i.doc));
  const wanted = [...refs.residents, ...refs.posts, ...refs.sessions].filter((id) => !known.has(id));
  if (wanted.length) for (const [id, doc] of await fetch(wanted)) known.set(id, doc);
  const lookup = refsFromDocs((id) => known.get(id));
  return items.map((item) => describeRecord(item.doc, item.id, lookup));
}

/** An audit label with the account it names by display name (a name never an account stays as typed). */
export function withDisplayNames(what: AuditLabel, names: ReadonlyMap<string, string>): AuditLabel {
  const user = what.params.user;
  return typeof user === 'string' && names.has(user) ? { ...what, params: { ...what.params, user: names.get(user)! } } : what;
}

/** Actions whose reason a person wrote (the others' reasons are the core's own notes, worded by the detail). */
const WRITTEN_REASONS: ReadonlySet<string> = new Set(['override', 'reopenMonth', 'withdrawExit', 'unlock', 'reopen']);

/** The reason of an audit entry as a person wrote it, or '' where the core wrote it. */
export function writtenReason(entry: { action: string; reason?: string | undefined }): string {
  return WRITTEN_REASONS.has(entry.action) ? (entry.reason ?? '') : '';
}
