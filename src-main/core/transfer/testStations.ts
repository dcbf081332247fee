// Test helpers of the USB transfer tests: stations set up with a setup code (county secret and
// the station's own signing key) for a server that is not there, the county directory as their
// last sync would have pulled it, and what a holder of the county key can do to a file.
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import zlib from 'node:zlib';
import { afterEach } from 'vitest';
import { docId } from '../../../shared/documents/registry';
import { placeName } from '../../../shared/places';
import type { TransferFileView } from '../../../shared/rpc/handlers';
import type { Core, Session } from '../core';
import { generateSigningPair } from '../sync/credentials';
import type { SecretBox } from '../sync/secretBox';
import { deriveCountyKeys, type SyncService } from '../sync/sync';
import { openStation, tempDir } from '../testing/fixtures';

export const TOWNSHIP = '370102001'; // 解放路街道, VILLAGE's township
export const OTHER_VILLAGE = '370102001003'; // same township
export const FAR_VILLAGE = '370102002002'; // 千佛山街道: same county, another township
export const COUNTY = '370102';
export const OTHER_COUNTY_TOWNSHIP = '370103002';
export const SECRET = randomBytes(32).toString('base64');
// Live sync must not run (and write batches) while a test looks at the databases.
const QUIET = { debounceMs: 1e9, intervalMs: 1e9, backoffBaseMs: 1e9, backoffMaxMs: 1e9, requestTimeoutMs: 1_000 };

const open = new Set<Core>();
afterEach(async () => {
  for (const core of open) await core.close();
  open.clear();
});

export type Station = { core: Core; session: Session; dataDir: string };

const pairs = new Map<string, { privateKey: string; publicKey: string }>();
/** The signing key pair the county made for a place at provisioning (one per place, for the whole run). */
export function signer(place: string): { privateKey: string; publicKey: string } {
  if (!pairs.has(place)) pairs.set(place, generateSigningPair());
  return pairs.get(place)!;
}

/** A setup code for a server that is not there; `signingKey: null` is a code made before signing keys. */
export function setupCode(place: string, secret: string, signingKey: string | null = signer(place).privateKey): string {
  const fields = { v: 2, url: 'http://127.0.0.1:9', user: `st_${place}`, password: 'p', place, key: secret, ...(signingKey ? { signingKey } : {}) };
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

/** The county's station directory (county_ref `station:` entries with their public keys), as a sync pulls it. */
export const DIRECTORY = ['370102001001', '370102001002', OTHER_VILLAGE, FAR_VILLAGE, TOWNSHIP, '370102002'];
export async function pullDirectory(s: Pick<Station, 'core'>, places = DIRECTORY, publicKey = (place: string) => signer(place).publicKey): Promise<void> {
  const entries = places.map((place) => ({
    _id: docId.station(place),
    _rev: '1-7e57',
    _revisions: { start: 1, ids: ['7e57'] },
    type: 'station',
    placeCode: place,
    name: placeName(place) ?? place,
    level: place.length === 12 ? 'village' : 'township',
    signingKey: publicKey(place),
  }));
  await reference(s).bulkDocs(entries, { new_edits: false });
}

/**
 * A station at a place holding the county secret: connected with a version 2 setup code to a
 * server that is not there (the code carries the key, so the station keeps it for USB transfer),
 * with the county's directory as its last sync pulled it.
 */
export async function station(
  place: string,
  secret: string | null = SECRET,
  dataDir = tempDir(),
  options: { code?: string; directory?: string[]; secretBox?: SecretBox } = {},
): Promise<Station> {
  const s = await openStation(dataDir, undefined, place, { syncTiming: QUIET, ...(options.secretBox ? { secretBox: options.secretBox } : {}) });
  open.add(s.core);
  const code = options.code ?? (secret ? setupCode(place, secret) : null);
  if (code) await s.core.call(s.session, 'sync.connect', { setupCode: code });
  await pullDirectory(s, options.directory);
  return s;
}

/** Closes a station before the test ends (to open its data folder again). */
export async function closeStation(s: Station): Promise<void> {
  open.delete(s.core);
  await s.core.close();
}

export function syncOf(s: Pick<Station, 'core'>): SyncService {
  return (s.core as unknown as { sync: SyncService }).sync;
}

export function relay(s: Station, place: string) {
  return syncOf(s).relay(place);
}

function reference(s: Pick<Station, 'core'>) {
  return syncOf(s).referenceDb() as unknown as { bulkDocs(docs: object[], options: { new_edits: false }): Promise<unknown> };
}

export async function relayState(s: Station, place: string) {
  const db = relay(s, place);
  const [info, all] = await Promise.all([db.info(), db.allDocs()]);
  return { seq: info.update_seq, rows: all.rows.map((r) => `${r.id} ${r.value.rev}`) };
}

export async function localState(s: Station) {
  const all = await s.core.db.allDocs();
  const receipts = await s.core.db.get('_local/transfer-receipts').catch(() => null);
  return { seq: (await s.core.db.info()).update_seq, rows: all.rows.map((r) => `${r.id} ${r.value.rev}`), receipts };
}

export const importFile = (s: Station, file: TransferFileView) => s.core.call(s.session, 'transfer.import', { fileName: file.fileName, content: file.content });
export const bytes = (file: TransferFileView) => Buffer.from(file.content, 'base64');
export const withBytes = (file: TransferFileView, b: Buffer): TransferFileView => ({ fileName: file.fileName, content: b.toString('base64') });

export function split(file: TransferFileView): { headerBytes: Buffer; header: Record<string, unknown>; payload: Buffer } {
  const b = bytes(file);
  const end = b.indexOf(0x0a);
  const line = b.subarray(0, end).toString('utf8');
  const json = line.slice('LEYE-TRANSFER/1 '.length, line.lastIndexOf(' '));
  return { headerBytes: b.subarray(0, end + 1), header: JSON.parse(json) as Record<string, unknown>, payload: b.subarray(end + 1) };
}

const headerLine = (header: Record<string, unknown>) => {
  const text = `LEYE-TRANSFER/1 ${JSON.stringify(header)}`;
  return Buffer.from(`${text} ${createHash('sha256').update(text).digest('hex').slice(0, 16)}\n`);
};

/** What any holder of the county key can do: open a batch file (its content, after the 64-byte signature). */
export function decrypt(file: TransferFileView, secret = SECRET): { manifest: Record<string, unknown>; docs: Record<string, unknown>[] } {
  const { headerBytes, header, payload } = split(file);
  const d = createDecipheriv('aes-256-gcm', deriveCountyKeys(COUNTY, secret).transferKey, Buffer.from(header.iv as string, 'base64'));
  d.setAAD(headerBytes);
  d.setAuthTag(payload.subarray(payload.length - 16));
  const plain = Buffer.concat([d.update(payload.subarray(0, payload.length - 16)), d.final()]);
  return JSON.parse(zlib.gunzipSync(plain.subarray(64)).toString('utf8')) as ReturnType<typeof decrypt>;
}

/**
 * Seals changed content into a file with the county key and a header changed by `change`, signed
 * with `signingKey` (by default the key of the station the header names: what only that station
 * can do); `signingKey: null` keeps the file's old signature.
 */
export function seal(
  file: TransferFileView,
  content: unknown,
  options: { secret?: string; signingKey?: string | null; change?: Record<string, unknown>; unsigned?: boolean } = {},
): TransferFileView {
  const { header, payload } = split(file);
  const next = { ...header, ...options.change };
  const plain = zlib.gzipSync(Buffer.from(JSON.stringify(content)));
  const key = deriveCountyKeys(COUNTY, options.secret ?? SECRET).transferKey;
  if (options.unsigned) {
    // As a version before signatures wrote it: no `signed`, the content alone.
    const { signed: _signed, ...old } = next;
    const oldHeader = headerLine({ ...old, payloadLength: plain.length + 16 });
    const c = createCipheriv('aes-256-gcm', key, Buffer.from(next.iv as string, 'base64'));
    c.setAAD(oldHeader);
    return withBytes(file, Buffer.concat([oldHeader, c.update(plain), c.final(), c.getAuthTag()]));
  }
  const headerBytes = headerLine({ ...next, payloadLength: 64 + plain.length + 16 });
  let signature: Buffer;
  if (options.signingKey === null) {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv as string, 'base64'));
    signature = d.update(payload.subarray(0, 64));
  } else {
    const privateKey = createPrivateKey({ key: Buffer.from(options.signingKey ?? signer(next.place as string).privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    signature = sign(null, Buffer.concat([headerBytes, plain]), privateKey);
  }
  const c = createCipheriv('aes-256-gcm', key, Buffer.from(next.iv as string, 'base64'));
  c.setAAD(headerBytes);
  return withBytes(file, Buffer.concat([headerBytes, c.update(signature), c.update(plain), c.final(), c.getAuthTag()]));
}

/** The header rewritten with a consistent digest: what anyone can do without the key. */
export function reheader(file: TransferFileView, change: Record<string, unknown>): TransferFileView {
  const { header, payload } = split(file);
  return withBytes(file, Buffer.concat([headerLine({ ...header, ...change }), payload]));
}

export function flip(file: TransferFileView, at: number): TransferFileView {
  const b = Buffer.from(bytes(file));
  b[at] = b[at]! ^ 0x01;
  return withBytes(file, b);
}
