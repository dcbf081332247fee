// Every document type of the registry and every audit action through the one labeller, in both
// languages: no raw enum value, internal id, English word (in zh-CN) or missing text may reach a
// person.
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, type AuditActionName } from '../access/contract';
import { translatorsWithMissing, type Translators } from '../i18n/testTranslators';
import { POLICY_KINDS } from '../policy/parameters';
import { ATTENDANCE_MARKS } from '../posts/schema';
import { ROLES } from '../rpc/define';
import { CLOSE_REASONS } from '../residents/schema';
import { LEDGER_STATUSES } from '../sheets/contract';
import { HALF_DAYS, TRAINING_LEVELS } from '../training/schema';
import { ID_PATTERNS } from './ids';
import { auditLabel, auditTarget, describeRecord, refsFromDocs, withDisplayNames, type RecordLabel } from './labels';
import { formatAudit, formatAuditDetail, formatRecordLabel, recordTypeName } from './labelsFormat';
import { DOCUMENT_TYPES, docId, legacyId, type DocumentType } from './registry';

const RESIDENT_KEY = 'vjbek35abcdefghijklmnopqrs';
const SESSION_KEY = 'ieq7ycrjd2zzqdpy';
const residentId = `resident:${RESIDENT_KEY}`;
const PLACE = '370102001002';
const postId = docId.post(PLACE, 'GY-001');
const sessionId = docId.training(PLACE, SESSION_KEY);
const batchId = docId.batch(PLACE, '2026-12-06T02:03:04.000Z', 'abcdef');
const stamp = { schemaVersion: 1, placeCode: '370102001002', createdBy: 'wangxy', createdAt: '2026-12-06T02:03:04.000Z', updatedBy: 'wangxy', updatedAt: '2026-12-06T02:03:04.000Z' };

const resident = { _id: residentId, type: 'resident', ...stamp, name: '张三', idNumber: '370102199001011234', sex: 'male', birthDate: '1990-01-01' };
const post = { _id: postId, type: 'post', ...stamp, code: 'GY-001', name: '保洁员', kind: 'rural', category: 'cleaning' };
const session = { _id: sessionId, type: 'training', ...stamp, course: { occupation: '育婴员', level: 'level4' }, startDate: '2026-12-01', endDate: '2026-12-20' };

/** One document of every type (a type added to the registry without one here does not compile). */
const DOCS: Record<DocumentType, Record<string, unknown>> = {
  resident,
  audit: { _id: docId.audit(PLACE, '2026-12-06T02:03:04.000Z', 'abcdefgh'), type: 'audit', ...stamp, action: 'reveal', targetId: residentId, field: 'idNumber' },
  policy: { _id: 'policy:posts:2026-01-01', type: 'policy', ...stamp, kind: 'posts', effectiveFrom: '2026-01-01' },
  station: { _id: docId.station(PLACE), type: 'station', placeCode: '370102001002', name: '甲村服务站' },
  post,
  assignment: { _id: docId.assignment(postId, residentId, '2026-11-01'), type: 'assignment', ...stamp, postId, residentId, startDate: '2026-11-01', endDate: '2026-12-31' },
  attendance: { _id: docId.attendance(postId, residentId, '2026-11-05'), type: 'attendance', ...stamp, postId, residentId, date: '2026-11-05', mark: 'sickLeave', hours: 0 },
  assignmentExit: { _id: docId.assignmentExit(docId.assignment(postId, residentId, '2026-11-01')), type: 'assignmentExit', ...stamp, postId, residentId, date: '2026-12-10', reason: 'employed' },
  exitWithdrawal: { _id: docId.exitWithdrawal(docId.assignmentExit(docId.assignment(postId, residentId, '2026-11-01'))), type: 'exitWithdrawal', ...stamp, postId, residentId, exitDate: '2026-12-10', reason: '日期记错' },
  monthClose: { _id: docId.monthClose(postId, '2026-11'), type: 'monthClose', ...stamp, postId, month: '2026-11', status: 'closed' },
  training: session,
  enrolment: { _id: docId.enrolment(sessionId, residentId), type: 'enrolment', ...stamp, sessionId, residentId },
  signIn: { _id: docId.signIn(sessionId, '2026-12-06', 'am', residentId), type: 'signIn', ...stamp, sessionId, residentId, date: '2026-12-06', half: 'am' },
  review: { _id: docId.review(batchId), type: 'review', ...stamp, batchId, decision: 'partial', records: [] },
  batch: { _id: batchId, type: 'batch', ...stamp, via: 'sync' },
  unlock: { _id: docId.unlock(residentId, stamp.createdAt), type: 'unlock', ...stamp, targetId: residentId, reason: '更正' },
  course: { _id: 'course:C-01', type: 'course', ...stamp, code: 'C-01', occupation: '育婴员', level: 'specialAbility' },
  resolution: { _id: docId.resolution(residentId, stamp.createdAt, '370102001002'), type: 'resolution', ...stamp, targetId: residentId, reason: '核实' },
  heartbeat: { _id: docId.heartbeat(PLACE), type: 'heartbeat', ...stamp, lastSyncAt: stamp.createdAt },
  employment: { _id: docId.employment(PLACE, residentId, '2026-11-01', 'abcd1234'), type: 'employment', ...stamp, residentId, status: 'migrant', effectiveDate: '2026-11-01' },
  service: { _id: docId.service(PLACE, residentId, stamp.createdAt, 'abcdefgh'), type: 'service', ...stamp, entry: 'service', residentId, date: '2026-12-06', channel: 'homeVisit', kind: 'jobReferral', content: '推荐保洁岗位', outcome: '' },
  worklistMark: { _id: docId.worklistMark(PLACE, stamp.createdAt, 'abcdefgh'), type: 'worklistMark', ...stamp, key: 'unemployedNotContacted|x|2026-11-01', rule: 'unemployedNotContacted', kind: 'snoozed', until: '2026-12-20', reason: '外出务工', residentId, byName: '王小燕' },
  payAccount: { _id: docId.payAccount(PLACE, residentId, '2026-11-01'), type: 'payAccount', ...stamp, residentId, kind: 'bankCard', bankName: '农商银行', accountNo: '6228480012345678', effectiveFrom: '2026-11-01', holderName: '王小燕' },
  postPlan: { _id: docId.postPlan('370102', 2026), type: 'postPlan', ...stamp, placeCode: '370102', year: 2026, places: 1200, note: '' },
  assessment: { _id: docId.assessment(postId, '2026-11', residentId, stamp.createdAt), type: 'assessment', ...stamp, postId, residentId, month: '2026-11', score: 72 },
  deductionNotice: { _id: docId.deductionNotice(postId, '2026-11', residentId, stamp.createdAt), type: 'deductionNotice', ...stamp, postId, residentId, month: '2026-11' },
  opening: { _id: docId.opening(postId, 'abcd2345'), type: 'opening', ...stamp, postId, places: 2, conditions: '', windowFrom: '2026-12-01', windowTo: '2026-12-10', contact: '' },
  recruitEntry: { _id: docId.recruitEntry(docId.opening(postId, 'abcd2345'), stamp.createdAt, 'abcd2345'), type: 'recruitEntry', ...stamp, entry: 'application', openingId: docId.opening(postId, 'abcd2345'), residentId, date: '2026-12-06' },
};

const byId = new Map(Object.values(DOCS).map((d) => [d._id as string, d]));
const refs = refsFromDocs((id) => byId.get(id));

/** Audit entries as the core writes them (see the `audit(...)` calls), every action at least once. */
const AUDITS: { action: AuditActionName; targetId: string; field: string; reason?: string }[] = [
  { action: 'reveal', targetId: residentId, field: 'idNumber' },
  { action: 'reveal', targetId: residentId, field: 'phone' },
  { action: 'override', targetId: DOCS.assignment._id as string, field: 'eligibility', reason: '经研究同意' },
  { action: 'reopenMonth', targetId: DOCS.monthClose._id as string, field: 'month', reason: '补录' },
  { action: 'withdrawExit', targetId: DOCS.exitWithdrawal._id as string, field: 'exitDate', reason: '日期记错' },
  { action: 'print', targetId: residentId, field: 'registration', reason: 'idNumber:full' },
  { action: 'print', targetId: `${postId}:2026-11`, field: 'attendance', reason: 'idNumber:masked' },
  { action: 'print', targetId: `${sessionId}:2026-12-06:pm`, field: 'signInSheet', reason: 'idNumber:masked' },
  { action: 'print', targetId: 'hardshipNotice:2026-11-01:2026-11-30', field: 'hardshipNotice', reason: 'applicants:3' },
  { action: 'print', targetId: sessionId, field: 'trainingSummary', reason: 'idNumber:masked' },
  { action: 'print', targetId: `service:370102001002:${RESIDENT_KEY}:20261206T010000000Z:abcdef`, field: 'visitRecord', reason: 'idNumber:masked' },
  { action: 'print', targetId: residentId, field: 'serviceCard', reason: 'idNumber:masked' },
  { action: 'export', targetId: 'residents', field: 'ledger all 11', reason: 'masked' },
  { action: 'export', targetId: 'residents', field: 'ledger closed 2', reason: 'full' },
  { action: 'export', targetId: 'residents', field: 'errorSheet 4', reason: 'full' },
  { action: 'export', targetId: postId, field: 'attendance 2026-11 30', reason: 'masked' },
  { action: 'export', targetId: sessionId, field: 'training 12', reason: 'full' },
  { action: 'export', targetId: 'audit', field: 'audit 120', reason: 'action=export' },
  { action: 'export', targetId: batchId, field: 'usb 40', reason: 'file' },
  { action: 'export', targetId: 'diagnostics', field: 'bundle', reason: '' },
  { action: 'export', targetId: 'stats:370102001002', field: 'statistics', reason: '2026-01..2026-11' },
  { action: 'import', targetId: 'residents', field: 'roster', reason: 'imported 30, existing 2, skipped 1' },
  { action: 'import', targetId: batchId, field: 'usb 40 new 38', reason: '370102001002' },
  { action: 'unlock', targetId: residentId, field: '370102001002', reason: '更正姓名' },
  { action: 'account', targetId: 'user:lisi', field: 'create', reason: 'role clerk' },
  { action: 'account', targetId: 'user:lisi', field: 'update', reason: 'displayName, role clerk→admin' },
  { action: 'account', targetId: 'user:lisi', field: 'resetPassword' },
  { action: 'account', targetId: 'user:lisi', field: 'unlock', reason: 'locked until 2026-12-06T03:00:00.000Z' },
  { action: 'account', targetId: 'user:wangxy', field: 'changePassword' },
  { action: 'account', targetId: 'settings', field: 'idleLockMinutes', reason: '5→10' },
  { action: 'account', targetId: 'settings', field: 'backupPassphrase', reason: 'set' },
  { action: 'account', targetId: 'settings', field: 'backupPassphrase', reason: 'changed' },
  { action: 'loginFailed', targetId: 'user:lisi', field: 'password', reason: '2/5' },
  { action: 'lockout', targetId: 'user:lisi', field: 'password', reason: 'locked until 2026-12-06T03:00:00.000Z' },
  { action: 'reopen', targetId: residentId, field: 'closure dataEntryError 2026-11-30', reason: '误注销' },
  { action: 'idSearch', targetId: residentId, field: 'idNumber' },
];

const codes = (values: readonly string[]) => values;
/** Raw values no label may show: enum codes and the types' own names. */
const RAW = new Set<string>([
  ...codes(ATTENDANCE_MARKS),
  ...codes(HALF_DAYS),
  ...codes(TRAINING_LEVELS),
  ...codes(POLICY_KINDS),
  ...codes(AUDIT_ACTIONS),
  ...codes(DOCUMENT_TYPES),
  ...codes(CLOSE_REASONS),
  ...codes(LEDGER_STATUSES),
  ...codes(ROLES),
  'closed',
  'reopened',
  'accepted',
  'returned',
  'partial',
  'registration',
  'hardshipNotice',
  'signInSheet',
  'trainingSummary',
  'hardshipApplication',
  'visitRecord',
  'serviceCard',
]);

const translators = {} as Translators;

beforeAll(async () => {
  Object.assign(translators, await translatorsWithMissing());
});

/** What is wrong with a text a person sees. */
function faults(lng: 'zh-CN' | 'en', text: string): string[] {
  const out: string[] = [];
  if (text.trim() === '') out.push('empty');
  for (const pattern of Object.values(ID_PATTERNS)) if (new RegExp(pattern.source.replace(/^\^|\$$/g, '')).test(text)) out.push(`id ${pattern.source}`);
  for (const key of [RESIDENT_KEY, SESSION_KEY, 'abcdef']) if (text.includes(key)) out.push(`internal key ${key}`);
  if (/[A-Za-z]+:\S/.test(text)) out.push('a type-prefixed id');
  if (/(^|\D)37\d{7,10}(\D|$)/.test(text)) out.push('a place code');
  if (/\{\{|\}\}/.test(text)) out.push('an unfilled placeholder');
  if (/\b(labels|access|errors|training|policy|enums)\.[\w.]+/.test(text)) out.push('an i18n key');
  for (const word of text.split(/[^A-Za-z0-9]+/)) {
    if (RAW.has(word) && (lng === 'zh-CN' || /[A-Z]/.test(word.slice(1)) || /\d/.test(word) || word.length <= 2)) out.push(`raw value ${word}`);
  }
  if (lng === 'zh-CN') {
    // Latin letters only in the post's and course's own codes (GY-001, C-01) and a masked ID's X.
    const latin = text.replace(/GY-001|C-01/g, '').match(/[A-Za-z]{2,}/g);
    if (latin) out.push(`English words ${latin.join(' ')}`);
  }
  return out;
}

function check(lng: 'zh-CN' | 'en', what: string, text: string) {
  expect(faults(lng, text), `${lng} ${what}: ${text}`).toEqual([]);
}

describe('record labels', () => {
  it('name every document type in both languages with no code, id or missing text', () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const { t, missing } = translators[lng];
      for (const type of DOCUMENT_TYPES) {
        const doc = DOCS[type];
        const label = describeRecord(doc, doc._id as string, refs);
        expect(label.type, type).toBe(type);
        check(lng, type, formatRecordLabel(t, label));
        check(lng, `${type} with type`, formatRecordLabel(t, label, { withType: true }));
        // Not found at all: its type is still named.
        check(lng, `${type} missing`, formatRecordLabel(t, describeRecord(null, doc._id as string, refs), { withType: true }));
        // What it names not found: no raw id in its place.
        check(lng, `${type} alone`, formatRecordLabel(t, describeRecord(doc, doc._id as string), { withType: true }));
      }
      expect(missing, lng).toEqual([]);
    }
  });

  it('name the person, the post and the day of an attendance, and a sign-in\'s person and half-day', () => {
    const { t } = translators['zh-CN'];
    expect(formatRecordLabel(t, describeRecord(DOCS.attendance, DOCS.attendance._id as string, refs))).toBe('张三 3701**********1234 · 保洁员 · 2026-11-05 病假');
    expect(formatRecordLabel(t, describeRecord(DOCS.monthClose, DOCS.monthClose._id as string, refs), { withType: true })).toBe('月度结算 保洁员 2026年11月 已结账');
    expect(formatRecordLabel(t, describeRecord(DOCS.signIn, DOCS.signIn._id as string, refs), { withType: true })).toBe('培训签到 张三 3701**********1234 · 育婴员 · 2026-12-06 上午');
    expect(formatRecordLabel(t, describeRecord(DOCS.enrolment, DOCS.enrolment._id as string, refs))).toBe('张三 3701**********1234 · 育婴员 四级/中级工 · 2026-12-01 至 2026-12-20');
    const en = translators.en.t;
    expect(formatRecordLabel(en, describeRecord(DOCS.attendance, DOCS.attendance._id as string, refs))).toBe('张三 3701**********1234 · 保洁员 · 2026-11-05 Sick leave');
  });

  it('word every audit action and what it did in both languages', () => {
    const seen = new Set<string>();
    for (const lng of ['zh-CN', 'en'] as const) {
      const { t, missing } = translators[lng];
      for (const entry of AUDITS) {
        seen.add(entry.action);
        // The core names accounts by display name (audit/app.ts).
        const what = withDisplayNames(auditLabel(entry), new Map([['lisi', '李四'], ['wangxy', '王小燕']]));
        const targetId = auditTarget(entry.targetId);
        const doc = byId.get(targetId);
        const target: RecordLabel | null = doc ? describeRecord(doc, targetId, refs) : null;
        const text = formatAudit(t, what, target);
        check(lng, `${entry.action} ${entry.field}`, text);
        // Every entry of a known shape says more than its action.
        expect(what.detail, `${entry.action} ${entry.field}`).not.toBeNull();
        expect(formatAuditDetail(t, what, target), `${entry.action} ${entry.field}`).not.toBe('');
      }
      expect(missing, lng).toEqual([]);
    }
    expect([...seen].sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("name every type the diagnostics count, the database's indexes and unknown ids included", () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const { t, missing } = translators[lng];
      for (const type of [...DOCUMENT_TYPES, '_design', 'other', 'somethingNew']) check(lng, `type ${type}`, recordTypeName(t, type));
      expect(missing, lng).toEqual([]);
    }
  });

  it('say what an export of the ledger and a reveal were', () => {
    const { t } = translators['zh-CN'];
    expect(formatAudit(t, auditLabel({ action: 'export', targetId: 'residents', field: 'ledger all 11', reason: 'masked' }), null)).toBe('导出 台账 全部 11 条（号码已遮挡）');
    expect(formatAudit(t, auditLabel({ action: 'reveal', targetId: residentId, field: 'idNumber' }), describeRecord(resident, residentId))).toBe('查看完整号码 身份证号：张三 3701**********1234');
  });

  it('read the printed month or half-day and the record from a print target, whether the id carries a place or is legacy', () => {
    const { t } = translators['zh-CN'];
    for (const post of [postId, legacyId.post('GY-001'), legacyId.post('123456'), docId.post(PLACE, '123456')]) {
      expect(auditTarget(`${post}:2026-11`)).toBe(post);
      expect(auditLabel({ action: 'print', targetId: `${post}:2026-11`, field: 'attendance', reason: 'idNumber:masked' }).params.when).toBe('2026-11');
      expect(auditTarget(post)).toBe(post);
    }
    for (const session of [sessionId, `training:${SESSION_KEY}`]) {
      expect(auditTarget(`${session}:2026-12-06:pm`)).toBe(session);
      const what = auditLabel({ action: 'print', targetId: `${session}:2026-12-06:pm`, field: 'signInSheet', reason: 'idNumber:masked' });
      expect(what.params.when).toBe('2026-12-06');
      expect(formatAudit(t, what, null)).toContain('下午');
    }
  });
});
