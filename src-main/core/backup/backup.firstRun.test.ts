// A reinstalled PC opens on the first-run screen with no station: a backup file (a USB stick)
// brings the station back, accounts included. Only then: once a station is set up, the first-run
// handlers are refused before they read anything, and a restore is the admin's `backup.restore`.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core, type Session } from '../core';
import { FIXED_NOW, idNumber, openStation, refusal, registration, tempDir } from '../testing/fixtures';
import { setPassphrase, TEST_PASSPHRASE } from './testing';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const QUIET = { backupSchedule: { firstCheckMs: Infinity } };

/** A village station with two residents, its backup copied to a USB stick (a folder elsewhere). */
async function backedUpStation() {
  const s = await openStation(tempDir(), () => FIXED_NOW, undefined, QUIET);
  open.push(s.core);
  await setPassphrase(s.core, s.session);
  await s.core.call(s.session, 'residents.register', registration());
  await s.core.call(s.session, 'residents.register', registration({ idNumber: idNumber('19850101', '456'), name: '王五' }));
  const made = await s.core.call(s.session, 'backup.now', {});
  const usb = tempDir('leye-usb-');
  fs.copyFileSync(path.join(s.dataDir, 'backups', made.file), path.join(usb, made.file));
  return { ...s, usb, file: made.file };
}

async function freshPc(): Promise<{ core: Core; session: Session; dataDir: string }> {
  const dataDir = tempDir('leye-reinstalled-');
  const core = await Core.open({ dataDir, clock: () => FIXED_NOW, ...QUIET });
  open.push(core);
  return { core, session: { user: null }, dataDir };
}

describe('restoring a backup at first run', () => {
  it('lists and checks a backup on a USB stick, restores it with no account, then its accounts log in', async () => {
    const { usb, file } = await backedUpStation();
    const pc = await freshPc();
    expect((await pc.core.call(pc.session, 'station.status', {})).setUp).toBe(false);

    expect(await pc.core.call(pc.session, 'backup.firstRunFiles', { folder: usb })).toEqual([expect.objectContaining({ file, placeCode: '370102001002', thisStation: false })]);
    // The default folder (inside this new data folder) has none yet; a folder must be a full path that is there.
    expect(await pc.core.call(pc.session, 'backup.firstRunFiles', { folder: null })).toEqual([]);
    expect(await refusal(pc.core.call(pc.session, 'backup.firstRunFiles', { folder: 'usb/backups' }))).toMatchObject({ field: 'folder', messageKey: 'errors.backup.folderNotAbsolute' });
    expect(await refusal(pc.core.call(pc.session, 'backup.firstRunFiles', { folder: path.join(usb, 'missing') }))).toMatchObject({ field: 'folder', messageKey: 'errors.backup.folderMissing' });

    // Encrypted: without its passphrase, or with a wrong one, it is neither read nor restored.
    expect((await pc.core.call(pc.session, 'backup.firstRunFiles', { folder: usb }))[0]).toMatchObject({ encrypted: true });
    expect(await refusal(pc.core.call(pc.session, 'backup.firstRunCheck', { folder: usb, file }))).toMatchObject({ field: 'passphrase', messageKey: 'errors.backup.passphraseNeeded' });
    expect(await refusal(pc.core.call(pc.session, 'backup.firstRunCheck', { folder: usb, file, passphrase: 'another passphrase' }))).toMatchObject({ field: 'passphrase', messageKey: 'errors.backup.passphraseWrong' });
    expect(await refusal(pc.core.call(pc.session, 'backup.firstRunRestore', { folder: usb, file, passphrase: 'another passphrase' }))).toMatchObject({ field: 'passphrase', messageKey: 'errors.backup.passphraseWrong' });
    expect((await pc.core.call(pc.session, 'station.status', {})).setUp).toBe(false);
    expect(fs.readdirSync(pc.dataDir).filter((n) => n.startsWith('replaced-') || n.startsWith('restoring-'))).toEqual([]);

    const contents = await pc.core.call(pc.session, 'backup.firstRunCheck', { folder: usb, file, passphrase: TEST_PASSPHRASE });
    expect(contents).toMatchObject({ file, placeCode: '370102001002', stationName: '解放桥社区居民委员会', createdAt: FIXED_NOW.toISOString(), relayPlaces: [], encrypted: true });
    expect(contents.counts.resident).toBe(2);

    const result = await pc.core.call(pc.session, 'backup.firstRunRestore', { folder: usb, file, passphrase: TEST_PASSPHRASE });
    expect(result).toMatchObject({ file, documents: contents.documents, replacedFolder: expect.stringMatching(/^replaced-/) });
    expect(await pc.core.call(pc.session, 'station.status', {})).toMatchObject({ setUp: true, user: null, station: { placeCode: '370102001002' } });
    await pc.core.call(pc.session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    expect((await pc.core.call(pc.session, 'residents.search', {})).items.map((r) => r.name).sort()).toEqual(['张三', '王五']);
    // The new PC backs up on with the passphrase typed at the restore.
    expect((await pc.core.call(pc.session, 'backup.status', {})).passphraseSet).toBe(true);
    expect((await pc.core.call(pc.session, 'backup.now', {})).encrypted).toBe(true);
    // The restored station lives in this data folder; the file on the stick is untouched.
    expect(fs.existsSync(path.join(pc.dataDir, 'station', 'CURRENT'))).toBe(true);
    expect(fs.readdirSync(usb)).toEqual([file]);

    // Set up now: the first-run handlers are refused, before any folder is even looked at.
    const nobody: Session = { user: null };
    for (const [name, args] of [
      ['backup.firstRunFiles', { folder: usb }],
      ['backup.firstRunCheck', { folder: '/nowhere', file }],
      ['backup.firstRunRestore', { folder: usb, file }],
    ] as const) {
      expect(await refusal(pc.core.call(nobody, name, args)), name).toEqual({ code: 'STATION_ALREADY_SET_UP', messageKey: 'errors.backup.firstRunOnly' });
    }
    // A restore on a set-up station stays the admin's.
    expect((await refusal(pc.core.call(nobody, 'backup.restore', { file }))).code).toBe('UNAUTHENTICATED');
  });

  it('refuses the first-run restore on a station that is set up, whoever calls', async () => {
    const { core, session, usb, file } = await backedUpStation();
    expect(await refusal(core.call(session, 'backup.firstRunRestore', { folder: usb, file }))).toMatchObject({ code: 'STATION_ALREADY_SET_UP' });
    expect(await refusal(core.call({ user: null }, 'backup.firstRunCheck', { folder: usb, file }))).toMatchObject({ code: 'STATION_ALREADY_SET_UP' });
    expect((await core.call(session, 'residents.search', {})).items).toHaveLength(2);
  });

  it('refuses a damaged file at first run and leaves the machine as it was (still asking for its station)', async () => {
    const { usb, file } = await backedUpStation();
    const body = fs.readFileSync(path.join(usb, file));
    const cut = file.replace('.leyebak', '-2.leyebak');
    fs.writeFileSync(path.join(usb, cut), body.subarray(0, body.length - 40));
    const pc = await freshPc();
    expect(await refusal(pc.core.call(pc.session, 'backup.firstRunCheck', { folder: usb, file: cut, passphrase: TEST_PASSPHRASE }))).toMatchObject({ field: 'file', messageKey: 'errors.backup.truncated' });
    expect(await refusal(pc.core.call(pc.session, 'backup.firstRunRestore', { folder: usb, file: cut, passphrase: TEST_PASSPHRASE }))).toMatchObject({ field: 'file', messageKey: 'errors.backup.truncated' });
    expect(await refusal(pc.core.call(pc.session, 'backup.firstRunRestore', { folder: usb, file: '../station/CURRENT' }))).toMatchObject({ field: 'file', messageKey: 'errors.backup.fileName' });
    expect((await pc.core.call(pc.session, 'station.status', {})).setUp).toBe(false);
    expect(fs.readdirSync(pc.dataDir).filter((n) => n.startsWith('replaced-') || n.startsWith('restoring-'))).toEqual([]);
    // The good file still restores afterwards.
    await pc.core.call(pc.session, 'backup.firstRunRestore', { folder: usb, file, passphrase: TEST_PASSPHRASE });
    expect((await pc.core.call(pc.session, 'station.status', {})).setUp).toBe(true);
  });
});
