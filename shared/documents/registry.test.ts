import { describe, expect, it } from 'vitest';
import { aggregateValidate, refValidate, stationValidate } from '../../county/designDocs';
import { resources } from '../i18n/resources';
import { ID_PATTERNS } from './ids';
import { BACKED_UP_LOCAL_DOCS, LOCAL_DOCS_NOT_BACKED_UP } from './local';
import {
  APPEND_ONLY_TYPES,
  BOOKKEEPING,
  CACHED_TYPES,
  COUNTY_ONLY_TYPES,
  DOCUMENTS,
  DOCUMENT_TYPES,
  FROM_COUNTY,
  FROM_SERVER,
  ID_PREFIX,
  LOCKED_TYPES,
  NOT_SENT,
  PREFIX,
  REFERENCE_PREFIXES,
  REF_TYPES,
  PLACED_IDS,
  STATION_TYPES,
  childIdParts,
  docId,
  isReferenceId,
  keyOfId,
  legacyId,
  placeOfId,
  schemaOfId,
  typeOfId,
} from './registry';

const sorted = (list: readonly string[]) => [...list].sort();
const key = 'abcdefghijklmnopqrstuvwxyz';
const residentId = `resident:${key}`;
const place = '371402001002';
const postId = `post:${place}:P-1`;
const sessionId = `training:${place}:abcdefghijklmnop`;

/** One id built by each type's builder, and the id it must be (a station's record carries the station's place). */
const BUILT: Record<string, [string, string]> = {
  resident: [docId.resident(key), residentId],
  audit: [docId.audit(place, '2024-03-05T01:02:03.000Z', 'r4nd0m12'), `audit:${place}:2024-03-05T01:02:03.000Z:r4nd0m12`],
  policy: [docId.policy('posts', '2024-01-01', '371402'), 'policy:posts:2024-01-01'],
  station: [docId.station('371402001'), 'station:371402001'],
  post: [docId.post(place, 'P-1'), postId],
  assignment: [docId.assignment(postId, residentId, '2024-01-01'), `assignment:${place}:P-1:${key}:2024-01-01`],
  attendance: [docId.attendance(postId, residentId, '2024-03-05'), `attendance:${place}:P-1:2024-03:${key}:05`],
  monthClose: [docId.monthClose(postId, '2024-03'), `monthClose:${place}:P-1:2024-03`],
  assignmentExit: [docId.assignmentExit(docId.assignment(postId, residentId, '2024-01-01')), `assignmentExit:${place}:P-1:${key}:2024-01-01`],
  exitWithdrawal: [docId.exitWithdrawal(docId.assignmentExit(docId.assignment(postId, residentId, '2024-01-01'), 2)), `exitWithdrawal:${place}:P-1:${key}:2024-01-01:2`],
  training: [docId.training(place, 'abcdefghijklmnop'), sessionId],
  enrolment: [docId.enrolment(sessionId, residentId), `enrolment:${place}:abcdefghijklmnop:${key}`],
  signIn: [docId.signIn(sessionId, '2024-03-05', 'am', residentId), `signIn:${place}:abcdefghijklmnop:2024-03-05:am:${key}`],
  batch: [docId.batch('371402001', '2024-03-05T01:02:03.000Z', 'abc123'), 'batch:371402001:2024-03-05T01:02:03.000Z:abc123'],
  review: [docId.review('batch:371402001:2024-03-05T01:02:03.000Z:abc123'), 'review:batch:371402001:2024-03-05T01:02:03.000Z:abc123'],
  unlock: [docId.unlock(residentId, '2024-03-05T01:02:03.000Z'), `unlock:${residentId}:2024-03-05T01:02:03.000Z`],
  course: [docId.course('C-01'), 'course:C-01'],
  resolution: [docId.resolution(residentId, '2024-03-05T01:02:03.000Z', '371402001'), `resolution:${residentId}:2024-03-05T01:02:03.000Z:371402001`],
  heartbeat: [docId.heartbeat('371402001'), 'heartbeat:371402001'],
  employment: [docId.employment(place, residentId, '2024-03-05', 'abcd2345'), `employment:${place}:${key}:2024-03-05:abcd2345`],
  service: [docId.service(place, residentId, '2024-03-05T01:02:03.000Z', 'r4nd0m12'), `service:${place}:${key}:2024-03-05T01:02:03.000Z:r4nd0m12`],
  worklistMark: [docId.worklistMark(place, '2024-03-05T01:02:03.000Z', 'abcd2345'), `worklistMark:${place}:2024-03-05T01:02:03.000Z:abcd2345`],
  payAccount: [docId.payAccount(place, residentId, '2024-03-05'), `payAccount:${place}:${key}:2024-03-05`],
  postPlan: [docId.postPlan(place, 2026), `postPlan:${place}:2026`],
  assessment: [docId.assessment(postId, '2024-02', residentId, '2024-03-05T01:02:03.000Z'), `assessment:${place}:P-1:2024-02:${key}:2024-03-05T01:02:03.000Z`],
  deductionNotice: [docId.deductionNotice(postId, '2024-02', residentId, '2024-03-05T01:02:03.000Z'), `deductionNotice:${place}:P-1:2024-02:${key}:2024-03-05T01:02:03.000Z`],
  opening: [docId.opening(postId, 'abcd2345'), `opening:${place}:P-1:abcd2345`],
  recruitEntry: [docId.recruitEntry(docId.opening(postId, 'abcd2345'), '2024-03-05T01:02:03.000Z', 'efgh2345'), `recruitEntry:${place}:P-1:abcd2345:2024-03-05T01:02:03.000Z:efgh2345`],
};

/** Ids as the code wrote them before ids carried places (a station or backup of then still holds them). */
const legacyPost = legacyId.post('P-1');
const legacySession = 'training:abcdefghijklmnop';
const LEGACY: Record<string, [string, string]> = {
  audit: ['audit:2024-03-05T01:02:03.000Z:r4nd0m12', 'audit:2024-03-05T01:02:03.000Z:r4nd0m12'],
  post: [legacyPost, 'post:P-1'],
  assignment: [docId.assignment(legacyPost, residentId, '2024-01-01'), `assignment:P-1:${key}:2024-01-01`],
  attendance: [docId.attendance(legacyPost, residentId, '2024-03-05'), `attendance:P-1:2024-03:${key}:05`],
  monthClose: [docId.monthClose(legacyPost, '2024-03'), 'monthClose:P-1:2024-03'],
  assignmentExit: [docId.assignmentExit(docId.assignment(legacyPost, residentId, '2024-01-01')), `assignmentExit:P-1:${key}:2024-01-01`],
  exitWithdrawal: [docId.exitWithdrawal(docId.assignmentExit(docId.assignment(legacyPost, residentId, '2024-01-01'))), `exitWithdrawal:P-1:${key}:2024-01-01`],
  training: [legacySession, legacySession],
  enrolment: [docId.enrolment(legacySession, residentId), `enrolment:abcdefghijklmnop:${key}`],
  signIn: [docId.signIn(legacySession, '2024-03-05', 'am', residentId), `signIn:abcdefghijklmnop:2024-03-05:am:${key}`],
};

describe('the document registry', () => {
  it('gives every type its own prefix, the type and a colon, none the start of another', () => {
    const prefixes = Object.values(PREFIX);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const [type, row] of Object.entries(DOCUMENTS)) expect(row.prefix).toBe(`${type}:`);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });

  it("builds each type's ids, and recognises each by its type", () => {
    expect(sorted(Object.keys(BUILT))).toEqual(sorted(DOCUMENT_TYPES));
    for (const [type, [built, before]] of Object.entries(BUILT)) {
      expect(built).toBe(before);
      expect(typeOfId(built)).toBe(type);
      expect(schemaOfId(built)).toBe(DOCUMENTS[type as keyof typeof DOCUMENTS].schema);
    }
    expect(docId.policy('minimumWage', '2024-01-01', '371402')).toBe('policy:minimumWage:371402:2024-01-01');
    expect(docId.resolution(residentId, '2024-03-05T01:02:03.000Z')).toBe(`resolution:${residentId}:2024-03-05T01:02:03.000Z`);
    for (const id of ['_local/sync', '_design/review', 'unknown:1', 'resident', '', ':x', 'constructor:x', 'toString:x']) expect(typeOfId(id)).toBeNull();
  });

  it("reads the place a station record's id carries, and none from a legacy id or a resident", () => {
    for (const [type, [built]] of Object.entries(BUILT)) {
      const carried = placeOfId(built);
      if (type in PLACED_IDS) expect(carried, type).toBe(type === 'batch' || type === 'station' || type === 'heartbeat' ? '371402001' : place);
      else expect(carried, type).toBeNull();
    }
    // Children of a legacy post or session keep the legacy shape, and carry no place.
    for (const [type, [built, before]] of Object.entries(LEGACY)) {
      expect(built, type).toBe(before);
      expect(typeOfId(built)).toBe(type);
      expect(placeOfId(built), type).toBeNull();
      expect(new RegExp(PLACED_IDS[type as keyof typeof PLACED_IDS]!).test(built), type).toBe(true);
    }
    expect(sorted(Object.keys(PLACED_IDS))).toEqual(sorted(['audit', 'station', 'post', 'assignment', 'assignmentExit', 'exitWithdrawal', 'attendance', 'monthClose', 'training', 'enrolment', 'signIn', 'batch', 'heartbeat', 'employment', 'service', 'worklistMark', 'assessment', 'deductionNotice', 'opening', 'recruitEntry', 'payAccount', 'postPlan']));
    // A legacy post code of digits is not taken for a place: the shapes differ by one part.
    const digits = legacyId.post('123456');
    expect(placeOfId(digits)).toBeNull();
    expect(placeOfId(docId.assignment(digits, residentId, '2024-01-01'))).toBeNull();
    expect(placeOfId(docId.attendance(digits, residentId, '2024-03-05'))).toBeNull();
    expect(placeOfId(docId.monthClose(digits, '2024-03'))).toBeNull();
    expect(placeOfId(docId.post('123456', '654321'))).toBe('123456');
    for (const id of ['audit:12345:2024-03-05T01:02:03.000Z:abc', `resident:${key}`, '_local/x', 'unknown:371402001002:x', '']) expect(placeOfId(id)).toBeNull();
  });

  it("reads a post's code and a child's parent from new and legacy ids", () => {
    expect(keyOfId(postId)).toBe('P-1');
    expect(keyOfId(legacyPost)).toBe('P-1');
    expect(keyOfId(sessionId)).toBe('abcdefghijklmnop');
    expect(childIdParts(BUILT.attendance![0])).toEqual({ parent: postId, rest: ['2024-03', key, '05'] });
    expect(childIdParts(LEGACY.attendance![0])).toEqual({ parent: legacyPost, rest: ['2024-03', key, '05'] });
    expect(childIdParts(BUILT.signIn![0])).toEqual({ parent: sessionId, rest: ['2024-03-05', 'am', key] });
    expect(childIdParts(LEGACY.enrolment![0])).toEqual({ parent: legacySession, rest: [key] });
    expect(childIdParts(postId)).toBeNull();
  });

  it('builds ids of the shapes the argument schemas accept', () => {
    const resident = docId.resident('abcdefghijklmnopqrstuvwxyz');
    expect(resident).toMatch(ID_PATTERNS.resident);
    for (const id of [docId.post(place, 'XC-001'), legacyId.post('XC-001')]) expect(id).toMatch(ID_PATTERNS.post);
    for (const id of [docId.training(place, 'abcdefghijklmnop'), legacySession]) expect(id).toMatch(ID_PATTERNS.training);
    for (const id of ['post:P:1', 'post:3714020010:P-1', 'training:371402001002:abc', `post:${place}:`]) expect(id).not.toMatch(id.startsWith('post') ? ID_PATTERNS.post : ID_PATTERNS.training);
    expect(docId.batch('370102001002', '2026-11-22T02:00:00.000Z', 'abcdef')).toMatch(ID_PATTERNS.batch);
    for (const [type, pattern] of Object.entries(ID_PATTERNS)) expect(pattern.source.startsWith(`^${DOCUMENTS[type as keyof typeof DOCUMENTS].prefix}`)).toBe(true);
  });

  it('keeps ID_PREFIX as it was', () => {
    expect(ID_PREFIX).toEqual({
      resident: 'resident:',
      audit: 'audit:',
      policy: 'policy:',
      station: 'station:',
      post: 'post:',
      assignment: 'assignment:',
      attendance: 'attendance:',
      monthClose: 'monthClose:',
      assignmentExit: 'assignmentExit:',
      exitWithdrawal: 'exitWithdrawal:',
      training: 'training:',
      enrolment: 'enrolment:',
      signIn: 'signIn:',
      batch: 'batch:',
      review: 'review:',
      unlock: 'unlock:',
      course: 'course:',
      employment: 'employment:',
      service: 'service:',
      worklistMark: 'worklistMark:',
      payAccount: 'payAccount:',
      postPlan: 'postPlan:',
      assessment: 'assessment:',
      deductionNotice: 'deductionNotice:',
      opening: 'opening:',
      recruitEntry: 'recruitEntry:',
    });
  });

  it('derives the sync filters as they were written by hand', () => {
    expect(sorted(BOOKKEEPING)).toEqual(sorted(['batch:', 'review:', 'unlock:', 'heartbeat:', 'resolution:']));
    expect(sorted(FROM_COUNTY)).toEqual(sorted(['review:', 'unlock:', 'resolution:']));
    expect(sorted(FROM_SERVER)).toEqual(sorted(['review:', 'unlock:', 'resolution:', 'heartbeat:']));
    expect(sorted(REFERENCE_PREFIXES)).toEqual(sorted(['policy:', 'post:', 'course:']));
    for (const id of ['_local/sync', '_design/x', 'batch:1', 'review:batch:1', 'unlock:x:1', 'heartbeat:371402', 'resolution:x:1']) expect(NOT_SENT.test(id)).toBe(true);
    for (const id of [residentId, 'post:P-1', 'attendance:P-1:2024-03:x:05', 'policy:posts:2024-01-01', 'course:C-01', 'station:371402']) expect(NOT_SENT.test(id)).toBe(false);
    expect(isReferenceId('course:C-01')).toBe(true);
    expect(isReferenceId('station:371402')).toBe(false);
  });

  it("derives the county's type lists as they were written by hand", () => {
    expect(sorted(STATION_TYPES)).toEqual(
      sorted(['resident', 'audit', 'policy', 'station', 'post', 'assignment', 'assignmentExit', 'exitWithdrawal', 'attendance', 'monthClose', 'training', 'enrolment', 'signIn', 'batch', 'heartbeat', 'employment', 'service', 'worklistMark', 'assessment', 'deductionNotice', 'opening', 'recruitEntry', 'payAccount', 'postPlan']),
    );
    expect(sorted(COUNTY_ONLY_TYPES)).toEqual(sorted(['review', 'unlock', 'resolution']));
    expect(sorted(REF_TYPES)).toEqual(sorted(['post', 'course', 'policy', 'station']));
    expect(sorted(LOCKED_TYPES)).toEqual(sorted(['attendance', 'signIn', 'review', 'batch', 'unlock', 'resolution']));
    // The sets the core fills from the changes feed (core.ts `caches`).
    expect(sorted(CACHED_TYPES)).toEqual(sorted(['policy', 'review', 'unlock', 'post', 'assignment', 'assignmentExit', 'exitWithdrawal', 'monthClose', 'training', 'enrolment', 'course', 'assessment', 'deductionNotice', 'opening', 'recruitEntry']));
  });

  it("knows every type the county's validation functions name", () => {
    const functions = [stationValidate('371402001001', '371402'), refValidate('371402'), aggregateValidate('371402')];
    const named = new Set<string>();
    for (const source of functions) {
      for (const [, list] of source.matchAll(/var [A-Z_]*TYPES = (\[[^\]]*\])/g)) for (const type of JSON.parse(list!) as string[]) named.add(type);
      for (const [, type] of source.matchAll(/(?:newDoc|oldDoc)\.type [!=]== '([A-Za-z]+)'/g)) named.add(type!);
      for (const [, list] of source.matchAll(/COUNTY_TYPES = (\[[^\]]*\])/g)) for (const type of JSON.parse(list!) as string[]) named.add(type);
    }
    expect(named.size).toBeGreaterThan(10);
    expect([...named].filter((type) => !(type in DOCUMENTS))).toEqual([]);
    expect(stationValidate('371402001001', '371402')).toContain(`var LOCKED_TYPES = ${JSON.stringify(LOCKED_TYPES)};`);
    // Append-only for every append-only type of the registry, not the audit log alone.
    expect(APPEND_ONLY_TYPES).toEqual(['audit', 'assignmentExit', 'exitWithdrawal', 'employment', 'service', 'worklistMark', 'assessment', 'deductionNotice', 'recruitEntry']);
    for (const source of functions.filter((f) => f.includes('appendOnly(newDoc, oldDoc);'))) expect(source).toContain(`var APPEND_ONLY_TYPES = ${JSON.stringify(APPEND_ONLY_TYPES)};`);
  });

  it('is consistent: what syncs up, who writes it, and a label key that exists', () => {
    // The labels as the UI has them: the domains' tables merged (a domain may add its type's label).
    for (const lng of ['zh-CN', 'en'] as const) {
      const recordTypes = resources[lng].errors.labels.recordType as Record<string, string>;
      for (const [type, row] of Object.entries(DOCUMENTS)) {
        expect(row.syncsUp, type).toBe(row.writer === 'station' || row.writer === 'reference');
        if (row.writer === 'county') expect(row.record, type).toBe(false);
        if (row.label !== null) {
          expect(row.label).toBe(`errors.labels.recordType.${type}`);
          expect(recordTypes[type], `${lng} ${type}`).toBeTruthy();
        }
      }
    }
  });

  it("lists the station's _local documents a backup keeps, and those it leaves out", () => {
    expect(BACKED_UP_LOCAL_DOCS).toEqual(['_local/station', '_local/users', '_local/sync', '_local/county-secret', '_local/rekey', '_local/transfer-receipts', '_local/machine']);
    expect(LOCAL_DOCS_NOT_BACKED_UP).toEqual(['_local/replication-', '_local/quarantine', '_local/stats-tally', '_local/worklist-facts', '_local/audit-counts', '_local/backup-passphrase']);
  });
});
