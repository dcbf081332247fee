// County review against a real PouchDB Server on 127.0.0.1, provisioned like a real county: a
// county station (county staff account) reviews what village stations sync, lists the silent
// ones, and resolves the conflict two villages registering one person make in the aggregate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Couch } from '../../../county/couch';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { provisionCounty, stationDb, type CreatedAccount, type ProvisionResult } from '../../../county/provision';
import { placeChildren } from '../../../shared/places/index';
import { getOrNull } from '../store/db';
import { accountOf, connectedStation, eventually, syncOk, type ClockedStation } from '../testing/countyStations';
import { idNumber, refusal, registration, tempDir } from '../testing/fixtures';

const COUNTY = '370102';
const [T1, T2] = placeChildren(COUNTY).map((c) => c.code) as [string, string];
const [A, B, D] = placeChildren(T1).map((c) => c.code) as [string, string, string];
const [C] = placeChildren(T2).map((c) => c.code) as [string];
const AGGREGATE = `county_${COUNTY}_aggregate`;
const ADMIN = { user: 'admin', password: 'county-test-secret' };
const T0 = Date.parse('2026-11-22T02:00:00Z');
const DAY = 86_400_000;

let server: PouchServer;
let provisioned: ProvisionResult;
let admin: Couch;
const cleanups: (() => Promise<void>)[] = [];

const station = (place: string, accountName: string, at = T0) => connectedStation(place, account(accountName).setupCode, { at, cleanups });
const sync = syncOk;
type Station = ClockedStation;

const account = (name: string): CreatedAccount => accountOf(provisioned, name);

/** A document of the aggregate with its conflicts, as the server admin sees it. */
async function withConflicts<T = Record<string, unknown>>(id: string): Promise<(T & { _rev: string; _conflicts?: string[] }) | null> {
  const r = await admin.request<T & { _rev: string; _conflicts?: string[] }>('GET', `/${AGGREGATE}/${encodeURIComponent(id)}?conflicts=true`);
  return r.status === 200 ? r.body : null;
}

let county: Station;
let villageA: Station;
let villageB: Station;
let villageC: Station;

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-county-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  admin = new Couch(server.url, ADMIN);
  provisioned = await provisionCounty(server.url, ADMIN, {
    county: COUNTY,
    townships: [
      { code: T1, villages: [A, B, D] },
      { code: T2, villages: [C] },
    ],
    staff: [{ name: 'county-li', displayName: '李科长' }],
  });
  [county, villageA, villageB, villageC] = await Promise.all([
    station(COUNTY, 'county-li', T0 + 10 * DAY),
    station(A, `station-${A}`),
    station(B, `station-${B}`),
    station(C, `station-${C}`),
  ]);
});

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await server?.stop();
});

describe('county review', () => {
  it('accepts one batch, returns one record of another with its reason, and sees it corrected', { timeout: 20_000 }, async () => {
    const r1 = await villageA.core.call(villageA.session, 'residents.register', registration({ idNumber: idNumber('19900101', '311') }));
    const r2 = await villageB.core.call(villageB.session, 'residents.register', registration({ idNumber: idNumber('19910202', '313'), name: '李四', address: '一号' }));
    await villageB.core.call(villageB.session, 'residents.register', registration({ idNumber: idNumber('19920303', '315'), name: '王五' }));
    await sync(villageA);
    await sync(villageB);
    const [batchA] = await villageA.core.call(villageA.session, 'sync.batches', {});
    const [batchB] = await villageB.core.call(villageB.session, 'sync.batches', {});

    const c = county.core;
    const s = county.session;
    const listed = await eventually(
      () => c.call(s, 'county.batches', { placeCode: T1 }),
      (list) => [batchA!.id, batchB!.id].every((id) => list.some((b) => b.id === id)),
    );
    expect(listed.find((b) => b.id === batchB!.id)).toMatchObject({ placeCode: B, status: 'new', createdBy: 'clerk', createdByName: '王丽', via: 'sync', counts: { resident: 2 }, reviewedAt: null });
    expect(listed.find((b) => b.id === batchB!.id)!.stationName).not.toBe(B);
    expect((await c.call(s, 'county.batches', { placeCode: A })).map((b) => b.placeCode)).toEqual([A]);
    expect(await c.call(s, 'county.batches', { placeCode: T2 })).toEqual([]);

    // What the batch carried, record by record.
    const detail = await c.call(s, 'county.batch', { batchId: batchA!.id });
    expect(detail).toMatchObject({ checksumOk: true, missing: [], batch: { id: batchA!.id, status: 'new', createdByName: '王丽' } });
    const record = detail!.records.find((r) => r.id === r1.id);
    expect(record).toMatchObject({ type: 'resident', rev: r1.rev, currentRev: r1.rev, change: 'new', problems: [], decision: null });
    expect(record!.label).toMatchObject({ type: 'resident', person: { name: '张三', idNumber: expect.stringMatching(/^3701\*{10}\d{3}[\dX]$/) } });

    // Accept A's batch whole; the decision shows at once in the county's lists.
    const accepted = await c.call(s, 'county.review', { batchId: batchA!.id, records: detail!.records.map((r) => ({ id: r.id, rev: r.rev, decision: 'accepted' })) });
    expect(accepted).toMatchObject({ status: 'accepted', reviewedBy: 'clerk' });
    expect((await c.call(s, 'county.batches', { status: 'accepted' })).map((b) => b.id)).toContain(batchA!.id);

    // Return one record of B's batch; a reason is required, and the record must be in the batch.
    expect((await refusal(c.call(s, 'county.review', { batchId: batchB!.id, records: [{ id: r2.id, rev: r2.rev, decision: 'returned' }] }))).field).toBe('records.0.reason');
    const outside = await refusal(
      c.call(s, 'county.review', { batchId: batchB!.id, records: [{ id: r2.id, rev: r2.rev, decision: 'returned', reason: '缺门牌号' }, { id: r1.id, rev: r1.rev, decision: 'accepted' }] }),
    );
    expect(outside).toMatchObject({ code: 'VALIDATION', field: 'records.1.id', messageKey: 'errors.county.recordNotInBatch' });
    const returned = await c.call(s, 'county.review', { batchId: batchB!.id, records: [{ id: r2.id, rev: r2.rev, decision: 'returned', reason: '住址缺门牌号' }] });
    expect(returned.status).toBe('partial');
    expect((await c.call(s, 'county.batch', { batchId: batchB!.id }))!.records.find((r) => r.id === r2.id)).toMatchObject({ decision: 'returned', reason: '住址缺门牌号' });
    expect((await c.call(s, 'county.stations', { staleDays: 7 })).find((st) => st.placeCode === B)?.batchesWaiting).toBe(0);

    // A's accepted record is locked at A until the county unlocks it.
    await sync(villageA);
    const { idNumber: _id, ...fields } = registration({ idNumber: idNumber('19900101', '311') });
    const edit = { ...fields, id: r1.id, rev: r1.rev, address: '解放桥东街 14 号' };
    expect((await refusal(villageA.core.call(villageA.session, 'residents.update', edit))).code).toBe('LOCKED');
    // The unlock comes later than the acceptance (the station compares the two times).
    county.at(T0 + 10 * DAY + 3_600_000);
    await c.call(s, 'county.unlock', { placeCode: A, id: r1.id, reason: '户籍地址变更' });
    // Who unlocked an accepted record, and why, is in the county station's audit log.
    const unlocks = await c.db.allDocs<{ action: string; targetId: string; field: string; reason: string }>({ startkey: 'audit:', endkey: 'audit:\ufff0', include_docs: true });
    expect(unlocks.rows.map((r) => r.doc)).toContainEqual(expect.objectContaining({ action: 'unlock', targetId: r1.id, field: A, reason: '户籍地址变更' }));
    county.at(T0 + 10 * DAY);
    await sync(villageA);
    // The county's lock and its unlock are revisions of the record: the clerk edits the current one.
    const unlocked = await villageA.core.call(villageA.session, 'residents.get', { id: r1.id });
    expect(await villageA.core.call(villageA.session, 'residents.update', { ...edit, rev: unlocked!.rev })).toMatchObject({ address: '解放桥东街 14 号' });

    // B sees the reason, corrects the record and syncs; the county sees the corrected revision.
    await sync(villageB);
    const atB = (await villageB.core.call(villageB.session, 'sync.batches', {})).find((b) => b.id === batchB!.id);
    expect(atB).toMatchObject({ status: 'partial', returned: [{ id: r2.id, reason: '住址缺门牌号' }] });
    const { idNumber: _id2, ...fieldsB } = registration({ idNumber: idNumber('19910202', '313'), name: '李四' });
    const fixed = await villageB.core.call(villageB.session, 'residents.update', { ...fieldsB, id: r2.id, rev: r2.rev, address: '一号院 3 号楼' });
    await sync(villageB);
    // (Both batches carry the same time on the pinned clock: tell them apart by id.)
    const later = (await villageB.core.call(villageB.session, 'sync.batches', {})).filter((b) => b.id !== batchB!.id);
    expect(later).toHaveLength(1);
    const next = later[0];
    const corrected = await c.call(s, 'county.batch', { batchId: next!.id });
    expect(corrected!.records.find((r) => r.id === r2.id)).toMatchObject({ rev: fixed.rev, change: 'updated', problems: [], decision: null });
    // The old batch now shows that the record moved on.
    expect((await c.call(s, 'county.batch', { batchId: batchB!.id }))!.records.find((r) => r.id === r2.id)).toMatchObject({ rev: r2.rev, currentRev: fixed.rev });
  });

  it('shows the county rules a record fails, records not arrived, and a manifest whose checksum is off', async () => {
    const bad = {
      _id: 'resident:notmadewiththecountykeyxx',
      type: 'resident', schemaVersion: 1, placeCode: T2,
      createdBy: 'clerk', createdAt: '2026-11-21T01:00:00.000Z', updatedBy: 'clerk', updatedAt: '2026-11-21T01:00:00.000Z',
      ...registration({ idNumber: idNumber('19800101', '321'), phone: '123' }),
      sex: 'female', birthDate: '1980-01-01', closure: null,
    };
    const written = await admin.putDoc(stationDb(T2), bad);
    const batch = {
      _id: `batch:${T2}:2026-11-21T01:00:00.000Z:abcdef`,
      type: 'batch', schemaVersion: 1, placeCode: T2,
      createdBy: 'clerk', createdAt: '2026-11-21T01:00:00.000Z', updatedBy: 'clerk', updatedAt: '2026-11-21T01:00:00.000Z',
      via: 'sync', counts: { resident: 2 },
      docs: [{ id: bad._id, rev: written.rev }, { id: 'resident:neverarrivedneverarrivedx', rev: '1-abc' }],
      checksum: 'sha256:0000',
    };
    await admin.putDoc(stationDb(T2), batch);
    const detail = await county.core.call(county.session, 'county.batch', { batchId: batch._id });
    expect(detail).toMatchObject({ checksumOk: false, missing: ['resident:neverarrivedneverarrivedx'] });
    expect(detail!.records).toHaveLength(1);
    const problems = detail!.records[0]!.problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        { field: 'phone', messageKey: 'errors.phone' },
        { field: 'sex', messageKey: 'errors.county.notFromIdNumber' },
        { field: 'id', messageKey: 'errors.county.identityKey' },
      ]),
    );
    expect(await county.core.call(county.session, 'county.batch', { batchId: `batch:${T2}:2026-11-21T01:00:00.000Z:zzzzzz` })).toBeNull();
  });

  it('flags a resident whose age at registration is outside the range in force (written by an old station)', async () => {
    const stamp = { schemaVersion: 1, placeCode: T2, createdBy: 'clerk', createdAt: '2026-11-21T02:00:00.000Z', updatedBy: 'clerk', updatedAt: '2026-11-21T02:00:00.000Z' };
    // A right check digit, but 146 years old on the registration date: a station without the rule stored it.
    const ancient = {
      _id: 'resident:ancientancientancientancie',
      type: 'resident', ...stamp,
      ...registration({ idNumber: idNumber('18800101', '321') }),
      sex: 'male', birthDate: '1880-01-01', closure: null,
    };
    const written = await admin.putDoc(stationDb(T2), ancient);
    const batch = {
      _id: `batch:${T2}:2026-11-21T02:00:00.000Z:ancien`,
      type: 'batch', ...stamp, via: 'sync', counts: { resident: 1 },
      docs: [{ id: ancient._id, rev: written.rev }],
      checksum: 'sha256:0000',
    };
    await admin.putDoc(stationDb(T2), batch);
    const detail = await county.core.call(county.session, 'county.batch', { batchId: batch._id });
    expect(detail!.records[0]!.problems).toContainEqual({ field: 'idNumber', messageKey: 'errors.age.implausible', params: { age: 146, min: 16, max: 100 } });
  });

  it('flags a resident whose ID number is stored with spaces or full-width digits (written by a tampered station)', async () => {
    const stamp = { schemaVersion: 1, placeCode: T2, createdBy: 'clerk', createdAt: '2026-11-21T03:00:00.000Z', updatedBy: 'clerk', updatedAt: '2026-11-21T03:00:00.000Z' };
    const number = idNumber('19800101', '322');
    const spaced = {
      _id: 'resident:spacedspacedspacedspacedsp',
      type: 'resident', ...stamp,
      ...registration({ idNumber: number }),
      idNumber: `${number.slice(0, 6)} ${number.slice(6, 14)} ${number.slice(14)}`,
      sex: 'male', birthDate: '1980-01-01', closure: null,
    };
    const written = await admin.putDoc(stationDb(T2), spaced);
    const batch = {
      _id: `batch:${T2}:2026-11-21T03:00:00.000Z:spaced`,
      type: 'batch', ...stamp, via: 'sync', counts: { resident: 1 },
      docs: [{ id: spaced._id, rev: written.rev }],
      checksum: 'sha256:0000',
    };
    await admin.putDoc(stationDb(T2), batch);
    const detail = await county.core.call(county.session, 'county.batch', { batchId: batch._id });
    expect(detail!.records[0]!.problems).toContainEqual({ field: 'idNumber', messageKey: 'errors.county.idNumberNotNormal' });
  });

  it('refuses a review written with a station account (server validation, not the UI)', async () => {
    const own = account(`station-${A}`);
    const asStation = new Couch(server.url, { user: own.name, password: own.password });
    const review = {
      _id: `review:batch:${A}:2026-11-22T02:00:00.000Z:forged`,
      type: 'review', schemaVersion: 1, placeCode: A,
      createdBy: 'clerk', createdAt: '2026-11-22T02:00:00.000Z', updatedBy: 'clerk', updatedAt: '2026-11-22T02:00:00.000Z',
      batchId: `batch:${A}:2026-11-22T02:00:00.000Z:forged`, decision: 'accepted', records: [],
    };
    const put = await asStation.request<{ reason?: string }>('PUT', `/${stationDb(A)}/${encodeURIComponent(review._id)}`, review);
    expect(put.status).toBe(403);
    expect(put.body.reason).toMatch(/may not be written/);
    // Nor can a station write into the aggregate (a member of it or not).
    expect([401, 403]).toContain((await asStation.request('PUT', `/${AGGREGATE}/${encodeURIComponent(review._id)}`, review)).status);
  });

  it('lists the stations that have not synced for N days', async () => {
    // A last synced at T0, B a day before the county's today (T0 + 10 days), D never.
    await villageA.core.call(villageA.session, 'residents.register', registration({ idNumber: idNumber('19930404', '331'), name: '赵六' }));
    await sync(villageA);
    villageB.at(T0 + 9 * DAY);
    await villageB.core.call(villageB.session, 'residents.register', registration({ idNumber: idNumber('19940505', '333'), name: '孙七' }));
    await sync(villageB);
    const stations = await eventually(
      () => county.core.call(county.session, 'county.stations', { staleDays: 7 }),
      (list) => list.find((st) => st.placeCode === B)?.daysSinceSync === 1,
    );
    expect(stations.map((st) => st.placeCode)).toEqual([T1, A, B, D, T2, C].sort());
    expect(stations.find((st) => st.placeCode === A)).toMatchObject({ level: 'village', daysSinceSync: 10, stale: true });
    const waitingAtB = (await county.core.call(county.session, 'county.batches', { placeCode: B, status: 'new' })).length;
    expect(waitingAtB).toBeGreaterThanOrEqual(1);
    expect(stations.find((st) => st.placeCode === B)).toMatchObject({ daysSinceSync: 1, stale: false, batchesWaiting: waitingAtB });
    expect(stations.find((st) => st.placeCode === D)).toMatchObject({ lastSyncAt: null, daysSinceSync: null, stale: true });
    expect(stations.find((st) => st.placeCode === T1)).toMatchObject({ level: 'township', stale: true });
    const lenient = await county.core.call(county.session, 'county.stations', { staleDays: 30 });
    expect(lenient.find((st) => st.placeCode === A)?.stale).toBe(false);
    villageB.at(T0);
  });
});

describe('reference data from county_ref', () => {
  it('gives a village the posts the county set up for it, and not to another village', { timeout: 20_000 }, async () => {
    const post = await county.core.call(county.session, 'posts.save', {
      code: 'XC-COUNTY-01',
      name: '县级统筹保洁岗',
      kind: 'rural',
      category: 'ruralCleaning',
      placeCode: A,
      employer: { name: '历下区人力资源和社会保障局', creditCode: '91350100M000100Y43' },
      plannedHoursPerMonth: 40,
      payPerMonth: 1000,
      startDate: '2020-01-01',
      endDate: '2030-12-31',
    });
    // The county station sends reference data up to county_ref; the villages take it down.
    await sync(county);
    expect(await admin.getDoc('county_ref', post.id)).toMatchObject({ type: 'post', placeCode: A });
    await sync(villageA);
    await sync(villageC);
    expect((await villageA.core.call(villageA.session, 'posts.list', {})).map((p) => p.id)).toContain(post.id);
    expect(await villageA.core.call(villageA.session, 'posts.get', { postId: post.id })).toMatchObject({ post: { name: '县级统筹保洁岗' }, holders: [] });
    expect((await villageC.core.call(villageC.session, 'posts.list', {})).map((p) => p.id)).not.toContain(post.id);
  });
});

describe('the county course catalogue', () => {
  it('is kept at the county station, refused elsewhere, and listed at every station after it syncs', { timeout: 20_000 }, async () => {
    const course = { code: 'YL-4', occupation: '养老护理员', level: 'level4' as const, classHours: 120 };
    expect((await refusal(villageA.core.call(villageA.session, 'courses.save', course))).messageKey).toBe('errors.training.courseCountyOnly');
    expect((await refusal(county.core.call(county.session, 'courses.save', { ...course, code: '养老' }))).field).toBe('code');
    expect((await refusal(county.core.call(county.session, 'courses.save', { ...course, classHours: 0 }))).field).toBe('classHours');
    const saved = await county.core.call(county.session, 'courses.save', course);
    expect(saved).toMatchObject({ id: 'course:YL-4', ...course });
    expect((await refusal(county.core.call(county.session, 'courses.save', course))).messageKey).toBe('errors.training.courseTaken');
    const edited = await county.core.call(county.session, 'courses.save', { ...course, classHours: 136, rev: saved.rev });
    expect(edited.classHours).toBe(136);

    await sync(county);
    expect(await admin.getDoc('county_ref', 'course:YL-4')).toMatchObject({ type: 'course', classHours: 136 });
    await sync(villageC);
    expect(await villageC.core.call(villageC.session, 'courses.list', {})).toEqual([expect.objectContaining({ code: 'YL-4', occupation: '养老护理员', level: 'level4', classHours: 136 })]);
  });
});

describe('conflicts', () => {
  it('lists the same person registered in two villages once, and resolves it keeping every losing revision', { timeout: 20_000 }, async () => {
    const person = idNumber('19850606', '341');
    const atA = await villageA.core.call(villageA.session, 'residents.register', registration({ idNumber: person, name: '周八', phone: '13900000001', address: '甲村 1 号' }));
    const atC = await villageC.core.call(villageC.session, 'residents.register', registration({ idNumber: person, name: '周八', phone: '13900000002', address: '丙村 2 号' }));
    // The county's identity key made both villages give the person the same id.
    expect(atC.id).toBe(atA.id);
    await sync(villageA);
    await sync(villageC);

    const c = county.core;
    const s = county.session;
    const conflicts = await eventually(
      () => c.call(s, 'county.conflicts', {}),
      (list) => list.some((x) => x.id === atA.id),
    );
    const mine = conflicts.filter((x) => x.id === atA.id);
    expect(mine).toHaveLength(1);
    // The policy parameters shipped with the app are the same id at every station: they stay there.
    expect(conflicts.filter((x) => x.id.startsWith('policy:'))).toEqual([]);
    const conflict = mine[0]!;
    expect(conflict).toMatchObject({ type: 'resident', label: { type: 'resident', person: { name: '周八', idNumber: expect.stringMatching(/^3701\*+/) } } });
    expect(conflict.revisions).toHaveLength(2);
    expect(conflict.revisions.filter((r) => r.winner)).toHaveLength(1);
    expect(conflict.revisions.map((r) => r.placeCode).sort()).toEqual([A, C].sort());
    expect(conflict.differing).toEqual(expect.arrayContaining(['phone', 'address']));
    expect(conflict.differing).not.toContain('name');
    const revA = conflict.revisions.find((r) => r.placeCode === A)!;
    const revC = conflict.revisions.find((r) => r.placeCode === C)!;
    expect(revA.fields.phone).toBe('139****0001');
    // Who wrote each version, by the display name the station's batches carry, never the login.
    expect(conflict.revisions.map((r) => [r.updatedBy, r.updatedByName])).toEqual([['clerk', '王丽'], ['clerk', '王丽']]);
    expect(revA.fields.idNumber).not.toContain(person.slice(6, 14));
    expect(JSON.stringify(conflicts)).not.toContain(person);

    // A revision that is not a leaf is refused; an unknown field too.
    expect((await refusal(c.call(s, 'county.resolve', { id: atA.id, keepRev: '1-0000', reason: '核实' }))).messageKey).toBe('errors.county.revisionGone');
    expect((await refusal(c.call(s, 'county.resolve', { id: atA.id, keepRev: revA.rev, fields: { nickname: revC.rev }, reason: '核实' }))).field).toBe('fields.nickname');

    // Keep A's record, with C's phone number.
    const resolved = await c.call(s, 'county.resolve', { id: atA.id, keepRev: revA.rev, fields: { phone: revC.rev }, reason: '经电话核实，本人在甲村居住' });
    expect(resolved.rev).toMatch(/^2-/);
    const merged = await withConflicts(atA.id);
    expect(merged?._conflicts).toBeUndefined();
    expect(merged).toMatchObject({ _rev: resolved.rev, placeCode: A, address: '甲村 1 号', phone: '13900000002', updatedBy: 'clerk' });
    expect((await c.call(s, 'county.conflicts', {})).some((x) => x.id === atA.id)).toBe(false);
    expect((await refusal(c.call(s, 'county.resolve', { id: atA.id, keepRev: resolved.rev, reason: '再次' }))).messageKey).toBe('errors.county.conflictGone');

    // The county's resolution record keeps both replaced revisions in full, in the aggregate only.
    const resolutionId = await eventually(
      async () => (await admin.call<{ rows: { id: string }[] }>('GET', `/${AGGREGATE}/_all_docs?startkey="resolution:${atA.id}:"&endkey="resolution:${atA.id}:\ufff0"`)).body.rows.map((r) => r.id),
      (ids) => ids.length === 3,
    ).then((ids) => ids.find((id) => !id.endsWith(`:${A}`) && !id.endsWith(`:${C}`))!);
    const resolution = (await admin.getDoc(AGGREGATE, resolutionId)) as { _id: string; _rev: string; keptRev: string; resultRev: string; reason: string; revisions: { rev: string; doc: Record<string, unknown> }[] };
    expect(resolution).toMatchObject({ keptRev: revA.rev, resultRev: resolved.rev, reason: '经电话核实，本人在甲村居住' });
    expect(resolution.revisions.find((r) => r.rev === revC.rev)?.doc).toMatchObject({ placeCode: C, phone: '13900000002', address: '丙村 2 号', idNumber: person });
    // Each village gets a notice of what became of its record, without the other village's data.
    for (const [place, kept, other] of [[A, true, '丙村 2 号'], [C, false, '甲村 1 号']] as const) {
      expect(await admin.getDoc(stationDb(place), resolution._id)).toBeNull();
      const notice = await admin.getDoc<Record<string, unknown>>(stationDb(place), `${resolution._id}:${place}`);
      expect(notice).toMatchObject({ type: 'resolution', targetId: atA.id, resolutionId: resolution._id, kept, reason: '经电话核实，本人在甲村居住' });
      expect(JSON.stringify(notice)).not.toContain(other);
    }

    // At their next sync both villages take the outcome in: A holds the merged record, C's copy is
    // deleted, neither has anything waiting or sends the replaced revision back.
    await sync(villageA);
    await sync(villageC);
    expect(await villageA.core.db.get(atA.id)).toMatchObject({ _rev: resolved.rev, phone: '13900000002', address: '甲村 1 号' });
    expect(await getOrNull(villageC.core.db, atA.id)).toBeNull();
    for (const v of [villageA, villageC]) expect((await v.core.call(v.session, 'sync.status', {})).waiting).toBe(0);
    // Each clerk reads what the county decided about their record, and why.
    for (const [v, kept] of [[villageA, true], [villageC, false]] as const) {
      expect(await v.core.call(v.session, 'sync.resolutions', {})).toEqual([
        expect.objectContaining({ targetId: atA.id, kept, reason: '经电话核实，本人在甲村居住', label: expect.stringMatching(/^周八 3701\*+/) }),
      ]);
    }
    await sync(villageA);
    await sync(villageC);
    // Replication from the villages brings nothing back into conflict.
    await new Promise((r) => setTimeout(r, 500));
    expect((await withConflicts(resolution._id))?._conflicts).toBeUndefined();
    expect((await withConflicts(atA.id))?._conflicts).toBeUndefined();
    expect((await c.call(s, 'county.conflicts', {})).some((x) => x.id === atA.id)).toBe(false);
  });
});
