// Attacks on append-only records (the registry's appendOnly types: the audit log, service records,
// employment status entries, the work list's marks), tried over plain HTTP with what a station really holds: its account
// and password from its setup code. Once stored, an entry is neither changed nor deleted by
// anyone, the county's accounts included, whether by a plain PUT, a DELETE or the replication path
// (`new_edits:false` with a high revision); the same content arriving again, as replication may
// bring it, is no change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPEND_ONLY_TYPES, docId, type DocumentType } from '../shared/documents/registry';
import { stationDb } from './provision';
import { openAttackTarget, type AttackTarget } from './testing/attackTarget';

const AT = '2026-12-06T02:00:00.000Z';
const HIGH = '999-ffffffffffffffffffffffffffffffff';
const residentId = docId.resident('holderholderholderholderho');

let t: AttackTarget;
let A: string;

const stamp = (place: string, by: string) => ({ schemaVersion: 1, placeCode: place, createdBy: by, createdAt: AT, updatedBy: by, updatedAt: AT });
const call = async <T = Record<string, unknown>>(method: string, path: string, auth: string, body?: unknown) => (await t.call(method, path, auth, body)) as { status: number; body: T };
const path = (id: string) => `/${stationDb(A)}/${encodeURIComponent(id)}`;

/** One entry of every append-only type, as the station's app writes it (a type without one fails the test). */
const ENTRIES: Partial<Record<DocumentType, (place: string, by: string, random: string) => { _id: string } & Record<string, unknown>>> = {
  audit: (place, by, random) => ({ _id: docId.audit(place, AT, random), type: 'audit', ...stamp(place, by), action: 'reveal', targetId: residentId, field: 'idNumber' }),
  service: (place, by, random) => ({
    _id: docId.service(place, residentId, AT, random), type: 'service', ...stamp(place, by), entry: 'service', residentId, date: '2026-12-05',
    channel: 'homeVisit', kind: 'jobReferral', content: '推荐保洁岗位', outcome: '愿意面试', referral: { employerName: '解放路保洁公司', employerCreditCode: '', job: '保洁员', pay: '月薪 2500 元' },
  }),
  employment: (place, by, random) => ({
    _id: docId.employment(place, residentId, '2026-11-01', random), type: 'employment', ...stamp(place, by), residentId, status: 'employee', area: null, destination: '',
    employer: { name: '解放路保洁公司', creditCode: '' }, effectiveDate: '2026-11-01', endDate: null, note: '', recordedBy: by, recordedByName: '王丽', source: null, corrects: null, correctionReason: '',
  }),
  assignmentExit: (place, by, random) => ({
    _id: docId.assignmentExit(docId.assignment(`post:${place}:P-${random}`, residentId, '2026-01-01')), type: 'assignmentExit', ...stamp(place, by), assignmentId: docId.assignment(`post:${place}:P-${random}`, residentId, '2026-01-01'),
    postId: `post:${place}:P-${random}`, residentId, date: '2026-11-30', reason: 'employed', note: '', nextStatus: 'employee', byName: '王丽',
  }),
  exitWithdrawal: (place, by, random) => ({
    _id: docId.exitWithdrawal(docId.assignmentExit(docId.assignment(`post:${place}:P-${random}`, residentId, '2026-01-01'))), type: 'exitWithdrawal', ...stamp(place, by),
    exitId: docId.assignmentExit(docId.assignment(`post:${place}:P-${random}`, residentId, '2026-01-01')), assignmentId: docId.assignment(`post:${place}:P-${random}`, residentId, '2026-01-01'),
    postId: `post:${place}:P-${random}`, residentId, exitDate: '2026-11-30', reason: '结束错了人', byName: '王丽',
  }),
  worklistMark: (place, by, random) => ({
    _id: docId.worklistMark(place, AT, random), type: 'worklistMark', ...stamp(place, by), key: `unemployedNotContacted|${residentId}|2026-10-01`, rule: 'unemployedNotContacted',
    kind: 'snoozed', until: '2026-12-20', reason: '外出务工', residentId, byName: '王丽',
  }),
  assessment: (place, by, random) => ({
    _id: docId.assessment(docId.post(place, random), '2026-11', residentId, AT), type: 'assessment', ...stamp(place, by), postId: docId.post(place, random),
    assignmentId: docId.assignment(docId.post(place, random), residentId, '2026-01-01'), residentId, month: '2026-11', scores: { village: 80, township: 70, democratic: 90 }, score: 77,
    passed: true, deductions: [{ reason: '迟到', amountFen: 5000 }], policyFrom: '2020-01-01', assessedBy: by, assessedByName: '王丽', assessedAt: AT, supersedes: null, note: '',
  }),
  deductionNotice: (place, by, random) => ({
    _id: docId.deductionNotice(docId.post(place, random), '2026-11', residentId, AT), type: 'deductionNotice', ...stamp(place, by), postId: docId.post(place, random),
    assessmentId: docId.assessment(docId.post(place, random), '2026-11', residentId, AT), residentId, month: '2026-11', printedByName: '王丽',
  }),
  recruitEntry: (place, by, random) => ({
    _id: docId.recruitEntry(docId.opening(docId.post(place, 'P-1'), 'abcd2345'), AT, random), type: 'recruitEntry', ...stamp(place, by), entry: 'application',
    openingId: docId.opening(docId.post(place, 'P-1'), 'abcd2345'), residentId, date: '2026-12-05',
  }),
};

beforeAll(async () => {
  t = await openAttackTarget('attacks-append-only', { staff: ['county-li'] });
  ({ A } = t);
}, 60_000);

afterAll(async () => {
  await t?.stop();
});

describe('append-only records on the county server', () => {
  it('has an entry here for every append-only type of the registry', () => {
    expect(APPEND_ONLY_TYPES).toContain('audit');
    expect(APPEND_ONLY_TYPES).toContain('service');
    expect(APPEND_ONLY_TYPES).toContain('employment');
    for (const type of APPEND_ONLY_TYPES) expect(ENTRIES[type], type).toBeDefined();
  });

  it('refuses a station changing or deleting its own entry, by PUT, DELETE or the replication path', async () => {
    for (const type of APPEND_ONLY_TYPES) {
      const entry = ENTRIES[type]!(A, `station-${A}`, 'abcdefgh');
      const created = await call<{ rev?: string }>('PUT', path(entry._id), t.as(A), entry);
      expect(created.status, type).toBe(201);
      const rev = created.body.rev!;
      const changed = { ...entry, _rev: rev, content: '改过的内容', field: 'phone', updatedAt: '2026-12-07T00:00:00.000Z' };
      const edited = await call<{ reason?: string }>('PUT', path(entry._id), t.as(A), changed);
      expect(edited.status, type).toBe(403);
      expect(edited.body.reason, type).toMatch(/append-only/);
      expect((await call('DELETE', `${path(entry._id)}?rev=${rev}`, t.as(A))).status, type).toBe(403);
      const [replicated] = (await call<{ error?: string }[]>('POST', `/${stationDb(A)}/_bulk_docs`, t.as(A), { docs: [{ ...changed, _rev: HIGH }], new_edits: false })).body;
      expect(replicated, type).toMatchObject({ error: 'forbidden' });
      const [deletion] = (await call<{ error?: string }[]>('POST', `/${stationDb(A)}/_bulk_docs`, t.as(A), { docs: [{ _id: entry._id, _rev: HIGH, _deleted: true }], new_edits: false })).body;
      expect(deletion, type).toMatchObject({ error: 'forbidden' });
      // Not the county's accounts either.
      expect((await call('PUT', path(entry._id), t.as('county-li'), changed)).status, type).toBe(403);
      // The entry is as the station wrote it.
      const stored = await call<Record<string, unknown>>('GET', path(entry._id), t.asAdmin());
      expect(stored.body, type).toMatchObject({ _rev: rev, createdBy: `station-${A}` });
    }
  });

  it('lets a station add entries, and the same content arrive again', async () => {
    for (const type of APPEND_ONLY_TYPES) {
      const entry = ENTRIES[type]!(A, `station-${A}`, 'secondaa');
      const created = await call<{ rev?: string }>('PUT', path(entry._id), t.as(A), entry);
      expect(created.status, type).toBe(201);
      const [again] = (await call<{ error?: string }[]>('POST', `/${stationDb(A)}/_bulk_docs`, t.as(A), { docs: [{ ...entry, _rev: created.body.rev }], new_edits: false })).body;
      expect(again?.error, type).toBeUndefined();
    }
  });
});
