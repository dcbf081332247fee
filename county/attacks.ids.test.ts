// Attacks on the county aggregate through ids (issue 15, item 5), tried over plain HTTP with what
// a station really holds: its account and password from its setup code. Station A writes ids of
// station B's records into its own database, with `new_edits:false` and a high revision so that
// replication into the aggregate would make its version win. An id of one station's record
// carries that station's place, and the server refuses another place's; a resident's id carries
// none (one person may be registered in two villages), so there the forged version reaches the
// aggregate as a conflict, which the statistics credit to no station and the county's conflict
// list shows as a suspected forgery.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docId } from '../shared/documents/registry';
import { Core, type Session } from '../src-main/core/core';
import { QUIET, accountOf, eventually } from '../src-main/core/testing/countyStations';
import { aggregateDb, stationDb } from './provision';
import { openAttackTarget, type AttackTarget } from './testing/attackTarget';

const AT = '2026-12-06T02:00:00.000Z';

let t: AttackTarget;
let COUNTY: string, T1: string, A: string, B: string;
let dir: string;
let county: Core;
const countySession: Session = { user: null };

/** The account in a station's setup code. */
const as = (place: string) => t.as(place);
const asAdmin = () => t.asAdmin();
const call = async <T = Record<string, unknown>>(method: string, path: string, auth: string, body?: unknown) => (await t.call(method, path, auth, body)) as { status: number; body: T };

const stamp = (place: string, by: string) => ({ schemaVersion: 1, placeCode: place, createdBy: by, createdAt: AT, updatedBy: by, updatedAt: AT });
const put = (place: string, auth: string, doc: { _id: string }) => call<{ reason?: string; rev?: string }>('PUT', `/${stationDb(place)}/${encodeURIComponent(doc._id)}`, auth, doc);
/** The replication path: a revision given whole, high enough to win. */
const bulk = (place: string, auth: string, docs: object[]) => call<{ id: string; error?: string; reason?: string }[]>('POST', `/${stationDb(place)}/_bulk_docs`, auth, { docs, new_edits: false });
const HIGH = '999-ffffffffffffffffffffffffffffffff';

const key = 'forgedforgedforgedforgedfo';
const residentId = docId.resident(key);
const holderId = docId.resident('holderholderholderholderho');
const postOfB = () => docId.post(B, 'GY-001');
const sessionOfB = () => docId.training(B, 'abcdefghijklmnop');

/** B's own records, each of a type that belongs to one station, as B's app writes them. */
function recordsOfB(by: string): ({ _id: string } & Record<string, unknown>)[] {
  return [
    { _id: docId.audit(B, AT, 'abcdefgh'), type: 'audit', ...stamp(B, by), action: 'reveal', targetId: holderId, field: 'idNumber' },
    {
      _id: postOfB(), type: 'post', ...stamp(B, by), code: 'GY-001', name: '乙村保洁', kind: 'rural', category: 'ruralCleaning',
      employer: { name: '解放路街道办事处', creditCode: '' }, plannedHoursPerMonth: 40, payPerMonthFen: 100_000, startDate: '2026-01-01', endDate: '2026-12-31',
    },
    { _id: docId.attendance(postOfB(), holderId, '2026-12-01'), type: 'attendance', ...stamp(B, by), postId: postOfB(), residentId: holderId, date: '2026-12-01', mark: 'present', hours: 4, history: [] },
    { _id: docId.batch(B, AT, 'abcdef'), type: 'batch', ...stamp(B, by), via: 'sync', counts: {}, docs: [], checksum: 'sha256:0000' },
    { _id: docId.enrolment(sessionOfB(), holderId), type: 'enrolment', ...stamp(B, by), sessionId: sessionOfB(), residentId: holderId },
    // The county lists a station gone silent by its heartbeat, and names it by its entry.
    { _id: docId.heartbeat(B), type: 'heartbeat', ...stamp(B, by), lastSyncAt: AT },
    { _id: docId.station(B), type: 'station', ...stamp(B, by), name: '历山路社区服务站', demo: false },
    { _id: docId.service(B, holderId, AT, 'abcdefgh'), type: 'service', ...stamp(B, by), entry: 'service', residentId: holderId, date: '2026-12-05', channel: 'phone', kind: 'followUp', content: '电话回访', outcome: '' },
  ];
}

/** A's forgery of a record of B: B's id, A's place (the server checks that against A's account), other content. */
const forged = (doc: { _id: string } & Record<string, unknown>) => ({ ...doc, ...stamp(A, 'mallory'), reason: 'forged', field: 'forged', name: '冒写', mark: 'absent', lastSyncAt: '2027-01-01T00:00:00.000Z' });

beforeAll(async () => {
  t = await openAttackTarget('attacks-ids', { staff: ['county-li'] });
  ({ county: COUNTY, township: T1, A, B } = t);
  dir = mkdtempSync(join(tmpdir(), 'leye-county-attacks-ids-'));
  county = await Core.open({ dataDir: join(dir, 'county-station'), clock: () => new Date(AT), syncTiming: QUIET });
  await county.call(countySession, 'station.setup', { placeCode: COUNTY, clerk: { loginName: 'county-li', displayName: '李科长', password: 'secret-123' } });
  await county.call(countySession, 'auth.login', { loginName: 'county-li', password: 'secret-123' });
  await county.call(countySession, 'sync.connect', { setupCode: accountOf(t.provisioned, 'county-li').setupCode });
}, 60_000);

afterAll(async () => {
  await county?.close();
  await t?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a station writing another station's ids into its own database", () => {
  it('is refused for every type whose id carries a place (audit, post, attendance, batch, enrolment, heartbeat, station entry, service record): plain PUT and new_edits:false', async () => {
    const records = recordsOfB(`station-${B}`);
    for (const doc of records) expect((await put(B, as(B), doc)).status, doc._id).toBe(201);
    // They reach the aggregate as B wrote them.
    const agg = aggregateDb(COUNTY);
    for (const doc of records) await eventually(() => call<{ placeCode?: string }>('GET', `/${agg}/${encodeURIComponent(doc._id)}`, asAdmin()), (r) => r.body.placeCode === B);

    for (const doc of records) {
      const plain = await put(A, as(A), forged(doc));
      expect(plain.status, doc._id).toBe(403);
      expect(plain.body.reason, doc._id).toMatch(new RegExp(`belongs to place ${B}, outside ${A}`));
      const [replicated] = (await bulk(A, as(A), [{ ...forged(doc), _rev: HIGH }])).body;
      expect(replicated, doc._id).toMatchObject({ error: 'forbidden' });
      expect(replicated!.reason, doc._id).toMatch(/belongs to place/);
      // Nor may A send a deletion of B's record.
      const [deletion] = (await bulk(A, as(A), [{ _id: doc._id, _rev: HIGH, _deleted: true }])).body;
      expect(deletion, doc._id).toMatchObject({ error: 'forbidden' });
      // A's database holds nothing of it.
      expect((await call('GET', `/${stationDb(A)}/${encodeURIComponent(doc._id)}`, asAdmin())).status, doc._id).toBe(404);
    }
    // An id that carries A's place with B's content is refused too (the id's place is the document's).
    const mismatched = { ...records[0]!, _id: docId.audit(A, AT, 'zzzzzzzz'), placeCode: B };
    expect((await put(A, as(A), mismatched)).status).toBe(403);

    // The aggregate still holds B's versions, unchanged and without conflicts.
    for (const doc of records) {
      const stored = await call<Record<string, unknown>>('GET', `/${agg}/${encodeURIComponent(doc._id)}?conflicts=true`, asAdmin());
      expect(stored.body, doc._id).toMatchObject({ placeCode: B, createdBy: `station-${B}` });
      expect(stored.body._conflicts, doc._id).toBeUndefined();
    }
  });

  it("still lets each station write its own records, and a township its villages'", async () => {
    const own = { _id: docId.audit(A, AT, 'ownentry'), type: 'audit', ...stamp(A, `station-${A}`), action: 'reveal', targetId: holderId, field: 'idNumber' };
    expect((await put(A, as(A), own)).status).toBe(201);
    const [replicated] = (await bulk(A, as(A), [{ ...own, _id: docId.audit(A, AT, 'ownentr2'), _rev: '1-abc' }])).body;
    expect(replicated?.error).toBeUndefined();
    const township = { ...recordsOfB(`station-${T1}`)[1]!, _id: docId.post(A, 'TS-001'), code: 'TS-001', ...stamp(A, `station-${T1}`) };
    expect((await put(A, as(T1), township)).status).toBe(201);
    // A legacy id (made before ids carried places) is still accepted: it carries no place to check.
    const legacy = { ...own, _id: `audit:${AT}:legacyaa` };
    expect((await put(A, as(A), legacy)).status).toBe(201);
  });
});

describe("a station forging another village's resident (one person may be registered in two villages)", () => {
  it('reaches the aggregate as a conflict that the statistics credit to no station and the county lists as a suspected forgery', async () => {
    const resident = (place: string, by: string, name: string) => ({
      _id: residentId, type: 'resident', ...stamp(place, by), name, idNumber: '370102199001011234', sex: 'male', birthDate: '1990-01-01',
      targetGroups: ['keyCare'], registration: { kind: 'jobSeeking', date: '2026-11-20' },
    });
    const agg = aggregateDb(COUNTY);
    const registrations = async () =>
      (await call<{ rows: { key: [string, string, string]; value: number }[] }>('GET', `/${agg}/_design/stats/_view/registrations?group_level=3`, asAdmin())).body.rows;
    const byPlace = async () => (await call<{ rows: { key: [string, string]; value: number }[] }>('GET', `/${agg}/_design/stats/_view/byPlaceAndType?group=true`, asAdmin())).body.rows;
    const residentsOf = (rows: { key: unknown[]; value: number }[], place: string) => rows.filter((r) => r.key.includes(place) && (r.key.includes('resident') || r.key.includes('jobSeeking'))).reduce((n, r) => n + r.value, 0);

    expect((await put(B, as(B), resident(B, `station-${B}`, '张三'))).status).toBe(201);
    await eventually(registrations, (rows) => residentsOf(rows, B) === 1);
    expect(residentsOf(await registrations(), A)).toBe(0);

    // A writes B's resident id with a revision high enough to win: a resident's id carries no place, so the server takes it.
    const [taken] = (await bulk(A, as(A), [{ ...resident(A, 'mallory', '冒名'), _rev: HIGH }])).body;
    expect(taken?.error).toBeUndefined();
    const stored = await eventually(
      () => call<{ _conflicts?: string[]; placeCode?: string }>('GET', `/${agg}/${residentId}?conflicts=true`, asAdmin()),
      (r) => (r.body._conflicts?.length ?? 0) > 0,
    );
    expect(stored.body.placeCode).toBe(A);

    // The statistics credit it to neither station until the county decides.
    const [counted, placed] = await Promise.all([registrations(), byPlace()]);
    expect(residentsOf(counted, A)).toBe(0);
    expect(residentsOf(counted, B)).toBe(0);
    expect(residentsOf(placed, A)).toBe(0);

    // The county's conflict list shows it, flagged, with both places' revisions.
    const conflicts = await county.call(countySession, 'county.conflicts', {});
    const conflict = conflicts.find((c) => c.id === residentId);
    expect(conflict).toMatchObject({ type: 'resident', suspectedForgery: true });
    expect(conflict!.revisions.map((r) => r.placeCode).sort()).toEqual([A, B].sort());
    expect(conflict!.revisions.find((r) => r.winner)?.placeCode).toBe(A);
  });
});
