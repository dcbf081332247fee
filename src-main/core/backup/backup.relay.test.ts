// Backups of a township (or county) machine hold its relay copies: a village's USB file imported
// there is on this side of the stick only in the relay copy until the next sync, so a disk that
// dies in between must not take it along. The restored relay copy goes up on the next sync.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Couch } from '../../../county/couch';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../../county/pouchServer';
import { provisionCounty, type ProvisionResult } from '../../../county/provision';
import { Core, type Session } from '../core';
import type { SyncService, SyncTiming } from '../sync/sync';
import { openLocalDb, type StationDb } from '../store/db';
import { idNumber, registration, tempDir } from '../testing/fixtures';
import { backupLines, setPassphrase, TEST_PASSPHRASE, writePlainBackup } from './testing';

const TOWNSHIP = '370102001';
const VILLAGE = '370102001003';
const ADMIN = { user: 'admin', password: 'backup-relay-test-secret' };
const CLERK = { loginName: 'clerk', displayName: '王丽', password: 'secret-123' };
const QUIET: SyncTiming = { debounceMs: 600_000, intervalMs: 600_000, backoffBaseMs: 600_000, backoffMaxMs: 600_000, requestTimeoutMs: 15_000 };

let server: PouchServer;
let provisioned: ProvisionResult;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  server = await startPouchServer({ dir: tempDir('leye-backup-relay-server-') });
  await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
  provisioned = await provisionCounty(server.url, ADMIN, { county: '370102', townships: [{ code: TOWNSHIP, villages: [VILLAGE] }] });
}, 30_000);

afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
  await server?.stop();
});

const setupCodeOf = (place: string) => provisioned.created.find((a) => a.place === place)!.setupCode;
/** The same code pointing at a port nobody answers: a station with the county key but no network. */
function offlineCode(place: string): string {
  const fields = JSON.parse(Buffer.from(setupCodeOf(place), 'base64url').toString('utf8')) as Record<string, unknown>;
  return Buffer.from(JSON.stringify({ ...fields, url: 'http://127.0.0.1:9' })).toString('base64url');
}

async function openCore(dataDir: string): Promise<Core> {
  const core = await Core.open({ dataDir, syncTiming: QUIET, backupSchedule: { firstCheckMs: Infinity } });
  cleanups.push(() => core.close());
  return core;
}

async function station(place: string, setupCode: string | null, dataDir = tempDir('leye-backup-relay-')): Promise<{ core: Core; session: Session; dataDir: string }> {
  const core = await openCore(dataDir);
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: place, clerk: CLERK });
  await core.call(session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
  await setPassphrase(core, session);
  if (setupCode) await core.call(session, 'sync.connect', { setupCode });
  return { core, session, dataDir };
}

/** The core answering now: after a restore, the one opened on the restored data. */
async function answering(core: Core): Promise<Core> {
  let next = core;
  for (;;) {
    const successor = (next as unknown as { successor: Promise<Core> | null }).successor;
    if (!successor) return next;
    next = await successor;
  }
}

async function relayOf(core: Core, place: string): Promise<StationDb> {
  return ((await answering(core)) as unknown as { sync: SyncService }).sync.relay(place);
}

type Leaf = { _id: string; _rev: string; _revisions: { start: number; ids: string[] } };

/** Every leaf revision of a database with its history (what a backup must keep). */
async function leaves(db: StationDb): Promise<Record<string, Leaf[]>> {
  const changes = await db.changes<object>({ since: 0, style: 'all_docs' });
  const wanted = changes.results.flatMap((c) => c.changes.map((r) => ({ id: c.id, rev: r.rev })));
  // PouchDB's bulkGet of nothing never answers.
  if (wanted.length === 0) return {};
  const got = await db.bulkGet({ docs: wanted, revs: true });
  const out: Record<string, Leaf[]> = {};
  for (const r of got.results) {
    for (const d of r.docs) if ('ok' in d) (out[r.id] ??= []).push(d.ok as unknown as Leaf);
    out[r.id]?.sort((a, b) => a._rev.localeCompare(b._rev));
  }
  return out;
}

async function serverDocs(db: string): Promise<Map<string, string>> {
  const body = (await new Couch(server.url, ADMIN).call<{ rows: { id: string; value: { rev: string } }[] }>('GET', `/${db}/_all_docs`)).body;
  return new Map(body.rows.map((r) => [r.id, r.value.rev]));
}

/** A backup file rewritten as version 1 wrote it: plain gzip, no relay lines, no relay counts, its own checksum. */
async function asVersion1(file: string, to: string): Promise<void> {
  writePlainBackup(await backupLines(file), to, 1, (line) => line.kind !== 'relay');
}

describe('backups of relay copies', () => {
  it('bring back a village file imported at a township whose disk died before its next sync, and that sync takes it up', async () => {
    // Village without network: two residents, one of them edited (a history of two revisions), on a USB file.
    const village = await station(VILLAGE, offlineCode(VILLAGE));
    const first = await village.core.call(village.session, 'residents.register', registration({ idNumber: idNumber('19860202', '202'), name: '钱二' }));
    await village.core.call(village.session, 'residents.register', registration({ idNumber: idNumber('19870303', '203'), name: '孙三' }));
    const { idNumber: _id, ...editable } = registration({ name: '钱二' });
    void _id;
    await village.core.call(village.session, 'residents.update', { ...editable, id: first.id, rev: first.rev, name: '钱二娃' });
    const file = await village.core.call(village.session, 'transfer.export', {});

    // The township imports it and backs up; then its disk dies before it syncs.
    const township = await station(TOWNSHIP, setupCodeOf(TOWNSHIP));
    expect(await township.core.call(township.session, 'transfer.import', { fileName: file.fileName, content: file.content })).toMatchObject({ imported: file.documents });
    const imported = await leaves(await relayOf(township.core, VILLAGE));
    expect(imported[first.id]?.[0]?._revisions.ids).toHaveLength(2);
    const made = await township.core.call(township.session, 'backup.now', {});
    const usb = tempDir('leye-usb-');
    fs.copyFileSync(path.join(township.dataDir, 'backups', made.file), path.join(usb, made.file));
    await township.core.close();
    cleanups.splice(cleanups.length - 1, 1);
    fs.rmSync(township.dataDir, { recursive: true, force: true });
    expect([...(await serverDocs(`station_${VILLAGE}`)).keys()].filter((id) => !id.startsWith('_design/'))).toEqual([]);

    // Reinstalled: an empty data folder, the backup restored from the USB stick at first run.
    const again = { core: await openCore(tempDir('leye-backup-relay-')), session: { user: null } as Session };
    await again.core.call(again.session, 'backup.firstRunRestore', { folder: usb, file: made.file, passphrase: TEST_PASSPHRASE });
    await again.core.call(again.session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    // The relay copy is back, revision for revision (its replication checkpoints are not).
    expect(await leaves(await relayOf(again.core, VILLAGE))).toEqual(imported);

    // The county credentials went with the disk: connect again, and the next sync takes the file up.
    await again.core.call(again.session, 'sync.connect', { setupCode: setupCodeOf(TOWNSHIP) });
    expect(await again.core.call(again.session, 'sync.now', {})).toMatchObject({ state: 'idle', failure: null });
    const atCounty = await serverDocs(`station_${VILLAGE}`);
    for (const [id, revs] of Object.entries(imported)) expect(atCounty.get(id), id).toBe(revs[revs.length - 1]!._rev);
    expect(atCounty.get(first.id)?.startsWith('2-')).toBe(true);
    expect(atCounty.has(file.batchId)).toBe(true);
  }, 60_000);

  it('replace the relay copies on restore (the replaced ones kept aside, new handles opened); a version 1 file leaves them as they are', async () => {
    const township = await station(TOWNSHIP, null);
    const before = await relayOf(township.core, VILLAGE);
    await before.put({ _id: 'resident:backed-up', type: 'resident', name: '赵一' });
    const made = await township.core.call(township.session, 'backup.now', {});
    await before.put({ _id: 'resident:after-backup', type: 'resident', name: '钱二' });

    const result = await township.core.call(township.session, 'backup.restore', { file: made.file, passphrase: TEST_PASSPHRASE });
    await township.core.call(township.session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    const restored = await relayOf(township.core, VILLAGE);
    expect(restored).not.toBe(before);
    expect((await restored.allDocs()).rows.map((r) => r.id)).toEqual(['resident:backed-up']);
    // The old handle is closed; the new one takes writes (a second import after the restore).
    await restored.put({ _id: 'resident:after-restore', type: 'resident', name: '孙三' });
    // The replaced relay copy is kept whole beside the replaced station.
    await township.core.close();
    cleanups.splice(cleanups.length - 1, 1);
    const aside = openLocalDb(path.join(township.dataDir, result.replacedFolder, 'relay', VILLAGE));
    try {
      expect((await aside.allDocs()).rows.map((r) => r.id)).toEqual(['resident:after-backup', 'resident:backed-up']);
    } finally {
      await aside.close();
    }

    // An older backup file (no relay copies) still restores, and leaves the relay copies alone.
    const reopened = await openCore(township.dataDir);
    const session: Session = { user: null };
    await reopened.call(session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    const old = made.file.replace('.leyebak', '-2.leyebak');
    await asVersion1(path.join(township.dataDir, 'backups', made.file), path.join(township.dataDir, 'backups', old));
    const second = await reopened.call(session, 'backup.restore', { file: old });
    await reopened.call(session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    expect((await (await relayOf(reopened, VILLAGE)).allDocs()).rows.map((r) => r.id)).toEqual(['resident:after-restore', 'resident:backed-up']);
    expect(fs.existsSync(path.join(township.dataDir, second.replacedFolder, 'relay'))).toBe(false);
    expect((await reopened.call(session, 'station.status', {})).station?.placeCode).toBe(TOWNSHIP);
  }, 60_000);
});
