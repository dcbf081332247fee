// Issue 15 item 7: every station holds the county key, so only the station's own signature tells
// which station made a USB file. A file "from village B" made with village A's setup code, one
// altered after B signed it, one without a signature or from a station whose key the county never
// published: refused at the township, naming the station, with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeName } from '../../../shared/places';
import type { TransferFileView } from '../../../shared/rpc/handlers';
import { signingPublicKey } from '../sync/credentials';
import type { SecretBox } from '../sync/secretBox';
import { idNumber, refusal, registration, tempDir, VILLAGE } from '../testing/fixtures';
import { DIRECTORY, OTHER_VILLAGE, SECRET, TOWNSHIP, closeStation, decrypt, importFile, localState, pullDirectory, relayState, seal, setupCode, signer, station, syncOf, type Station } from './testStations';

const A = VILLAGE;
const B = OTHER_VILLAGE;
const B_NAME = placeName(B)!;

/** B's clerk registers two people and exports them (B never online: its keys come from its setup code). */
async function exported(s: Station): Promise<TransferFileView & { documents: number }> {
  await s.core.call(s.session, 'residents.register', registration({ idNumber: idNumber('19800101', '301'), name: '周五' }));
  await s.core.call(s.session, 'residents.register', registration({ idNumber: idNumber('19810202', '302'), name: '吴六' }));
  return s.core.call(s.session, 'transfer.export', {});
}

/** Everything the township holds: its own database and its copy of B; an import refused leaves both as they were. */
async function townshipState(township: Station) {
  return { own: await localState(township), relayB: await relayState(township, B) };
}

async function expectRefused(township: Station, file: TransferFileView, key: string): Promise<void> {
  const before = await townshipState(township);
  const error = await refusal(importFile(township, file));
  expect(error, key).toMatchObject({ code: 'VALIDATION', field: 'content', messageKey: `errors.transfer.${key}`, params: { place: `${B_NAME} ${B}` } });
  expect(await townshipState(township)).toEqual(before);
}

describe('USB files signed by their station', () => {
  it('refuses a batch "from B" made with station A\'s setup code, and takes B\'s own', async () => {
    const township = await station(TOWNSHIP);
    // The forger holds A's setup code (the county key and A's signing key) and says it is B (its
    // machine never pulled the directory, so its app does not see that B's key is another).
    const aCode = JSON.parse(Buffer.from(setupCode(A, SECRET), 'base64url').toString('utf8')) as Record<string, unknown>;
    const forgedCode = Buffer.from(JSON.stringify({ ...aCode, place: B })).toString('base64url');
    const forger = await station(B, SECRET, tempDir(), { code: forgedCode, directory: [] });
    const forged = await exported(forger);
    await expectRefused(township, forged, 'badSignature');
    expect((await relayState(township, B)).rows).toEqual([]);

    // Scripted with the county key: A's records rewritten as B's, signed with A's key; or no signature at all.
    const content = decrypt(forged);
    await expectRefused(township, seal(forged, content, { signingKey: signer(A).privateKey }), 'badSignature');
    await expectRefused(township, seal(forged, content, { unsigned: true }), 'unsigned');

    // B itself, never online: its signing key is the one in its setup code, and its file goes in.
    const b = await station(B);
    expect(syncOf(b).signingKey()).toBe(signer(B).privateKey);
    const genuine = await exported(b);
    expect(await importFile(township, genuine)).toMatchObject({ kind: 'batch', placeCode: B, stationName: B_NAME, documents: genuine.documents, imported: genuine.documents });
  });

  it('refuses B\'s file altered after B signed it', async () => {
    const township = await station(TOWNSHIP);
    const b = await station(B);
    const file = await exported(b);
    const content = decrypt(file);
    const renamed = { ...content, docs: content.docs.map((d) => (String(d._id).startsWith('resident:') ? { ...d, name: '冒名' } : d)) };
    // Sealed again with the county key (which every station holds), B's signature kept.
    await expectRefused(township, seal(file, renamed, { signingKey: null }), 'badSignature');
    // The header changed and sealed again, signature kept: refused just the same.
    await expectRefused(township, seal(file, content, { signingKey: null, change: { createdAt: '2020-01-01T00:00:00.000Z' } }), 'badSignature');
    // The untouched file goes in.
    expect(await importFile(township, file)).toMatchObject({ placeCode: B, imported: file.documents });
  });

  it('refuses a file of a station whose key the county has not published, until it is', async () => {
    const township = await station(TOWNSHIP, SECRET, tempDir(), { directory: DIRECTORY.filter((p) => p !== B) });
    const b = await station(B);
    const file = await exported(b);
    await expectRefused(township, file, 'unknownSigner');
    // The township's next sync brings the directory with B's key.
    await pullDirectory(township, [B]);
    expect(await importFile(township, file)).toMatchObject({ placeCode: B, imported: file.documents });
  });

  it('makes its own pair when its setup code has none, keeps it sealed and across restarts, and says when the county published another', async () => {
    // A key store that seals by reversing base64 (the app's is the operating system's).
    const box: SecretBox = {
      kind: 'test-box',
      seal: async (plain) => Buffer.from(plain).toString('base64').split('').reverse().join(''),
      open: async (sealed) => Buffer.from(sealed.split('').reverse().join(''), 'base64').toString('utf8'),
    };
    const dataDir = tempDir();
    const old = await station(B, SECRET, dataDir, { code: setupCode(B, SECRET, null), directory: DIRECTORY.filter((p) => p !== B), secretBox: box });
    const own = syncOf(old).signingKey();
    expect(own).toEqual(expect.any(String));
    expect(own).not.toBe(signer(B).privateKey);
    const credentials = fs.readFileSync(path.join(dataDir, 'county-credentials.json'), 'utf8');
    expect(credentials).not.toContain(own!);
    expect(credentials).not.toContain(signingPublicKey(own!));
    await closeStation(old);

    const again = await station(B, null, dataDir, { directory: DIRECTORY.filter((p) => p !== B), secretBox: box });
    expect(syncOf(again).signingKey()).toBe(own);
    // The county published another key for B (the one it made at provisioning): the clerk is told before carrying a file.
    await pullDirectory(again, [B]);
    expect(await refusal(again.core.call(again.session, 'transfer.export', {}))).toMatchObject({ messageKey: 'errors.transfer.signingKeyRefused' });
  });
});
