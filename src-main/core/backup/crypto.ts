// The encrypted backup file (format version 3): a plain header line, then AES-256-GCM of the
// gzip of the JSON lines (format.ts), then GCM's 16-byte tag.
//
//   {"format":"leye-station-backup","version":3,"kdf":{"name":"scrypt","N":131072,"r":8,"p":1},"salt":"…","cipher":"aes-256-gcm","iv":"…"}\n
//   AES-256-GCM( MAGIC ‖ gzip(lines) )      key = scrypt(passphrase NFC, salt, 32, N, r, p)
//   tag (16 bytes)                          AAD = the header line, so no header byte can change
//
// The header names no station, no person and no time: the station's name, place and time are in
// the encrypted lines (and the time in the file's name, as before). The salt (16 bytes) and the IV
// (12 bytes) are random for every file. MAGIC, the first encrypted bytes, tells a wrong passphrase
// at once (its 8 bytes decrypt to something else); a byte changed anywhere else fails the tag at
// the end, or the inner SHA-256 and counts (format.ts) before it. Both read and write are streams:
// the tag is held back while reading (the last 16 bytes), never the whole file.
// Versions 1 and 2 (plain gzip, before backups were encrypted) are read as they are.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, type CipherGCM, type DecipherGCM } from 'node:crypto';
import fs from 'node:fs';
import { LeyeError } from '../../../shared/rpc/errors';
import { fieldError } from '../validation';

export const BACKUP_FORMAT = 'leye-station-backup';
/** The version new backups are written in: encrypted. */
export const ENCRYPTED_VERSION = 3;
/** scrypt's cost: 128 MiB and about a third of a second per file on a clerk's PC. */
export const BACKUP_KDF = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 } as const;
const MAGIC = Buffer.from('LEYEBAK3');
const TAG_BYTES = 16;
/** The header line is short; more than this before its newline is not a backup. */
const HEADER_MAX = 1024;
/** scrypt's memory bound for the costs a file may name (128·N·r bytes). */
const KDF_MAX_MEMORY = 256 * 1024 * 1024;

export interface EncryptedHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof ENCRYPTED_VERSION;
  kdf: { name: 'scrypt'; N: number; r: number; p: number };
  salt: string;
  cipher: 'aes-256-gcm';
  iv: string;
}

/** Refuses a backup file for what is wrong with it (the file field), or the passphrase field. */
function refuse(key: string, field = 'file', params?: Record<string, string>): never {
  throw new LeyeError(fieldError(field, `errors.backup.${key}`, params));
}

function deriveKey(passphrase: string, salt: Buffer, kdf: EncryptedHeader['kdf']): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: KDF_MAX_MEMORY + 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Costs a file may name: what this program writes, or stronger within bounds (never a denial of service). */
function acceptableKdf(kdf: unknown): kdf is EncryptedHeader['kdf'] {
  if (typeof kdf !== 'object' || kdf === null) return false;
  const { name, N, r, p } = kdf as Record<string, unknown>;
  if (name !== 'scrypt' || !Number.isSafeInteger(N) || !Number.isSafeInteger(r) || !Number.isSafeInteger(p)) return false;
  const n = N as number;
  return n >= 2 ** 14 && n <= 2 ** 20 && (n & (n - 1)) === 0 && (r as number) >= 1 && (r as number) <= 32 && (p as number) >= 1 && (p as number) <= 4 && 128 * n * (r as number) <= KDF_MAX_MEMORY;
}

/**
 * The encrypting step of a backup's write pipeline: the header line, then the encrypted gzip
 * bytes as they come, then the tag. The key is derived first (a fresh salt and IV per file).
 */
export async function encryptingStep(passphrase: string): Promise<(source: AsyncIterable<Buffer>) => AsyncGenerator<Buffer>> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const key = await deriveKey(passphrase, salt, BACKUP_KDF);
  const header: EncryptedHeader = { format: BACKUP_FORMAT, version: ENCRYPTED_VERSION, kdf: { ...BACKUP_KDF }, salt: salt.toString('base64'), cipher: 'aes-256-gcm', iv: iv.toString('base64') };
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`);
  return async function* encrypt(source) {
    const cipher = createCipheriv('aes-256-gcm', key, iv) as CipherGCM;
    cipher.setAAD(headerLine);
    yield headerLine;
    yield cipher.update(MAGIC);
    for await (const chunk of source) yield cipher.update(chunk);
    yield cipher.final();
    yield cipher.getAuthTag();
  };
}

/** What a file's first bytes say: an encrypted backup (its header and length), plain gzip, or neither. */
export type BackupHead = { kind: 'encrypted'; header: EncryptedHeader; length: number } | { kind: 'gzip' } | { kind: 'unknown' };

export async function readHead(file: string): Promise<BackupHead> {
  const handle = await fs.promises.open(file, 'r');
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(HEADER_MAX);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_MAX, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return { kind: 'gzip' };
  const end = bytes.indexOf(0x0a);
  if (bytes[0] !== 0x7b || end < 0) return { kind: 'unknown' };
  try {
    const header = JSON.parse(bytes.subarray(0, end).toString('utf8')) as EncryptedHeader;
    return header.format === BACKUP_FORMAT ? { kind: 'encrypted', header, length: end + 1 } : { kind: 'unknown' };
  } catch {
    return { kind: 'unknown' };
  }
}

/** The bytes of an encrypted header line as written (the AAD): read again, not re-serialised. */
async function headerBytes(file: string, length: number): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

/**
 * The gzip bytes of a backup file as a stream: as they are in a version 1 or 2 file, decrypted in
 * a version 3 file (which needs the passphrase). A wrong passphrase is refused at the first bytes;
 * a changed byte is found at the latest at the end (the tag): `tagFailed` says so once the stream
 * has ended, and nothing read from it may count then.
 */
export async function openGzipStream(file: string, passphrase: string | undefined): Promise<{ encrypted: boolean; stream: AsyncIterable<Buffer>; tagFailed(): boolean }> {
  const head = await readHead(file);
  if (head.kind === 'gzip') return { encrypted: false, stream: fs.createReadStream(file), tagFailed: () => false };
  if (head.kind === 'unknown') refuse('corrupt');
  const { header, length: start } = head;
  if (header.version !== ENCRYPTED_VERSION) refuse('version', 'file', { version: String(header.version) });
  if (header.cipher !== 'aes-256-gcm' || !acceptableKdf(header.kdf) || typeof header.salt !== 'string' || typeof header.iv !== 'string') refuse('corrupt');
  const salt = Buffer.from(header.salt, 'base64');
  const iv = Buffer.from(header.iv, 'base64');
  if (salt.length < 16 || iv.length !== 12) refuse('corrupt');
  if (!passphrase) refuse('passphraseNeeded', 'passphrase');
  const key = await deriveKey(passphrase, salt, header.kdf);
  const aad = await headerBytes(file, start);
  let tagFailed = false;
  async function* decrypt(): AsyncGenerator<Buffer> {
    const decipher = createDecipheriv('aes-256-gcm', key, iv) as DecipherGCM;
    decipher.setAAD(aad);
    let held: Buffer = Buffer.alloc(0);
    let magic: Buffer | null = Buffer.alloc(0);
    const plain = function* (bytes: Buffer): Generator<Buffer> {
      if (magic !== null) {
        magic = Buffer.concat([magic, bytes]);
        if (magic.length < MAGIC.length) return;
        if (!magic.subarray(0, MAGIC.length).equals(MAGIC)) refuse('passphraseWrong', 'passphrase');
        bytes = magic.subarray(MAGIC.length);
        magic = null;
      }
      if (bytes.length > 0) yield bytes;
    };
    for await (const chunk of fs.createReadStream(file, { start }) as AsyncIterable<Buffer>) {
      // The last 16 bytes are the tag: held back until the file ends.
      const all = held.length > 0 ? Buffer.concat([held, chunk]) : chunk;
      const cut = Math.max(0, all.length - TAG_BYTES);
      held = all.subarray(cut);
      if (cut > 0) yield* plain(decipher.update(all.subarray(0, cut)));
    }
    if (held.length < TAG_BYTES || magic !== null) refuse('truncated');
    decipher.setAuthTag(held);
    let last: Buffer;
    try {
      last = decipher.final();
    } catch {
      // The stream ends without an error: its reader takes in what it was given (was the file
      // whole, its trailer there?) before saying which it was, cut short or changed.
      tagFailed = true;
      return;
    }
    yield* plain(last);
  }
  return { encrypted: true, stream: decrypt(), tagFailed: () => tagFailed };
}
