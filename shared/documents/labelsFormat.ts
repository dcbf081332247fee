// A record's label (labels.ts) in the reader's language: the one function every screen that names
// a record calls (county review, batch detail, conflicts, the village's batches, the audit log).
import type { TFunction } from 'i18next';
import type { AuditLabel, PersonLabel, RecordLabel, SessionLabel } from './labels';
import { DOCUMENTS, type DocumentType } from './registry';

/**
 * The type's name (the registry's label); the database's own index documents (`_design`, as the
 * diagnostics count them) and ids of no known type by what they are, never by a raw name.
 */
export function recordTypeName(t: TFunction, type: string | null): string {
  const row = type !== null && Object.hasOwn(DOCUMENTS, type) ? DOCUMENTS[type as DocumentType] : null;
  if (row?.label) return t(row.label);
  return t(type === '_design' ? 'labels.designDocuments' : 'labels.otherDocuments');
}

export function formatPerson(t: TFunction, person: PersonLabel | null | undefined): string {
  if (!person || (!person.name && !person.idNumber)) return t('labels.unknownPerson');
  return t('labels.person', { name: person.name, idNumber: person.idNumber }).trim();
}

export function formatMonth(t: TFunction, month: string | undefined): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  return m ? t('labels.month', { year: m[1], month: m[2] }) : (month ?? '');
}

/** A local time `YYYY-MM-DD HH:mm` of an ISO instant (as is when it is none). */
export function formatInstant(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function formatSession(t: TFunction, session: SessionLabel | null | undefined): string {
  if (!session) return t('labels.unknownSession');
  const level = session.level ? ` ${t(`training.levels.${session.level}`)}` : '';
  return `${session.occupation}${level}${t('labels.sep')}${t('labels.range', { from: session.from, to: session.to })}`;
}

/** The label's parts, joined by the separator (empty parts left out). */
function parts(t: TFunction, label: RecordLabel): string[] {
  const range = () => t('labels.range', { from: label.from ?? '', to: label.to ?? '' });
  switch (label.type) {
    case 'resident':
      return [formatPerson(t, label.person)];
    case 'post':
    case 'course': {
      const name = label.code ? t('labels.named', { name: label.name ?? '', code: label.code }) : (label.name ?? '');
      return [label.level ? `${name} ${t(`training.levels.${label.level}`)}` : name];
    }
    case 'assignment':
      return [formatPerson(t, label.person), label.post ?? '', range()];
    case 'assignmentExit':
    case 'exitWithdrawal':
      return [formatPerson(t, label.person), label.post ?? '', label.date ?? ''];
    case 'attendance':
      return [formatPerson(t, label.person), label.post ?? '', t('labels.dayMark', { date: label.date ?? '', mark: label.mark ? t(`labels.marks.${label.mark}`) : '' }).trim()];
    case 'monthClose':
      return [`${label.post ?? ''} ${formatMonth(t, label.month)} ${label.monthStatus ? t(`labels.monthStatus.${label.monthStatus}`) : ''}`.trim()];
    case 'training':
      return [formatSession(t, label.session)];
    case 'enrolment':
      return [formatPerson(t, label.person), formatSession(t, label.session)];
    case 'signIn':
      return [formatPerson(t, label.person), label.session ? label.session.occupation : '', `${label.date ?? ''} ${label.half ? t(`labels.half.${label.half}`) : ''}`.trim()];
    case 'station':
      return [label.name ?? ''];
    case 'heartbeat':
      return [label.name ?? '', formatInstant(label.at)];
    case 'policy':
      return [label.policy ? t(`policy.kinds.${label.policy}`) : '', label.date ? t('labels.since', { date: label.date }) : ''];
    case 'audit':
      return [label.audit ? formatAudit(t, label.audit, label.about ?? null) : '', formatInstant(label.at)];
    case 'batch':
      return [formatInstant(label.at)];
    case 'review':
      return [label.decision ? t('labels.decided', { decision: t(`labels.decision.${label.decision}`), at: formatInstant(label.at) }) : formatInstant(label.at)];
    case 'unlock':
    case 'resolution':
      return [label.about ? formatRecordLabel(t, label.about, { withType: true }) : '', formatInstant(label.at)];
    case 'employment':
      return [formatPerson(t, label.person), `${label.date ?? ''} ${label.employmentStatus ? t(`employment.statuses.${label.employmentStatus}`) : ''}`.trim()];
    case 'service': {
      const what = label.referralResult ? t(`services.results.${label.referralResult}`) : label.serviceKind ? t(`services.kinds.${label.serviceKind}`) : '';
      return [formatPerson(t, label.person), `${label.date ?? ''} ${what}`.trim()];
    }
    case 'assessment':
    case 'deductionNotice':
      return [formatPerson(t, label.person), label.post ?? '', formatMonth(t, label.month)];
    case 'worklistMark':
      return [
        label.person ? formatPerson(t, label.person) : '',
        [label.worklistRule ? t(`worklist.rules.${label.worklistRule}`) : '', label.worklistMark ? t(`worklist.marks.${label.worklistMark}`) : ''].filter(Boolean).join(' '),
        formatInstant(label.at),
      ];
    default:
      return [];
  }
}

/**
 * What a person recognises the record by, in their language: `张三 3701**********1234 · 保洁员 ·
 * 2026-11-05 出勤`. `withType` puts the type's name first (`月度结算 保洁员 2026年11月 已结账`), for
 * lists without a type column.
 */
export function formatRecordLabel(t: TFunction, label: RecordLabel, options: { withType?: boolean } = {}): string {
  // A record not found: its type is all there is to say.
  if (Object.keys(label).length === 1) return recordTypeName(t, label.type);
  const text = parts(t, label)
    .filter((p) => p !== '')
    .join(t('labels.sep'));
  if (!options.withType) return text || recordTypeName(t, label.type);
  return text ? t('labels.typed', { type: recordTypeName(t, label.type), label: text }) : recordTypeName(t, label.type);
}

/** What an audit entry did, without its action (the audit log shows the action in a column of its own). */
export function formatAuditDetail(t: TFunction, audit: AuditLabel, target: RecordLabel | null): string {
  const named = (label: RecordLabel) => formatRecordLabel(t, label, { withType: !['resident', 'post', 'training'].includes(label.type ?? '') });
  if (!audit.detail) return target ? named(target) : '';
  const translated = Object.fromEntries(Object.entries(audit.keys).map(([name, key]) => [name, t(key)]));
  const params: Record<string, string | number> = { mode: '', half: '', when: '', ...audit.params, ...translated };
  if (typeof params.until === 'string') params.until = formatInstant(params.until);
  params.target = target ? named(target) : '';
  return t(`labels.audit.detail.${audit.detail}`, params).replace(/\s+/g, ' ').trim();
}

/** An audit entry's action and what it did, with the record it names (already looked up) in words. */
export function formatAudit(t: TFunction, audit: AuditLabel, target: RecordLabel | null): string {
  const action = t(`access.audit.actions.${audit.action}`);
  const detail = formatAuditDetail(t, audit, target);
  return detail ? t('labels.audit.entry', { action, detail }) : action;
}
