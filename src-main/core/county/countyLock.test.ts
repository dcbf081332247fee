// The county's lock lives on the record (issue 15, item 4), against a real PouchDB Server: accepting
// writes `countyLock` on each accepted record in the station's database and the aggregate, the
// station refuses edits, an unlock lifts it and the edit goes up; a change the clerk made offline
// while the county accepted the record is set aside at the next sync with its reason, and the
// county's version stays everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Couch } from '../../../county/couch';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { aggregateDb, provisionCounty, stationDb, type ProvisionResult } from '../../../county/provision';
import { placeChildren } from '../../../shared/places/index';
import { accountOf, connectedStation, eventually, syncOk, type ClockedStation } from '../testing/countyStations';
import { idNumber, refusal, registration, tempDir } from '../testing/fixtures';

const COUNTY = '370102';
const [T1] = placeChildren(COUNTY).map((c) => c.code) as [string];
const [A] = placeChildren(T1).map((c) => c.code) as [string];
const ADMIN = { user: 'admin', password: 'county-lock-secret' };
const T0 = Date.parse('2026-11-22T02:00:00Z');
const DAY = 86_400_000;

let server: PouchServer;
let provisioned: ProvisionResult;
let admin: Couch;
let county: ClockedStation;
let village: ClockedStation;
const cleanups: (() => Promise<void>)[] = [];

type Stored = { _rev: string; address?: string; countyLock?: { at: string; by: string; batchId: string }; _conflicts?: string[] };

/** A record as the server admin reads it, with its conflicts. */
async function onServer(db: string, id: string): Promise<Stored | null> {
  const r = await admin.request<Stored>('GET', `/${db}/${encodeURIComponent(id)}?conflicts=true`);
  return r.status === 200 ? r.body : null;
}

/** A new resident at the village, synced, in a batch the county accepts whole. */
async function acceptedResident(seq: string, address: string): Promise<{ id: string; rev: string; batchId: string }> {
  const view = await village.core.call(village.session, 'residents.register', registration({ idNumber: idNumber('19850505', seq), address }));
  await syncOk(village);
  const batchId = (await village.core.call(village.session, 'sync.batches', {}))[0]!.id;
  const detail = await eventually(
    () => county.core.call(county.session, 'county.batch', { batchId }),
    (d) => d !== null && d.records.some((r) => r.id === view.id),
  );
  await county.core.call(county.session, 'county.review', { batchId, records: detail!.records.map((r) => ({ id: r.id, rev: r.rev, decision: 'accepted' as const })) });
  return { id: view.id, rev: view.rev, batchId };
}

const editOf = (seq: string, id: string, rev: string, address: string) => {
  const { idNumber: _id, ...fields } = registration({ idNumber: idNumber('19850505', seq) });
  return { ...fields, id, rev, address };
};

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-county-lock-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  admin = new Couch(server.url, ADMIN);
  provisioned = await provisionCounty(server.url, ADMIN, { county: COUNTY, townships: [{ code: T1, villages: [A] }], staff: [{ name: 'county-li', displayName: '李科长' }] });
  [county, village] = await Promise.all([
    connectedStation(COUNTY, accountOf(provisioned, 'county-li').setupCode, { at: T0 + 10 * DAY, cleanups }),
    connectedStation(A, accountOf(provisioned, `station-${A}`).setupCode, { at: T0, cleanups }),
  ]);
}, 60_000);

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await server?.stop();
});

describe('the county lock on an accepted record', () => {
  it('is written on the record on the server, refuses the station’s edits, and an unlock lets the edit through to the county', { timeout: 30_000 }, async () => {
    const r = await acceptedResident('411', '一号院');
    // Who accepted: the county station's user, by display name.
    const lock = { at: new Date(T0 + 10 * DAY).toISOString(), by: '王丽', batchId: r.batchId };
    expect(await onServer(stationDb(A), r.id)).toMatchObject({ address: '一号院', countyLock: lock });
    expect(await onServer(aggregateDb(COUNTY), r.id)).toMatchObject({ countyLock: lock });

    await syncOk(village);
    const held = await village.core.call(village.session, 'residents.get', { id: r.id });
    expect(held!.rev).toBe((await onServer(stationDb(A), r.id))!._rev);
    const refused = await refusal(village.core.call(village.session, 'residents.update', editOf('411', r.id, held!.rev, '二号院')));
    expect(refused).toMatchObject({ code: 'LOCKED', params: { at: '2026-12-02' } });
    // The form opened before the lock came down is told the same.
    expect(await refusal(village.core.call(village.session, 'residents.update', editOf('411', r.id, r.rev, '二号院')))).toMatchObject({ code: 'LOCKED' });
    // The county's revision waits for nothing: it came from the server.
    expect((await village.core.call(village.session, 'sync.status', {})).waiting).toBe(0);

    county.at(T0 + 10 * DAY + 3_600_000);
    await county.core.call(county.session, 'county.unlock', { placeCode: A, id: r.id, reason: '地址变更' });
    expect((await onServer(stationDb(A), r.id))!.countyLock).toBeUndefined();
    await syncOk(village);
    const unlocked = await village.core.call(village.session, 'residents.get', { id: r.id });
    expect(await village.core.call(village.session, 'residents.update', editOf('411', r.id, unlocked!.rev, '二号院'))).toMatchObject({ address: '二号院' });
    await syncOk(village);
    const after = await onServer(stationDb(A), r.id);
    expect(after).toMatchObject({ address: '二号院' });
    expect(after!.countyLock).toBeUndefined();
    expect(after!._conflicts).toBeUndefined();
    await eventually(() => onServer(aggregateDb(COUNTY), r.id), (d) => d?.address === '二号院');
  });

  it('sets aside a change made offline while the county accepted the record, says why, and keeps the county’s version', { timeout: 30_000 }, async () => {
    county.at(T0 + 12 * DAY);
    village.at(T0 + DAY);
    const r = await acceptedResident('413', '三号院');
    const locked = (await onServer(stationDb(A), r.id))!;
    expect(locked.countyLock).toBeDefined();

    // The clerk edits before the station has heard of the acceptance (no sync in between).
    const crossing = await village.core.call(village.session, 'residents.update', editOf('413', r.id, r.rev, '四号院'));
    expect(crossing.address).toBe('四号院');
    await syncOk(village);

    // The county's version is the record here and on the server; the crossing change never went up.
    expect((await village.core.call(village.session, 'residents.get', { id: r.id }))!.address).toBe('三号院');
    const here = await village.core.db.get<Stored>(r.id, { conflicts: true });
    expect(here).toMatchObject({ _rev: locked._rev, countyLock: locked.countyLock });
    expect(here._conflicts).toBeUndefined();
    const server = await onServer(stationDb(A), r.id);
    expect(server).toMatchObject({ _rev: locked._rev, address: '三号院' });
    expect(server!._conflicts).toBeUndefined();
    expect((await village.core.call(village.session, 'sync.status', {})).waiting).toBe(0);
    expect(await refusal(village.core.call(village.session, 'residents.update', editOf('413', r.id, locked._rev, '四号院')))).toMatchObject({ code: 'LOCKED' });

    // The clerk is told which record and why.
    const aside = await village.core.call(village.session, 'sync.quarantine', {});
    expect(aside).toContainEqual(
      expect.objectContaining({ id: r.id, rev: crossing.rev, messageKey: 'errors.sync.crossedLock', params: { at: '2026-12-04' }, label: expect.objectContaining({ type: 'resident', person: expect.objectContaining({ name: '张三' }) }) }),
    );
    // A later sync sends nothing of it either.
    await syncOk(village);
    expect((await onServer(stationDb(A), r.id))!._rev).toBe(locked._rev);
  });
});
