import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core, Session } from '../core';
import { LOCAL_DOCS_NOT_BACKED_UP, STATION_LOCAL_DOCS, readBackupFile, type BackupService } from './backup';
import { fakeResidents } from '../station/demo';
import { KEPT_FOLDER, openLocalDb, type StationDb } from '../store/db';
import { FIXED_NOW, idNumber, openStation, refusal, registration, tempDir } from '../testing/fixtures';
import { backupLines, setPassphrase, TEST_PASSPHRASE } from './testing';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The core's backup service, to run the daily schedule's step by the test's clock. */
const backups = (core: Core) => (core as unknown as { backups: BackupService }).backups;

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

async function station(options: Parameters<typeof openStation>[3] = {}, clock = () => FIXED_NOW, placeCode?: string) {
  const s = await openStation(tempDir(), clock, placeCode, { backupSchedule: { firstCheckMs: Infinity }, ...options });
  open.push(s.core);
  await setPassphrase(s.core, s.session);
  return s;
}

type Leaf = { _id: string; _rev: string; _revisions: { start: number; ids: string[] } };

/** Every leaf revision of every document (conflicts and deletions too), with its history. */
async function leaves(db: StationDb): Promise<Record<string, Leaf[]>> {
  const changes = await db.changes<object>({ since: 0, style: 'all_docs' });
  const wanted = changes.results.flatMap((c) => c.changes.map((r) => ({ id: c.id, rev: r.rev })));
  const got = await db.bulkGet({ docs: wanted, revs: true });
  const out: Record<string, Leaf[]> = {};
  for (const r of got.results) {
    for (const d of r.docs) if ('ok' in d) (out[r.id] ??= []).push(d.ok as unknown as Leaf);
    out[r.id]!.sort((a, b) => a._rev.localeCompare(b._rev));
  }
  return out;
}

/** Gives a resident a conflicting branch and leaves a deleted document behind. */
async function conflictAndDeletion(core: Core, residentId: string): Promise<void> {
  const doc = await core.db.get<Record<string, unknown>>(residentId);
  const rev1 = String(doc._rev).split('-')[1]!;
  const { _rev: _ignored, ...body } = doc;
  void _ignored;
  await core.db.bulkDocs([{ ...body, name: '李四', _rev: '2-ffffffffffffffffffffffffffffffff', _revisions: { start: 2, ids: ['ffffffffffffffffffffffffffffffff', rev1] } }], { new_edits: false });
  const gone = await core.db.put({ _id: 'note:gone', type: 'note' });
  await core.db.put({ _id: 'note:gone', _rev: gone.rev, _deleted: true });
}

/** A resident's editable fields (the ID number is not one). */
function edit() {
  const { idNumber: _omit, ...rest } = registration();
  void _omit;
  return rest;
}

async function names(core: Core, session: Session): Promise<string[]> {
  return (await core.call(session, 'residents.search', {})).items.map((r) => r.name).sort();
}

describe('backups', () => {
  it('holds every document with its revision history, its conflicts and deletions, and the station’s _local documents', async () => {
    const { core, session } = await station();
    const first = await core.call(session, 'residents.register', registration());
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '456'), name: '王五' }));
    await core.call(session, 'residents.update', { ...edit(), id: first.id, rev: first.rev, name: '张三丰' });
    await conflictAndDeletion(core, first.id);
    const made = await core.call(session, 'backup.now', {});
    expect(made.file).toMatch(/^乐业驿站备份-370102001002-20261122-100000-手动\.leyebak$/);
    const status = await core.call(session, 'backup.status', {});
    expect(status.lastBackup?.file).toBe(made.file);
    expect(status.folder).toBe(path.join(path.dirname(status.folder), 'backups'));

    const inFile: Record<string, Leaf[]> = {};
    const locals = new Map<string, Record<string, unknown>>();
    const checked = await readBackupFile(path.join(status.folder, made.file), TEST_PASSPHRASE, async (docs, page) => {
      for (const d of docs) (inFile[d._id] ??= []).push(d as Leaf);
      for (const l of page) locals.set(l._id, l);
    });
    for (const list of Object.values(inFile)) list.sort((a, b) => a._rev.localeCompare(b._rev));
    expect(inFile).toEqual(await leaves(core.db));
    expect(inFile[first.id]).toHaveLength(2);
    expect(inFile['note:gone']?.[0]).toMatchObject({ _deleted: true });
    expect(checked.header).toMatchObject({ placeCode: '370102001002', format: 'leye-station-backup', version: 3 });
    expect(checked.trailer.counts.resident).toBe(3);
    // The accounts and the station's identity key never replicate: only the backup keeps them.
    expect(JSON.stringify(locals.get('_local/users'))).toContain('scrypt$');
    expect(locals.get('_local/station')).toMatchObject({ placeCode: '370102001002', identityKey: expect.any(String) });
    expect(locals.has('_local/machine')).toBe(true);
  });

  it('reads back a backup far larger than one read (Chinese text split between chunks)', async () => {
    const { core, session } = await station();
    await core.seedResidents(fakeResidents(400, { placeCode: '370102001002', today: '2026-11-22', seed: 3 }), session.user!);
    const made = await core.call(session, 'backup.now', {});
    const folder = (await core.call(session, 'backup.status', {})).folder;
    expect((await backupLines(path.join(folder, made.file))).join('\n').length).toBeGreaterThan(256 * 1024);
    const checked = await readBackupFile(path.join(folder, made.file), TEST_PASSPHRASE);
    expect(checked.trailer.counts.resident).toBe(400);
  });

  it('restores a backup: the data as it was, every revision and conflict, the replaced data kept aside, everyone logged out', async () => {
    const { core, session, dataDir } = await station();
    const first = await core.call(session, 'residents.register', registration());
    await conflictAndDeletion(core, first.id);
    // A sign-in photo travels as an attachment.
    await core.db.put({ _id: 'photo:1', type: 'photo', _attachments: { 'face.jpg': { content_type: 'image/jpeg', data: Buffer.from('jpeg bytes').toString('base64') } } });
    const before = await leaves(core.db);
    const made = await core.call(session, 'backup.now', {});
    // Changed after the backup: a new resident, and the first one renamed.
    const other: Session = { user: null };
    await core.call(other, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '456'), name: '王五' }));
    const current = (await core.call(session, 'residents.get', { id: first.id }))!;
    await core.call(session, 'residents.update', { ...edit(), id: first.id, rev: current.rev, name: '张三丰' });
    expect(await names(core, session)).toEqual(['张三丰', '王五']);
    // The work list's and the statistics' saved copies describe the data being replaced.
    await core.call(session, 'worklist.list', {});
    await vi.waitUntil(() => fs.existsSync(path.join(dataDir, KEPT_FOLDER, 'worklist-facts.json')), { timeout: 5_000 });

    const result = await core.call(session, 'backup.restore', { file: made.file, passphrase: TEST_PASSPHRASE });
    expect(result).toMatchObject({ file: made.file, documents: Object.keys(before).length, replacedFolder: expect.stringMatching(/^replaced-\d{8}-\d{6}$/) });
    // Everyone logs in again, this window and the others.
    expect(session.user).toBeNull();
    expect((await refusal(core.call(other, 'residents.search', {}))).code).toBe('UNAUTHENTICATED');
    await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    // The conflict's branch (李四) was winning when the backup was made, and wins again.
    expect(await names(core, session)).toEqual(['李四']);
    // The replaced data is kept, whole, beside it.
    const replaced = path.join(dataDir, result.replacedFolder, 'station');
    expect(fs.existsSync(replaced)).toBe(true);
    // The saved copies go with it: the restored database's facts are read from its own records.
    expect(fs.existsSync(path.join(dataDir, result.replacedFolder, KEPT_FOLDER, 'worklist-facts.json'))).toBe(true);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('restoring-'))).toEqual([]);
    await core.close();
    open.pop();
    // The restored database is the backed-up one, revision for revision.
    const restored = openLocalDb(path.join(dataDir, 'station'));
    try {
      expect(await leaves(restored)).toEqual(before);
      const withAttachments = restored as unknown as { getAttachment(id: string, name: string): Promise<Buffer> };
      expect((await withAttachments.getAttachment('photo:1', 'face.jpg')).toString()).toBe('jpeg bytes');
    } finally {
      await restored.close();
    }
    const aside = openLocalDb(replaced);
    try {
      const rows = await aside.allDocs({ startkey: 'resident:', endkey: 'resident:\ufff0', include_docs: true });
      expect(rows.rows.map((r) => (r.doc as unknown as { name: string }).name).sort()).toEqual(['张三丰', '王五']);
    } finally {
      await aside.close();
    }
  });

  it('refuses a truncated, altered or foreign file before touching anything', async () => {
    const { core, session, dataDir } = await station();
    await core.call(session, 'residents.register', registration());
    const made = await core.call(session, 'backup.now', {});
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '456'), name: '王五' }));
    const folder = (await core.call(session, 'backup.status', {})).folder;
    const good = fs.readFileSync(path.join(folder, made.file));
    const name = (stamp: string) => `乐业驿站备份-370102001002-20261121-${stamp}.leyebak`;
    const write = (stamp: string, body: Buffer | string) => {
      fs.writeFileSync(path.join(folder, name(stamp)), body);
      return name(stamp);
    };
    // The lines inside, written again as plain files (version 2): the checks inside the encryption.
    const lines = await backupLines(path.join(folder, made.file));
    const plain = (stamp: string, text: string) => write(stamp, gzipSync(text));
    const v2 = [lines[0]!.replace('"version":3', '"version":2'), ...lines.slice(1)];
    const cases: [string, string][] = [
      [write('000001', good.subarray(0, good.length - 40)), 'errors.backup.truncated'],
      // Whole lines missing at the end, the gzip itself complete: no trailer.
      [plain('000002', v2.slice(0, -2).join('\n') + '\n'), 'errors.backup.truncated'],
      // One character changed in a document, still valid JSON: the checksum tells.
      [plain('000003', v2.map((l) => l.replace('张三', '张王')).join('\n') + '\n'), 'errors.backup.checksum'],
      [write('000004', Buffer.from('not a backup at all')), 'errors.backup.corrupt'],
      [plain('000005', '{"kind":"header","format":"something-else"}\n'), 'errors.backup.notBackup'],
      // Version 3 only encrypted: the same lines in plain gzip are refused.
      [plain('000006', lines.join('\n') + '\n'), 'errors.backup.version'],
    ];

    for (const [file, messageKey] of cases) {
      const refused = await refusal(core.call(session, 'backup.restore', { file, passphrase: TEST_PASSPHRASE }));
      expect(refused, file).toMatchObject({ code: 'VALIDATION', field: 'file', messageKey });
    }
    expect((await refusal(core.call(session, 'backup.restore', { file: '../station/CURRENT' }))).messageKey).toBe('errors.backup.fileName');
    expect((await refusal(core.call(session, 'backup.restore', { file: '乐业驿站备份-370102001002-20200101-000000.leyebak' }))).messageKey).toBe('errors.backup.fileNotFound');
    // Nothing replaced, nothing left half-done; the station works on.
    expect(await names(core, session)).toEqual(['张三', '王五']);
    expect(fs.readdirSync(dataDir).filter((n) => n.startsWith('replaced-') || n.startsWith('restoring-'))).toEqual([]);
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', '789'), name: '赵六' }));
  });

  it('asks before restoring another station’s backup', async () => {
    const a = await station();
    await a.core.call(a.session, 'residents.register', registration());
    const made = await a.core.call(a.session, 'backup.now', {});
    const b = await station({}, () => FIXED_NOW, '370102001003');
    const from = path.join((await a.core.call(a.session, 'backup.status', {})).folder, made.file);
    const bFolder = (await b.core.call(b.session, 'backup.status', {})).folder;
    fs.mkdirSync(bFolder, { recursive: true });
    fs.copyFileSync(from, path.join(bFolder, made.file));
    expect((await b.core.call(b.session, 'backup.list', {}))[0]).toMatchObject({ file: made.file, thisStation: false });
    const refused = await refusal(b.core.call(b.session, 'backup.restore', { file: made.file, passphrase: TEST_PASSPHRASE }));
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'confirmOtherStation', messageKey: 'errors.backup.otherStation', params: { place: '370102001002' } });
    await b.core.call(b.session, 'backup.restore', { file: made.file, confirmOtherStation: true, passphrase: TEST_PASSPHRASE });
    await b.core.call(b.session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    expect((await b.core.call(b.session, 'station.status', {})).station?.placeCode).toBe('370102001002');
    // A second restore on the restored station: a window opened afterwards logs in and stays in.
    await b.core.call(b.session, 'backup.restore', { file: made.file, passphrase: TEST_PASSPHRASE });
    const fresh: Session = { user: null };
    await b.core.call(fresh, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    expect((await b.core.call(fresh, 'residents.search', {})).items.map((r) => r.name)).toEqual(['张三']);
  });

  it('keeps the last N of this station’s daily backups, deleting old ones only after the new one is complete', async () => {
    let now = FIXED_NOW.getTime();
    const { core, session } = await station({}, () => new Date(now));
    const folder = tempDir('leye-usb-');
    const foreign = '乐业驿站备份-370102001003-20200101-000000.leyebak';
    fs.writeFileSync(path.join(folder, foreign), 'another station’s file');
    await core.call(session, 'backup.settings', { folder, keep: 2 });
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      made.push((await backups(core).runIfDue())!.file);
      now += DAY_MS;
    }
    expect(fs.readdirSync(folder).sort()).toEqual([made[2], made[3], foreign].sort());
    expect((await core.call(session, 'backup.list', {})).map((f) => f.file)).toEqual([made[3], made[2], foreign]);
    expect(fs.readdirSync(folder).some((n) => n.endsWith('.partial'))).toBe(false);
  });

  it('keeps manual backups apart: ten of them leave every daily backup in place and only the last three manual ones', async () => {
    let now = FIXED_NOW.getTime();
    const { core, session } = await station({}, () => new Date(now));
    const folder = tempDir('leye-usb-');
    // A daily backup written before manual ones were marked: it has no mark and stays a daily one.
    const older = '乐业驿站备份-370102001002-20261101-100000.leyebak';
    fs.writeFileSync(path.join(folder, older), 'an older daily backup');
    await core.call(session, 'backup.settings', { folder, keep: 7 });
    const daily: string[] = [];
    for (let i = 0; i < 3; i++) {
      daily.push((await backups(core).runIfDue())!.file);
      now += DAY_MS;
    }
    const manual: string[] = [];
    for (let i = 0; i < 10; i++) {
      manual.push((await core.call(session, 'backup.now', {})).file);
      now += 60 * 1000;
    }
    expect(manual.every((f) => f.endsWith('-手动.leyebak'))).toBe(true);
    expect(fs.readdirSync(folder).sort()).toEqual([older, ...daily, ...manual.slice(7)].sort());
    const listed = await core.call(session, 'backup.list', {});
    expect(listed.filter((f) => f.manual).map((f) => f.file)).toEqual(manual.slice(7).reverse());
    expect(listed.filter((f) => !f.manual).map((f) => f.file)).toEqual([...daily].reverse().concat(older));
    // Manual backups do not put the daily schedule off: it counts from the last daily one.
    expect((await core.call(session, 'backup.status', {})).nextDueAt).toBe(new Date(FIXED_NOW.getTime() + 3 * DAY_MS).toISOString());
  });

  it('lets only an admin back up on request (a clerk’s backup.now is refused and writes nothing)', async () => {
    const { core, session } = await station();
    await core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: 'lisi-pass-1' });
    const clerk: Session = { user: null };
    await core.call(clerk, 'auth.login', { loginName: 'lisi', password: 'lisi-pass-1' });
    expect(await refusal(core.call(clerk, 'backup.now', {}))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await core.call(clerk, 'backup.list', {})).toEqual([]);
  });

  it('backs up once a day on its own, by the injected clock', async () => {
    let now = FIXED_NOW.getTime();
    const { core, session } = await station({ backupSchedule: { firstCheckMs: 10, checkIntervalMs: 20 } }, () => new Date(now));
    const count = async () => (await core.call(session, 'backup.list', {})).length;
    const until = async (n: number) => {
      for (let i = 0; i < 200 && (await count()) < n; i++) await new Promise((r) => setTimeout(r, 20));
      return count();
    };
    expect(await until(1)).toBe(1);
    now += 23 * 60 * 60 * 1000;
    await new Promise((r) => setTimeout(r, 200));
    expect(await count()).toBe(1);
    expect((await core.call(session, 'backup.status', {})).nextDueAt).toBe(new Date(FIXED_NOW.getTime() + 24 * 60 * 60 * 1000).toISOString());
    now += 60 * 60 * 1000;
    expect(await until(2)).toBe(2);
  });

  it('records a failure (the USB stick is gone) and checks the folder a clerk names', async () => {
    const { core, session } = await station();
    const usb = tempDir('leye-usb-');
    expect((await refusal(core.call(session, 'backup.settings', { folder: 'relative/folder', keep: 7 }))).messageKey).toBe('errors.backup.folderNotAbsolute');
    expect((await refusal(core.call(session, 'backup.settings', { folder: path.join(usb, 'missing'), keep: 7 }))).messageKey).toBe('errors.backup.folderMissing');
    await core.call(session, 'backup.settings', { folder: usb, keep: 7 });
    fs.rmSync(usb, { recursive: true });
    const refused = await refusal(core.call(session, 'backup.now', {}));
    expect(refused).toMatchObject({ code: 'STORAGE', field: 'folder', messageKey: 'errors.backup.folderMissing' });
    expect((await core.call(session, 'backup.status', {})).failure).toMatchObject({ messageKey: 'errors.backup.folderMissing', count: 1 });
    fs.mkdirSync(usb);
    await core.call(session, 'backup.now', {});
    expect((await core.call(session, 'backup.status', {})).failure).toBeNull();
  });

  it('covers every _local document the core writes (a new one must be added to the backup or excluded on purpose)', () => {
    const root = path.resolve(import.meta.dirname, '..');
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) sources.push(fs.readFileSync(full, 'utf8'));
      }
    };
    walk(root);
    const ids = new Set(sources.flatMap((text) => [...text.matchAll(/[`'"](_local\/[A-Za-z0-9_-]+)/g)].map((m) => m[1]!)));
    expect(ids.size).toBeGreaterThan(5);
    const covered = (id: string) =>
      (STATION_LOCAL_DOCS as readonly string[]).includes(id) || id === '_local/batch-part' || LOCAL_DOCS_NOT_BACKED_UP.some((prefix) => id.startsWith(prefix.replace(/-$/, '')));
    expect([...ids].filter((id) => !covered(id))).toEqual([]);
  });
});
