// Backups leave the station on USB sticks: they are encrypted with the backup passphrase the
// admin sets (scrypt, AES-256-GCM). Nothing a person typed, no password hash and no key is in the
// file's bytes; a wrong passphrase or a changed byte is refused before anything is replaced; an
// older (plain, version 2) file still restores; without a passphrase no backup is written at all.
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core, Session } from '../core';
import type { SecretBox } from '../sync/secretBox';
import { FIXED_NOW, idNumber, openStation, refusal, registration, tempDir } from '../testing/fixtures';
import { readBackupFile, type BackupService } from './backup';
import { BACKUP_PASSPHRASE_DOC } from './passphrase';
import { asVersion2, setPassphrase, TEST_PASSPHRASE } from './testing';

const DAY_MS = 24 * 60 * 60 * 1000;
const backups = (core: Core) => (core as unknown as { backups: BackupService }).backups;

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** A key store that seals as the app's would (here: reversible, but never the text as it is). */
const box: SecretBox = {
  kind: 'test-box',
  seal: async (plain) => `sealed:${Buffer.from(plain).toString('base64').split('').reverse().join('')}`,
  open: async (sealed) => Buffer.from(sealed.slice('sealed:'.length).split('').reverse().join(''), 'base64').toString(),
};

async function station(clock = () => FIXED_NOW) {
  const s = await openStation(tempDir(), clock, undefined, { backupSchedule: { firstCheckMs: Infinity }, secretBox: box });
  open.push(s.core);
  return s;
}

async function names(core: Core, session: Session): Promise<string[]> {
  return (await core.call(session, 'residents.search', {})).items.map((r) => r.name).sort();
}

/** No restore left anything behind in the data folder. */
function leftovers(dataDir: string): string[] {
  return fs.readdirSync(dataDir).filter((n) => n.startsWith('replaced-') || n.startsWith('restoring-'));
}

/** A station with a resident (full ID number, phone, name), a passphrase, and a manual backup of it. */
async function backedUp() {
  const s = await station();
  await setPassphrase(s.core, s.session);
  const person = registration({ idNumber: idNumber('19780304', '517'), name: '欧阳秀英', phone: '13905311234' });
  await s.core.call(s.session, 'residents.register', person);
  const made = await s.core.call(s.session, 'backup.now', {});
  const folder = (await s.core.call(s.session, 'backup.status', {})).folder;
  return { ...s, person, made, folder, file: path.join(folder, made.file) };
}

describe('encrypted backups', () => {
  it('hold no ID number, phone, name, password hash, key or station in the file’s bytes', async () => {
    const { core, person, file, made } = await backedUp();
    expect(made.encrypted).toBe(true);
    const users = await core.db.get<{ users: Record<string, { passwordHash: string }> }>('_local/users');
    const hash = Object.values(users.users)[0]!.passwordHash;
    const stationDoc = await core.db.get<{ identityKey: string; name: string }>('_local/station');
    const secrets = [person.idNumber, person.idNumber.slice(0, 14), person.phone!, person.name, hash, hash.split('$').pop()!, stationDoc.identityKey, stationDoc.name, '370102001002', '王丽', 'wangli'];
    const bytes = fs.readFileSync(file);
    // Were it gzip (as before), its inflated text would be searched too.
    let inflated: Buffer | null = null;
    try {
      inflated = gunzipSync(bytes);
    } catch {
      inflated = null;
    }
    for (const haystack of [bytes, ...(inflated ? [inflated] : [])]) {
      for (const secret of secrets) expect(haystack.includes(Buffer.from(secret, 'utf8')), `${secret} in the file`).toBe(false);
    }
    // The plain header names the format, the version, the KDF's costs, the salt and the IV: nothing else.
    const header = JSON.parse(bytes.subarray(0, bytes.indexOf(0x0a)).toString('utf8')) as Record<string, unknown>;
    expect(Object.keys(header).sort()).toEqual(['cipher', 'format', 'iv', 'kdf', 'salt', 'version']);
    expect(header).toMatchObject({ format: 'leye-station-backup', version: 3, cipher: 'aes-256-gcm', kdf: { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } });
    expect(Buffer.from(header.salt as string, 'base64')).toHaveLength(16);
    expect(Buffer.from(header.iv as string, 'base64')).toHaveLength(12);
  });

  it('gives a random salt and IV to every file, and never carries the passphrase (sealed on this machine)', async () => {
    const { core, session, file, folder } = await backedUp();
    const second = await core.call(session, 'backup.now', {});
    const head = (f: string) => JSON.parse(fs.readFileSync(f).subarray(0, 1024).toString('utf8').split('\n')[0]!) as { salt: string; iv: string };
    const [a, b] = [head(file), head(path.join(folder, second.file))];
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    // Kept on this machine, sealed by its key store: not as typed.
    const kept = await core.db.get<Record<string, unknown>>(BACKUP_PASSPHRASE_DOC);
    expect(kept).toMatchObject({ box: 'test-box', sealed: expect.any(String) });
    expect(JSON.stringify(kept)).not.toContain(TEST_PASSPHRASE);
    // And never in a backup: the file's `_local` documents do not include it.
    const locals: string[] = [];
    await readBackupFile(file, TEST_PASSPHRASE, async (_docs, page) => {
      locals.push(...page.map((d) => d._id));
    });
    expect(locals).toContain('_local/users');
    expect(locals).not.toContain(BACKUP_PASSPHRASE_DOC);
  });

  it('restores with the right passphrase; a wrong or missing one is refused on the passphrase field and changes nothing', async () => {
    const { core, session, dataDir, made, person } = await backedUp();
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '456'), name: '王五' }));
    expect(await names(core, session)).toEqual(['欧阳秀英', '王五'].sort());

    expect(await refusal(core.call(session, 'backup.restore', { file: made.file }))).toMatchObject({ code: 'VALIDATION', field: 'passphrase', messageKey: 'errors.backup.passphraseNeeded' });
    for (const wrong of ['乐业驿站 backup 口令 2025', 'x', `${TEST_PASSPHRASE} `]) {
      expect(await refusal(core.call(session, 'backup.restore', { file: made.file, passphrase: wrong }))).toMatchObject({ code: 'VALIDATION', field: 'passphrase', messageKey: 'errors.backup.passphraseWrong' });
    }
    // Nothing replaced, nothing left aside; the session goes on.
    expect(await names(core, session)).toEqual(['欧阳秀英', '王五'].sort());
    expect(leftovers(dataDir)).toEqual([]);

    const result = await core.call(session, 'backup.restore', { file: made.file, passphrase: TEST_PASSPHRASE });
    expect(result.documents).toBeGreaterThan(0);
    await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    expect(await names(core, session)).toEqual(['欧阳秀英']);
    const [restored] = (await core.call(session, 'residents.search', {})).items;
    expect((await core.call(session, 'residents.reveal', { id: restored!.id, field: 'idNumber' })).value).toBe(person.idNumber);
    // The restored station backs up on with the passphrase that opened the file.
    expect((await core.call(session, 'backup.status', {})).passphraseSet).toBe(true);
    await core.call(session, 'backup.now', {});
  });

  it('refuses a file with a byte changed anywhere (header, body, tag) before touching anything', async () => {
    const { core, session, dataDir, file, folder } = await backedUp();
    const good = fs.readFileSync(file);
    const headerEnd = good.indexOf(0x0a);
    const flipped = (at: number, stamp: string, to?: number) => {
      const body = Buffer.from(good);
      body[at] = to ?? body[at]! ^ 0x01;
      const name = `乐业驿站备份-370102001002-20261121-${stamp}.leyebak`;
      fs.writeFileSync(path.join(folder, name), body);
      return name;
    };
    const header = good.subarray(0, headerEnd).toString('latin1');
    // The salt's first character (six bits of the salt, never padding) made another letter: a
    // well-formed salt, so another key, which opens nothing.
    const inSalt = header.indexOf('"salt":"') + 8;
    const cases: [string, Record<string, string>][] = [
      [flipped(inSalt, '000001', header[inSalt] === 'A' ? 0x42 : 0x41), { field: 'passphrase', messageKey: 'errors.backup.passphraseWrong' }],
      // The cipher's name in the header (authenticated with the data).
      [flipped(header.indexOf('"cipher":"') + 12, '000002'), { field: 'file' }],
      // Anywhere in the encrypted body, and in the tag at the end.
      [flipped(headerEnd + 1 + Math.floor((good.length - headerEnd) / 2), '000003'), { field: 'file' }],
      [flipped(good.length - 20, '000004'), { field: 'file' }],
      [flipped(good.length - 1, '000005'), { field: 'file', messageKey: 'errors.backup.tampered' }],
    ];
    for (const [name, expected] of cases) {
      const refused = await refusal(core.call(session, 'backup.restore', { file: name, passphrase: TEST_PASSPHRASE }));
      expect(refused, name).toMatchObject({ code: 'VALIDATION', ...expected });
      expect(refused.messageKey, name).toMatch(/^errors\.backup\./);
    }
    expect(await names(core, session)).toEqual(['欧阳秀英']);
    expect(leftovers(dataDir)).toEqual([]);
  });

  it('still restores a version 2 file (plain, written before backups were encrypted) without a passphrase, and says it was not encrypted', async () => {
    const { core, session, file, folder } = await backedUp();
    const older = '乐业驿站备份-370102001002-20261101-100000.leyebak';
    await asVersion2(file, path.join(folder, older));
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19850101', '456'), name: '王五' }));
    expect((await core.call(session, 'backup.list', {})).find((f) => f.file === older)).toMatchObject({ encrypted: false });
    await core.call(session, 'backup.restore', { file: older });
    await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    expect(await names(core, session)).toEqual(['欧阳秀英']);
    // This machine's passphrase stays: the next backup is encrypted as before.
    expect((await core.call(session, 'backup.status', {})).passphraseSet).toBe(true);
    expect((await core.call(session, 'backup.now', {})).encrypted).toBe(true);
  });

  it('writes no backup without a passphrase: the daily run is skipped and the status says why', async () => {
    let now = FIXED_NOW.getTime();
    const { core, session, dataDir } = await station(() => new Date(now));
    expect(await backups(core).runIfDue()).toBeNull();
    const status = await core.call(session, 'backup.status', {});
    expect(status).toMatchObject({ passphraseSet: false, lastBackup: null, skipped: { at: FIXED_NOW.toISOString(), messageKey: 'errors.backup.noPassphrase' } });
    expect(await refusal(core.call(session, 'backup.now', {}))).toMatchObject({ code: 'VALIDATION', field: 'passphrase', messageKey: 'errors.backup.noPassphrase' });
    const written = fs.existsSync(path.join(dataDir, 'backups')) ? fs.readdirSync(path.join(dataDir, 'backups')) : [];
    expect(written).toEqual([]);
    // Once set, the next run writes an encrypted backup and the skip is gone from the status.
    await setPassphrase(core, session);
    expect((await core.call(session, 'backup.status', {})).skipped).toBeNull();
    now += DAY_MS;
    expect(await backups(core).runIfDue()).toMatchObject({ encrypted: true, manual: false });
    expect((await core.call(session, 'backup.status', {})).passphraseSet).toBe(true);
  });

  it('checks a new passphrase’s strength and changes it only with the current one; older files keep theirs', async () => {
    const { core, session, file, folder } = await backedUp();
    for (const [passphrase, messageKey] of [
      ['short1234', 'errors.backup.passphraseShort'],
      ['1111111111', 'errors.backup.passphraseWeak'],
      ['1212121212', 'errors.backup.passphraseWeak'],
    ]) {
      expect(await refusal(core.call(session, 'backup.passphrase', { passphrase: passphrase!, current: TEST_PASSPHRASE }))).toMatchObject({ field: 'passphrase', messageKey });
    }
    const next = '新的备份口令 twenty-six';
    expect(await refusal(core.call(session, 'backup.passphrase', { passphrase: next }))).toMatchObject({ field: 'current', messageKey: 'errors.backup.currentPassphraseNeeded' });
    expect(await refusal(core.call(session, 'backup.passphrase', { passphrase: next, current: 'not the passphrase' }))).toMatchObject({ field: 'current', messageKey: 'errors.backup.currentPassphraseWrong' });
    await core.call(session, 'backup.passphrase', { passphrase: next, current: TEST_PASSPHRASE });
    const made = await core.call(session, 'backup.now', {});
    await expect(readBackupFile(path.join(folder, made.file), next)).resolves.toMatchObject({ encrypted: true });
    expect((await refusal(readBackupFile(path.join(folder, made.file), TEST_PASSPHRASE))).messageKey).toBe('errors.backup.passphraseWrong');
    await expect(readBackupFile(file, TEST_PASSPHRASE)).resolves.toMatchObject({ encrypted: true });
    // Who set it and who changed it is in the audit log (never the passphrase).
    const entries = await core.call(session, 'audit.list', { action: 'account' });
    expect(entries.items.filter((e) => e.targetId === 'settings').map((e) => `${e.field} ${e.reason}`).sort()).toEqual(['backupPassphrase changed', 'backupPassphrase set']);
    // A clerk may not set it.
    await core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: 'lisi-pass-1' });
    const clerk: Session = { user: null };
    await core.call(clerk, 'auth.login', { loginName: 'lisi', password: 'lisi-pass-1' });
    expect(await refusal(core.call(clerk, 'backup.passphrase', { passphrase: 'a clerk’s passphrase' }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
