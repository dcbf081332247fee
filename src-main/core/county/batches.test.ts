// What reaches the county's review, against a real PouchDB Server provisioned like a county:
// audit entries never make a batch of their own, a USB batch later re-sent online is not a second
// batch of the same records, the stations view shows each station's latest sync, and a station
// that never had network sends its first batch on a USB file from its setup code alone.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { provisionCounty, type CreatedAccount, type ProvisionResult } from '../../../county/provision';
import { placeChildren } from '../../../shared/places/index';
import type { TransferFileView } from '../../../shared/rpc/handlers';
import type { SyncTiming } from '../sync/sync';
import { QUIET, accountOf, connectedStation, eventually, syncOk, type ClockedStation } from '../testing/countyStations';
import { idNumber, refusal, registration, tempDir } from '../testing/fixtures';

const COUNTY = '370102';
const [T1] = placeChildren(COUNTY).map((c) => c.code) as [string];
const [A, B, D, E] = placeChildren(T1).map((c) => c.code) as [string, string, string, string];
const ADMIN = { user: 'admin', password: 'county-batches-secret' };
const T0 = Date.parse('2026-11-22T02:00:00Z');
const MINUTE = 60_000;

let server: PouchServer;
let provisioned: ProvisionResult;
/** A server that takes connections and never answers: a network that swallows every request. */
let silent: net.Server;
let silentUrl: string;
const silentSockets = new Set<net.Socket>();
const cleanups: (() => Promise<void>)[] = [];

const station = (place: string, setupCode: string, timing: SyncTiming = QUIET, at = T0) => connectedStation(place, setupCode, { at, timing, cleanups, dirPrefix: 'leye-batches-station-' });
const sync = syncOk;
type Station = ClockedStation;

const account = (name: string): CreatedAccount => accountOf(provisioned, name);

/** The setup code with some fields changed (what the county printed, pointed elsewhere or forged). */
function changedCode(code: string, change: Record<string, unknown>): string {
  const fields = JSON.parse(Buffer.from(code, 'base64url').toString('utf8')) as Record<string, unknown>;
  return Buffer.from(JSON.stringify({ ...fields, ...change })).toString('base64url');
}

const importAtCounty = (file: TransferFileView) => county.core.call(county.session, 'transfer.import', { fileName: file.fileName, content: file.content });

/** Every batch the county lists for a place, with the records each carries. */
async function countyBatches(place: string): Promise<{ id: string; via: string; status: string; ids: string[]; problems: unknown[] }[]> {
  const list = await county.core.call(county.session, 'county.batches', { placeCode: place });
  const out = [];
  for (const b of list) {
    const detail = await county.core.call(county.session, 'county.batch', { batchId: b.id });
    out.push({ id: b.id, via: b.via, status: b.status, ids: detail?.records.map((r) => r.id) ?? [], problems: detail?.records.flatMap((r) => r.problems) ?? [] });
  }
  return out;
}

let county: Station;

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-batches-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, {
    county: COUNTY,
    townships: [{ code: T1, villages: [A, B, D, E] }],
    staff: [{ name: 'county-li', displayName: '李科长' }],
  });
  silent = net.createServer((socket) => {
    silentSockets.add(socket);
    socket.on('close', () => silentSockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
  county = await station(COUNTY, account('county-li').setupCode, QUIET, T0 + 60 * MINUTE * 24);
}, 30_000);

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  for (const socket of silentSockets) socket.destroy();
  await new Promise<void>((resolve) => silent?.close(() => resolve()));
  await server?.stop();
});

describe('what reaches the county to review', () => {
  it('sends audit entries without a batch of their own, and with the next batch of records', { timeout: 30_000 }, async () => {
    const a = await station(A, account(`station-${A}`).setupCode);
    const person = await a.core.call(a.session, 'residents.register', registration({ idNumber: idNumber('19900101', '411') }));
    await sync(a);
    expect(await a.core.call(a.session, 'sync.batches', {})).toHaveLength(1);

    // A print is audited: the entry goes up, but no batch asks the county to review it.
    a.at(T0 + 5 * MINUTE);
    await a.core.call(a.session, 'print.registration', { id: person.id });
    // Not one of the clerk's records: not counted as waiting, and it goes up all the same (below).
    expect((await a.core.call(a.session, 'sync.status', {})).waiting).toBe(0);
    await sync(a);
    expect((await a.core.call(a.session, 'sync.status', {})).waiting).toBe(0);
    expect(await a.core.call(a.session, 'sync.batches', {})).toHaveLength(1);
    const printAudit = (await a.core.db.allDocs({ startkey: 'audit:', endkey: 'audit:\ufff0' })).rows.map((r) => r.id);
    await eventually(
      () => county.core.call(county.session, 'county.batches', { placeCode: A }),
      (list) => list.length >= 1,
    );
    // (The audit entry reached the station's database on the server.)
    expect(printAudit.length).toBeGreaterThan(0);
    expect((await county.core.call(county.session, 'county.batches', { placeCode: A })).map((b) => b.id)).toHaveLength(1);

    // Printed again, then a record: the audit entry travels in the records' batch.
    a.at(T0 + 10 * MINUTE);
    await a.core.call(a.session, 'print.registration', { id: person.id });
    await a.core.call(a.session, 'residents.register', registration({ idNumber: idNumber('19910101', '413'), name: '李四' }));
    await sync(a);
    const batches = await a.core.call(a.session, 'sync.batches', {});
    expect(batches).toHaveLength(2);
    // (Newest first.)
    expect(batches[0]!.counts).toEqual({ resident: 1, audit: 1 });
    // Nothing to review stays off the county's list, and off its count of batches waiting.
    const listed = await eventually(
      () => county.core.call(county.session, 'county.batches', { placeCode: A }),
      (list) => list.length === 2,
    );
    expect(listed.every((b) => b.counts.resident === 1)).toBe(true);
    const stations = await county.core.call(county.session, 'county.stations', { staleDays: 7 });
    expect(stations.find((s) => s.placeCode === A)?.batchesWaiting).toBe(2);
  });

  it('presents a record once when a USB batch of it is later sent online too', { timeout: 30_000 }, async () => {
    const b = await station(B, account(`station-${B}`).setupCode);
    const first = await b.core.call(b.session, 'residents.register', registration({ idNumber: idNumber('19920101', '421'), name: '王五' }));
    // The network is down: the records go on a stick, and the county imports them.
    const file = await b.core.call(b.session, 'transfer.export', {});
    expect(await importAtCounty(file)).toMatchObject({ kind: 'batch', placeCode: B, imported: file.documents });
    await sync(county);
    await eventually(() => countyBatches(B), (list) => list.some((x) => x.id === file.batchId && x.ids.includes(first.id)));

    // Before the receipt comes back the network returns, and one more person was registered.
    b.at(T0 + 30 * MINUTE);
    const second = await b.core.call(b.session, 'residents.register', registration({ idNumber: idNumber('19930101', '423'), name: '赵六' }));
    await sync(b);
    const atCounty = await eventually(
      () => countyBatches(B),
      (list) => list.some((x) => x.ids.includes(second.id)),
    );
    // What a station of this version writes passes the county's rule check.
    expect(atCounty.flatMap((x) => x.problems)).toEqual([]);
    // Each record is presented for review in one batch only.
    for (const id of [first.id, second.id]) expect(atCounty.filter((x) => x.ids.includes(id)), id).toHaveLength(1);
    expect(atCounty.find((x) => x.ids.includes(first.id))).toMatchObject({ id: file.batchId, via: 'file', status: 'new' });
    // The station sees its file delivered (its manifest went up with the sync).
    expect((await b.core.call(b.session, 'sync.batches', {})).find((x) => x.id === file.batchId)?.status).toBe('delivered');
  });

  it("shows each station's latest sync: after the hourly heartbeat, and a file carried by USB", { timeout: 30_000 }, async () => {
    const d = await station(D, account(`station-${D}`).setupCode);
    const person = await d.core.call(d.session, 'residents.register', registration({ idNumber: idNumber('19940101', '431'), name: '孙七' }));
    await sync(d);
    const lastSync = async () => (await county.core.call(county.session, 'county.stations', { staleDays: 7 })).find((s) => s.placeCode === D)?.lastSyncAt;
    await eventually(lastSync, (at) => at === new Date(T0).toISOString());

    // Half an hour later (within the hour of its heartbeat) it syncs a record again.
    d.at(T0 + 30 * MINUTE);
    await d.core.call(d.session, 'residents.register', registration({ idNumber: idNumber('19950101', '433'), name: '周八' }));
    await sync(d);
    await eventually(lastSync, (at) => at === new Date(T0 + 30 * MINUTE).toISOString());

    // A quarter of an hour later only an audit entry goes up (no batch): that sync is the latest.
    d.at(T0 + 45 * MINUTE);
    await d.core.call(d.session, 'print.registration', { id: person.id });
    await sync(d);
    await eventually(lastSync, (at) => at === new Date(T0 + 45 * MINUTE).toISOString());

    // Then the network goes down; a file exported later reaches the county by hand.
    d.at(T0 + 120 * MINUTE);
    await d.core.call(d.session, 'residents.register', registration({ idNumber: idNumber('19960101', '435'), name: '吴九' }));
    const file = await d.core.call(d.session, 'transfer.export', {});
    await importAtCounty(file);
    await sync(county);
    await eventually(lastSync, (at) => at === new Date(T0 + 120 * MINUTE).toISOString());
  });
});

describe('a station that never had network', () => {
  it('sends its first batch on a USB file from its setup code alone; a forged file is still refused', { timeout: 30_000 }, async () => {
    const place = E;
    const code = account(`station-${E}`).setupCode;
    // Every request to the county goes unanswered (no network: nothing refuses, nothing answers).
    const offline = await station(place, changedCode(code, { url: silentUrl }), { ...QUIET, requestTimeoutMs: 1_000 });
    const status = await offline.core.call(offline.session, 'sync.status', {});
    expect(status).toMatchObject({ connected: true, lastSuccessAt: null, failure: { reason: 'unreachable' } });

    const person = await offline.core.call(offline.session, 'residents.register', registration({ idNumber: idNumber('19970101', '441'), name: '郑十' }));
    const file = await offline.core.call(offline.session, 'transfer.export', {});
    expect(await importAtCounty(file)).toMatchObject({ kind: 'batch', placeCode: place, imported: file.documents });
    await sync(county);
    const listed = await eventually(
      () => countyBatches(place),
      (list) => list.some((x) => x.id === file.batchId),
    );
    expect(listed.find((x) => x.id === file.batchId)).toMatchObject({ via: 'file', status: 'new', ids: expect.arrayContaining([person.id]) });

    // A file sealed with a key the county never issued is refused whole.
    const forger = await station(place, changedCode(code, { url: silentUrl, key: randomBytes(32).toString('base64') }), { ...QUIET, requestTimeoutMs: 1_000 });
    await forger.core.call(forger.session, 'residents.register', registration({ idNumber: idNumber('19980101', '443'), name: '冯十一' }));
    const forged = await forger.core.call(forger.session, 'transfer.export', {});
    expect(await refusal(importAtCounty(forged))).toMatchObject({ code: 'VALIDATION', field: 'content', messageKey: 'errors.transfer.otherKey' });
  });
});
