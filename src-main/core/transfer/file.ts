// The USB transfer file (batch files and receipts): the header line, its checks, and the signed receipt.
//
// File format (batch files and receipts alike):
//
//   LEYE-TRANSFER/1 <header JSON> <16 hex: sha256 of what precedes>\n<payload>
//
// The header line is readable without the key and names only format, kind, county, key id,
// station place, batch id, time, document count, payload length and (batch files) the signature
// scheme: a lost stick leaks nothing else. Its digest tells a damaged header from a file of another county before any key is used;
// its bytes (newline included) are also the AES-GCM additional data or the start of the HMAC
// input, so an edited header never passes.
//
// - batch: payload = AES-256-GCM(transferKey, iv from the header, AAD = header bytes) over
//   signature + gzip(JSON {manifest, docs}), followed by the 16-byte tag; docs carry
//   `_revisions`, so the importing machine stores the very revisions the station has. The
//   signature (header `signed: "ed25519"`, 64 bytes) is the station's own Ed25519 signature over
//   the header bytes and the gzip: the county key says the file is of the county, the signature
//   which station made it (signature.ts). Files of an older version carry none and are refused.
// - receipt: payload = JSON {batchId, place, checksum, documents, receivedAt, receivedBy,
//   receivedAtPlace} followed by HMAC-SHA256(transferKey, header bytes + JSON): not secret, but
//   only a machine of the county can write one.
import { createHash, createHmac } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PouchDB as P } from 'pouchdb-node';
import { placeName } from '../../../shared/places';
import type { TransferFileView } from '../../../shared/rpc/handlers';
import { fail, type CoreContext } from '../context';
import { ID_PREFIX } from '../store/docs';
import type { CountyKeys } from '../sync/credentials';
import { headsOwnHistory } from '../sync/replicate';
import { fieldError } from '../validation';
import { SIGNATURE } from './signature';

export const gzip = promisify(zlib.gzip);
export const gunzip = promisify(zlib.gunzip);

const MAGIC = Buffer.from('LEYE-TRANSFER/1 ', 'latin1');
export const FORMAT = 'leye-transfer';
export const VERSION = 1;
/** A header line is a few hundred bytes; anything longer without a newline is not ours. */
const MAX_HEADER = 4096;
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
export const MAC_BYTES = 32;

export interface FileHeader {
  format: typeof FORMAT;
  version: typeof VERSION;
  kind: 'batch' | 'receipt';
  /** 6-digit county code whose secret keys the file. */
  county: string;
  /** Which county key wrote it: tells a re-issued secret from a damaged file. */
  keyId: string;
  /** The station the batch comes from (for a receipt: the station it goes back to). */
  place: string;
  batchId: string;
  createdAt: string;
  documents: number;
  payloadLength: number;
  /** base64 AES-GCM nonce (batch files only). */
  iv?: string;
  /** Batch files: the station's signature leads the sealed content (see signature.ts). */
  signed?: typeof SIGNATURE;
}

interface Revisions {
  start: number;
  ids: string[];
}

/** A document as it travels: the full revision history, so `new_edits: false` keeps its revision. */
export type TravellingDoc = { _id: string; _rev: string; _revisions: Revisions; placeCode?: unknown } & Record<string, unknown>;

export interface ReceiptBody {
  batchId: string;
  place: string;
  checksum: string;
  documents: number;
  receivedAt: string;
  receivedBy: string;
  receivedAtPlace: string;
}

/** PouchDB calls the shared typings (types/pouchdb.d.ts) leave out. */
interface RawDb {
  bulkGet(options: { docs: { id: string; rev: string }[]; revs: boolean; attachments: boolean }): Promise<{
    results: { id: string; docs: ({ ok: TravellingDoc } | { error: { error?: string; reason?: string } })[] }[];
  }>;
  revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing?: string[] }>>;
  bulkDocs(docs: TravellingDoc[], options: { new_edits: false }): Promise<({ ok?: boolean; id?: string } | { error: unknown; id?: string; message?: string })[]>;
}

export function raw(db: P.Database): RawDb {
  return db as unknown as RawDb;
}

/** Refuses the file whole; the message names the file's content as the field at fault. */
export function refuse(key: string, params?: Record<string, string | number>): never {
  fail(fieldError('content', `errors.transfer.${key}`, params));
}

export function placeLabel(code: string): string {
  const name = placeName(code);
  return name ? `${name} ${code}` : code;
}

export function keyId(keys: CountyKeys): string {
  return createHmac('sha256', keys.transferKey).update('leye:transfer:key-id').digest('hex').slice(0, 16);
}

function headerDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

export function encodeHeader(header: FileHeader): Buffer {
  const text = `${MAGIC.toString('latin1')}${JSON.stringify(header)}`;
  return Buffer.from(`${text} ${headerDigest(text)}\n`, 'utf8');
}

const isDigits = (value: unknown, lengths: number[]): value is string =>
  typeof value === 'string' && /^\d+$/.test(value) && lengths.includes(value.length);
const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function validHeader(value: unknown): value is FileHeader {
  const h = value as Partial<FileHeader> | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    h.format === FORMAT &&
    h.version === VERSION &&
    (h.kind === 'batch' || h.kind === 'receipt') &&
    isDigits(h.county, [6]) &&
    typeof h.keyId === 'string' &&
    isDigits(h.place, [6, 9, 12]) &&
    h.place.startsWith(h.county) &&
    typeof h.batchId === 'string' &&
    h.batchId.startsWith(`${ID_PREFIX.batch}${h.place}:`) &&
    typeof h.createdAt === 'string' &&
    isCount(h.documents) &&
    isCount(h.payloadLength) &&
    (h.kind === 'receipt' || (typeof h.iv === 'string' && Buffer.from(h.iv, 'base64').length === IV_BYTES)) &&
    (h.signed === undefined || (h.kind === 'batch' && h.signed === SIGNATURE))
  );
}

/**
 * Splits a file into its header and payload, telling apart what is not ours at all, what was
 * cut short (a copy that did not finish) and what was changed.
 */
export function readHeader(bytes: Buffer): { header: FileHeader; headerBytes: Buffer; payload: Buffer } {
  if (bytes.length === 0) refuse('empty');
  if (bytes.length < MAGIC.length) {
    if (MAGIC.subarray(0, bytes.length).equals(bytes)) refuse('truncated');
    refuse('notLeyeFile');
  }
  if (!bytes.subarray(0, MAGIC.length).equals(MAGIC)) refuse('notLeyeFile');
  const end = bytes.subarray(0, MAX_HEADER).indexOf(0x0a);
  if (end < 0) refuse(bytes.length < MAX_HEADER ? 'truncated' : 'tampered');
  const line = bytes.subarray(0, end).toString('utf8');
  const space = line.lastIndexOf(' ');
  const text = line.slice(0, space);
  if (space < MAGIC.length || line.slice(space + 1) !== headerDigest(text)) refuse('tampered');
  let header: unknown;
  try {
    header = JSON.parse(text.slice(MAGIC.length));
  } catch {
    refuse('tampered');
  }
  if (!validHeader(header)) refuse('tampered');
  const payload = bytes.subarray(end + 1);
  if (payload.length < header.payloadLength) refuse('truncated');
  // Bytes after the payload: a genuine file never has them.
  if (payload.length > header.payloadLength) refuse('tampered');
  return { header, headerBytes: bytes.subarray(0, end + 1), payload };
}

export function fileStamp(ctx: CoreContext, iso: string): string {
  return `${ctx.today().replaceAll('-', '')}-${ctx.localTime(iso).replace(':', '')}`;
}

export const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A travelling document whose revision is the head of its own history. */
export function consistent(doc: unknown): doc is TravellingDoc {
  const d = doc as Partial<TravellingDoc> | null;
  return typeof d === 'object' && d !== null && typeof d._id === 'string' && !d._id.startsWith('_') && headsOwnHistory(d) && d._deleted !== true;
}

/** The receipt for a batch imported here: readable by anyone, signed with the county's key. */
export function receiptFile(ctx: CoreContext, body: ReceiptBody, keys: CountyKeys): TransferFileView {
  const json = Buffer.from(JSON.stringify(body), 'utf8');
  const headerBytes = encodeHeader({
    format: FORMAT,
    version: VERSION,
    kind: 'receipt',
    county: keys.county,
    keyId: keyId(keys),
    place: body.place,
    batchId: body.batchId,
    createdAt: body.receivedAt,
    documents: body.documents,
    payloadLength: json.length + MAC_BYTES,
  });
  const mac = createHmac('sha256', keys.transferKey).update(headerBytes).update(json).digest();
  return {
    fileName: `leye-receipt-${body.place}-${fileStamp(ctx, body.receivedAt)}.leye`,
    content: Buffer.concat([headerBytes, json, mac]).toString('base64'),
  };
}
