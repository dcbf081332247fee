// How the county screens read, as pure functions of the core's views: type and status labels,
// the stations' sync age, the review decisions of a batch (with the county rules' problems
// preset as returns) and the arguments of county.review, and a conflict's field comparison and
// the arguments of county.resolve.

import type { TFunction } from 'i18next';
import type { FieldIssue } from '../../shared/rpc/errors';
import type {
  ArgsOf,
  CountyBatchStatus,
  CountyBatchView,
  CountyConflictView,
  CountyRecordView,
  CountyStationView,
  StationLevel,
} from '../../shared/rpc/handlers';
import { formatRecordLabel } from '../../shared/documents/labelsFormat';
import type { RecordLabel } from '../../shared/documents/labelTypes';
import { PREFIX, keyOfId } from '../../shared/documents/registry';
import { fieldLabelKey, translateIssue } from '../errors';

export const COUNTY_TYPES = [
  'resident',
  'attendance',
  'signIn',
  'post',
  'assignment',
  'training',
  'enrolment',
  'monthClose',
  'policy',
  'audit',
  'station',
  'batch',
] as const;

export const COUNTY_BATCH_STATUSES: readonly CountyBatchStatus[] = ['new', 'accepted', 'returned', 'partial'];

export interface Text {
  key: string;
  params?: Record<string, string | number>;
}

export interface TypeLabel {
  /** The i18n key of a known type, or null: then show `raw`. */
  key: string | null;
  raw: string;
}

export function countyTypeLabel(type: string): TypeLabel {
  return { key: (COUNTY_TYPES as readonly string[]).includes(type) ? `county.types.${type}` : null, raw: type };
}

/** The counts as tags: known types in their usual order, then the others by name; zeros left out. */
export function countyCountTags(counts: Record<string, number>): { type: string; label: TypeLabel; count: number }[] {
  const order = (type: string) => {
    const at = (COUNTY_TYPES as readonly string[]).indexOf(type);
    return at < 0 ? COUNTY_TYPES.length : at;
  };
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([type, count]) => ({ type, label: countyTypeLabel(type), count }));
}

const STATUS_COLORS: Record<CountyBatchStatus, string> = { new: 'blue', accepted: 'green', returned: 'red', partial: 'orange' };

export function countyStatusTag(status: CountyBatchStatus): { color: string; key: string } {
  return { color: STATUS_COLORS[status] ?? 'default', key: `county.status.${status}` };
}

/** The station's sync age: red text when stale ("N 天未同步" / "从未同步"), none when fresh. */
export function staleText(station: Pick<CountyStationView, 'stale' | 'daysSinceSync' | 'lastSyncAt'>): Text | null {
  if (station.lastSyncAt === null || station.daysSinceSync === null) return { key: 'county.stations.never' };
  if (!station.stale) return null;
  return { key: 'county.stations.staleFor', params: { count: station.daysSinceSync } };
}

/** Stations silent longest first (never synced first of all), then by name. */
export function sortStations(stations: readonly CountyStationView[]): CountyStationView[] {
  const age = (s: CountyStationView) => (s.daysSinceSync === null ? Number.POSITIVE_INFINITY : s.daysSinceSync);
  return [...stations].sort((a, b) => age(b) - age(a) || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The station filter's choices: the directory's stations and any other station a batch names. */
export function stationOptions(
  stations: readonly Pick<CountyStationView, 'placeCode' | 'name'>[],
  batches: readonly Pick<CountyBatchView, 'placeCode' | 'stationName'>[],
): { value: string; label: string }[] {
  const out = new Map<string, string>();
  for (const s of stations) out.set(s.placeCode, s.name);
  for (const b of batches) if (!out.has(b.placeCode)) out.set(b.placeCode, b.stationName || b.placeCode);
  return [...out].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

// ── Reviewing a batch ─────────────────────────────────────────────────────────────────────

export type Decision = 'accepted' | 'returned';

export interface DecisionState {
  decision: Decision;
  reason: string;
}

/** The longest reason county.review takes. */
export const REASON_MAX = 200;

/** A county rule's problem as one line: the field's label, then the message (unless it names the field). */
export function problemText(t: TFunction, issue: FieldIssue): string {
  const message = translateIssue(t, issue);
  if (!issue.field) return message;
  const label = t(fieldLabelKey(issue.field), { defaultValue: issue.field });
  return message.includes(label) ? message : `${label}：${message}`;
}

/** The decisions to start from: the earlier review's, else a return (with the problems as the reason) for
 * records failing county rules, else accept. */
export function initialDecisions(records: readonly CountyRecordView[], describe: (issue: FieldIssue) => string): DecisionState[] {
  return records.map((record) => {
    if (record.decision) return { decision: record.decision, reason: record.reason };
    if (record.problems.length > 0) {
      return { decision: 'returned', reason: record.problems.map(describe).join('；').slice(0, REASON_MAX) };
    }
    return { decision: 'accepted', reason: '' };
  });
}

export type ReviewPlan = { ok: true; args: ArgsOf<'county.review'> } | { ok: false; missingReason: number[] };

/** county.review's arguments for these decisions, or the indexes of returns without a reason. */
export function reviewArgs(batchId: string, records: readonly CountyRecordView[], decisions: readonly DecisionState[]): ReviewPlan {
  const missingReason: number[] = [];
  const items = records.map((record, i) => {
    const state = decisions[i] ?? { decision: 'accepted' as const, reason: '' };
    const reason = state.decision === 'returned' ? state.reason.trim() : '';
    if (state.decision === 'returned' && reason === '') missingReason.push(i);
    return { id: record.id, rev: record.rev, decision: state.decision, reason };
  });
  if (missingReason.length > 0) return { ok: false, missingReason };
  return { ok: true, args: { batchId, records: items } };
}

/** Accept every record of the batch. */
export function acceptAllArgs(batchId: string, records: readonly CountyRecordView[]): ArgsOf<'county.review'> {
  return { batchId, records: records.map((record) => ({ id: record.id, rev: record.rev, decision: 'accepted', reason: '' })) };
}

export function countDecisions(decisions: readonly DecisionState[]): { accepted: number; returned: number } {
  let returned = 0;
  for (const d of decisions) if (d.decision === 'returned') returned += 1;
  return { accepted: decisions.length - returned, returned };
}

/** Record indexes the core's validation named (`records.<i>.<field>`), with the issue. */
export function issuesByRecord(issues: readonly FieldIssue[]): Map<number, FieldIssue> {
  const out = new Map<number, FieldIssue>();
  for (const issue of issues) {
    const match = /^records\.(\d+)(\.|$)/.exec(issue.field);
    if (match) {
      const index = Number(match[1]);
      if (!out.has(index)) out.set(index, issue);
    }
  }
  return out;
}

/** The page (1-based) of a table paginated by `pageSize` that shows the record at `index`. */
export function pageOf(index: number, pageSize: number): number {
  return Math.floor(index / pageSize) + 1;
}

// ── Conflicts ─────────────────────────────────────────────────────────────────────────────

export interface FieldRow {
  field: string;
  differing: boolean;
}

/** The comparison's rows: the differing fields first (in the core's order), then the others by name. */
export function conflictFields(conflict: Pick<CountyConflictView, 'revisions' | 'differing'>): FieldRow[] {
  const all = new Set<string>();
  for (const revision of conflict.revisions) for (const field of Object.keys(revision.fields)) all.add(field);
  const differing = new Set<string>();
  // A field missing from one revision differs too, even if the core did not say so.
  for (const field of all) {
    const values = new Set(conflict.revisions.map((r) => r.fields[field] ?? ''));
    if (values.size > 1) differing.add(field);
  }
  for (const field of conflict.differing) if (all.has(field)) differing.add(field);
  const first = [...conflict.differing.filter((f) => differing.has(f)), ...[...differing].filter((f) => !conflict.differing.includes(f)).sort()];
  const rest = [...all].filter((f) => !differing.has(f)).sort();
  return [...first.map((field) => ({ field, differing: true })), ...rest.map((field) => ({ field, differing: false }))];
}

/** The revision to keep before anyone chooses: CouchDB's winner, else the first. */
export function defaultKeep(conflict: Pick<CountyConflictView, 'revisions'>): string {
  return (conflict.revisions.find((r) => r.winner) ?? conflict.revisions[0])?.rev ?? '';
}

/** The fields taken from another revision than the kept one (the merge), only for differing fields. */
export function mergeFields(keepRev: string, picks: Readonly<Record<string, string>>, fields: readonly FieldRow[]): Record<string, string> {
  const differing = new Set(fields.filter((f) => f.differing).map((f) => f.field));
  const out: Record<string, string> = {};
  for (const [field, rev] of Object.entries(picks)) if (differing.has(field) && rev !== keepRev) out[field] = rev;
  return out;
}

export function resolveArgs(
  conflict: Pick<CountyConflictView, 'id' | 'revisions' | 'differing'>,
  keepRev: string,
  picks: Readonly<Record<string, string>>,
  reason: string,
): ArgsOf<'county.resolve'> {
  return { id: conflict.id, keepRev, fields: mergeFields(keepRev, picks, conflictFields(conflict)), reason: reason.trim() };
}

/** Fields whose values are enum codes: the i18n key of a code, and whether the value is a comma-separated list. */
const ENUM_FIELDS: Record<string, { key: (code: string) => string; list: boolean }> = {
  sex: { key: (c) => `enums.sex.${c}`, list: false },
  householdType: { key: (c) => `enums.householdType.${c}`, list: false },
  education: { key: (c) => `enums.education.${c}`, list: false },
  kind: { key: (c) => `enums.kind.${c}`, list: false },
  status: { key: (c) => `enums.status.${c}`, list: false },
  unemploymentType: { key: (c) => `enums.unemploymentType.${c}`, list: false },
  closeReason: { key: (c) => `enums.closeReason.${c}`, list: false },
  targetGroups: { key: (c) => `enums.targetGroup.${c}`, list: true },
  careCategories: { key: (c) => `enums.careCategory.${c}`, list: true },
  hardshipCategories: { key: (c) => `enums.hardshipCategory.${c}`, list: true },
  mark: { key: (c) => `labels.marks.${c}`, list: false },
  half: { key: (c) => `labels.half.${c}`, list: false },
  level: { key: (c) => `training.levels.${c}`, list: false },
  method: { key: (c) => `training.methods.${c}`, list: false },
};

/** The same leaf names a different vocabulary in some types' documents. */
const TYPE_FIELDS: Record<string, Record<string, { key: (code: string) => string; list: boolean }>> = {
  post: { kind: { key: (c) => `errors.labels.postKind.${c}`, list: false } },
  monthClose: { status: { key: (c) => `labels.monthStatus.${c}`, list: false } },
  resident: { 'closure.reason': { key: (c) => `enums.closeReason.${c}`, list: false } },
};

/** Fields holding another record's id: the same in every revision (part of the record's own id). */
const REFERENCE_FIELDS = new Set(['residentId', 'sessionId', 'targetId', 'batchId']);

/** A compared field's value as a person reads it: codes by their labels, yes/no, no internal ids; anything else as is. */
export function fieldValueText(t: TFunction, field: string, value: string, type?: string): string {
  if (value === '') return value;
  const leaf = field.split('.').pop() ?? field;
  if (value === 'true' || value === 'false') return t(`labels.${value === 'true' ? 'yes' : 'no'}`);
  if (REFERENCE_FIELDS.has(leaf)) return t('labels.reference');
  if (leaf === 'postId') return value.startsWith(PREFIX.post) ? keyOfId(value) : value;
  const spec = (type ? (TYPE_FIELDS[type]?.[field] ?? TYPE_FIELDS[type]?.[leaf]) : undefined) ?? ENUM_FIELDS[leaf];
  if (!spec) return value;
  const label = (code: string) => t(spec.key(code), { defaultValue: code });
  if (!spec.list) return label(value);
  return value
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '')
    .map(label)
    .join('、');
}

/** A compared field's name: the record view's own name for it, else the form's label, else the path. */
export function fieldNameText(t: TFunction, field: string): string {
  for (const key of [`labels.fields.${field.replace(/\./g, '_')}`, fieldLabelKey(field)]) {
    const text = t(key, { defaultValue: '' });
    if (text) return text;
  }
  return field;
}

/** A conflict's record in words. */
export function conflictLabelText(t: TFunction, label: RecordLabel): string {
  return formatRecordLabel(t, label);
}

/** The distinct stations of a conflict's revisions, in order. */
export function conflictStations(conflict: Pick<CountyConflictView, 'revisions'>): string[] {
  return [...new Set(conflict.revisions.map((r) => r.stationName || r.placeCode))];
}

// ── Setting up a station ──────────────────────────────────────────────────────────────────

/** The station level a place cascader's path chooses (city → county → township → village); null for a city. */
export function levelOfPath(path: readonly string[] | undefined): StationLevel | null {
  switch (path?.length) {
    case 2:
      return 'county';
    case 3:
      return 'township';
    case 4:
      return 'village';
    default:
      return null;
  }
}
