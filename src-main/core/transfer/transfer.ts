// USB transfer for stations without network: the waiting documents go out as one encrypted file
// (AES-256-GCM with a key derived from the county secret), are imported at a township or county
// machine (which syncs them up through its relay copy), and a receipt comes back.
//
// File format (batch files and receipts alike):
//
//   LEYE-TRANSFER/1 <header JSON> <16 hex: sha256 of what precedes>\n<payload>
//
// The header line is readable without the key and names only format, kind, county, key id,
// station place, batch id, time, document count and payload length: a lost stick leaks nothing
// else. Its digest tells a damaged header from a file of another county before any key is used;
// its bytes (newline included) are also the AES-GCM additional data or the start of the HMAC
// input, so an edited header never passes.
//
// - batch: payload = AES-256-GCM(transferKey, iv from the header, AAD = header bytes) over
//   gzip(JSON {manifest, docs}) followed by the 16-byte tag; docs carry `_revisions`, so the
//   importing machine stores the very revisions the station has.
// - receipt: payload = JSON {batchId, place, checksum, documents, receivedAt, receivedBy,
//   receivedAtPlace} followed by HMAC-SHA256(transferKey, header bytes + JSON): not secret, but
//   only a machine of the county can write one.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { PouchDB as P } from 'pouchdb-node';
import { placeName, stationLevel } from '../../../shared/places';
import type { ParsedArgsOf, SessionUser, TransferFileView, TransferImportResult } from '../../../shared/rpc/handlers';
import { fail, type CoreContext } from '../context';
import { documentProblem } from '../store/docSchemas';
import { ID_PREFIX, SCHEMA_VERSION, type BatchDoc } from '../store/docs';
import { randomId } from '../residents/identity';
import { getOrNull } from '../store/db';
import { batchChecksum, countByType, type CountyKeys, type FileDelivery, type SyncService } from '../sync/sync';
import { fieldError } from '../validation';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

const MAGIC = Buffer.from('LEYE-TRANSFER/1 ', 'latin1');
const FORMAT = 'leye-transfer';
const VERSION = 1;
/** A header line is a few hundred bytes; anything longer without a newline is not ours. */
const MAX_HEADER = 4096;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAC_BYTES = 32;
const RECEIPTS_DOC = '_local/transfer-receipts';

interface FileHeader {
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
}

interface Revisions {
  start: number;
  ids: string[];
}

/** A document as it travels: the full revision history, so `new_edits: false` keeps its revision. */
type TravellingDoc = { _id: string; _rev: string; _revisions: Revisions; placeCode?: unknown } & Record<string, unknown>;

interface ReceiptBody {
  batchId: string;
  place: string;
  checksum: string;
  documents: number;
  receivedAt: string;
  receivedBy: string;
  receivedAtPlace: string;
}

interface ReceiptsDoc {
  _id: typeof RECEIPTS_DOC;
  _rev?: string;
  receipts: Record<string, ReceiptBody & { importedAt: string }>;
}

/** PouchDB calls the shared typings (types/pouchdb.d.ts) leave out. */
interface RawDb {
  bulkGet(options: { docs: { id: string; rev: string }[]; revs: boolean; attachments: boolean }): Promise<{
    results: { id: string; docs: ({ ok: TravellingDoc } | { error: { error?: string; reason?: string } })[] }[];
  }>;
  revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing?: string[] }>>;
  bulkDocs(docs: TravellingDoc[], options: { new_edits: false }): Promise<({ ok?: boolean; id?: string } | { error: unknown; id?: string; message?: string })[]>;
}

function raw(db: P.Database): RawDb {
  return db as unknown as RawDb;
}

/** Refuses the file whole; the message names the file's content as the field at fault. */
function refuse(key: string, params?: Record<string, string | number>): never {
  fail(fieldError('content', `errors.transfer.${key}`, params));
}

function placeLabel(code: string): string {
  const name = placeName(code);
  return name ? `${name} ${code}` : code;
}

function keyId(keys: CountyKeys): string {
  return createHmac('sha256', keys.transferKey).update('leye:transfer:key-id').digest('hex').slice(0, 16);
}

function headerDigest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

function encodeHeader(header: FileHeader): Buffer {
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
    (h.kind === 'receipt' || (typeof h.iv === 'string' && Buffer.from(h.iv, 'base64').length === IV_BYTES))
  );
}

/**
 * Splits a file into its header and payload, telling apart what is not ours at all, what was
 * cut short (a copy that did not finish) and what was changed.
 */
function readHeader(bytes: Buffer): { header: FileHeader; headerBytes: Buffer; payload: Buffer } {
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

function fileStamp(ctx: CoreContext, iso: string): string {
  return `${ctx.today().replaceAll('-', '')}-${ctx.localTime(iso).replace(':', '')}`;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A travelling document whose revision is the head of its own history. */
function consistent(doc: unknown): doc is TravellingDoc {
  const d = doc as Partial<TravellingDoc> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d._id === 'string' &&
    !d._id.startsWith('_') &&
    typeof d._rev === 'string' &&
    typeof d._revisions === 'object' &&
    d._revisions !== null &&
    Number.isSafeInteger(d._revisions.start) &&
    Array.isArray(d._revisions.ids) &&
    d._revisions.ids.length > 0 &&
    d._revisions.ids.every((id) => typeof id === 'string') &&
    d._rev === `${d._revisions.start}-${d._revisions.ids[0]}` &&
    d._deleted !== true
  );
}

export class TransferService implements FileDelivery {
  private receipts: ReceiptsDoc = { _id: RECEIPTS_DOC, receipts: {} };
  /** "id rev" of every revision a receipt confirmed. */
  private readonly deliveredRevs = new Set<string>();
  /** One export or import at a time: the receipts document and the relay see no interleaving. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly ctx: CoreContext,
    private readonly sync: SyncService,
  ) {}

  /** Loads the receipts kept at this station. */
  async load(): Promise<void> {
    this.receipts = (await getOrNull<ReceiptsDoc>(this.ctx.db, RECEIPTS_DOC)) ?? { _id: RECEIPTS_DOC, receipts: {} };
    this.deliveredRevs.clear();
    for (const batchId of Object.keys(this.receipts.receipts)) {
      const batch = await getOrNull<BatchDoc>(this.ctx.db, batchId);
      if (batch) this.markDelivered(batch);
    }
  }

  delivered(id: string, rev: string): boolean {
    // Asked for every waiting record: most stations never received a receipt.
    return this.deliveredRevs.size > 0 && this.deliveredRevs.has(`${id} ${rev}`);
  }

  receipted(batchId: string): boolean {
    return batchId in this.receipts.receipts;
  }

  private markDelivered(batch: BatchDoc): void {
    for (const d of batch.docs) this.deliveredRevs.add(`${d.id} ${d.rev}`);
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  exportBatch(user: SessionUser): Promise<TransferFileView & { batchId: string; documents: number }> {
    return this.serial(() => this.doExport(user));
  }

  importFile(args: ParsedArgsOf<'transfer.import'>, user: SessionUser): Promise<TransferImportResult> {
    return this.serial(() => this.doImport(args, user));
  }

  private requireKeys(): CountyKeys {
    const keys = this.sync.countyKeys();
    if (!keys) fail({ code: 'VALIDATION', messageKey: 'errors.transfer.noCountyKey' });
    return keys;
  }

  private async doExport(user: SessionUser): Promise<TransferFileView & { batchId: string; documents: number }> {
    const station = this.ctx.station();
    const keys = this.requireKeys();
    const refs = await this.sync.waitingDocs();
    if (refs.length === 0) fail({ code: 'VALIDATION', messageKey: 'errors.transfer.nothingWaiting' });
    const fetched = await raw(this.ctx.db).bulkGet({ docs: refs, revs: true, attachments: true });
    const docs = fetched.results
      .flatMap((r) => r.docs)
      .flatMap((d) => ('ok' in d ? [d.ok] : []))
      // Only the station's own records: another place's would make the whole file look forged at
      // the importing machine (and the county refuses them anyway); they stay waiting.
      .filter((d) => typeof d.placeCode === 'string' && d.placeCode.startsWith(station.placeCode));
    if (docs.length === 0) fail({ code: 'VALIDATION', messageKey: 'errors.transfer.nothingWaiting' });

    const at = this.ctx.now();
    const batchId = `${ID_PREFIX.batch}${station.placeCode}:${at}:${randomId(6)}`;
    // The export's audit entry travels in the file it describes, so it reaches the county with
    // the records and leaves nothing new waiting behind the file.
    const auditId = await this.ctx.audit(user, 'export', batchId, `usb ${docs.length}`, 'file');
    docs.push(await this.ctx.db.get<TravellingDoc>(auditId, { revs: true }));
    const list = docs.map((d) => ({ id: d._id, rev: d._rev })).sort(byId);

    const batch: BatchDoc = {
      _id: batchId,
      type: 'batch',
      ...this.ctx.stamp(user, station.placeCode),
      schemaVersion: SCHEMA_VERSION,
      via: 'file',
      counts: countByType(list),
      docs: list,
      checksum: batchChecksum(list),
    };
    // Written here first, so the station lists the batch and the receipt finds it; it travels with
    // its revision history so the relay (and later the county) hold the same revision.
    const { rev } = await this.ctx.db.put(batch);
    const [stored] = (await raw(this.ctx.db).bulkGet({ docs: [{ id: batch._id, rev }], revs: true, attachments: false })).results;
    const manifest = stored?.docs[0] && 'ok' in stored.docs[0] ? stored.docs[0].ok : null;
    if (!manifest) throw new Error(`batch ${batch._id} not readable after writing it`);

    const iv = randomBytes(IV_BYTES);
    const plain = await gzip(Buffer.from(JSON.stringify({ manifest, docs }), 'utf8'));
    const header: FileHeader = {
      format: FORMAT,
      version: VERSION,
      kind: 'batch',
      county: keys.county,
      keyId: keyId(keys),
      place: station.placeCode,
      batchId: batch._id,
      createdAt: at,
      documents: docs.length,
      payloadLength: plain.length + TAG_BYTES,
      iv: iv.toString('base64'),
    };
    const headerBytes = encodeHeader(header);
    const cipher = createCipheriv('aes-256-gcm', keys.transferKey, iv);
    cipher.setAAD(headerBytes);
    const sealed = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      fileName: `leye-${station.placeCode}-${fileStamp(this.ctx, at)}.leye`,
      content: Buffer.concat([headerBytes, sealed]).toString('base64'),
      batchId: batch._id,
      documents: docs.length,
    };
  }

  private async doImport(args: ParsedArgsOf<'transfer.import'>, user: SessionUser): Promise<TransferImportResult> {
    const station = this.ctx.station();
    const file = readHeader(Buffer.from(args.content, 'base64'));
    const { header } = file;
    // Before any key is used: a file of another county is named as such, not as damaged.
    if (header.county !== station.placeCode.slice(0, 6)) refuse('wrongCounty', { county: placeLabel(header.county) });
    const keys = this.requireKeys();
    if (header.keyId !== keyId(keys)) refuse('otherKey');
    return header.kind === 'batch' ? this.importBatch(file, keys, user) : this.importReceipt(file, keys);
  }

  private async importBatch(file: ReturnType<typeof readHeader>, keys: CountyKeys, user: SessionUser): Promise<TransferImportResult> {
    const { header, headerBytes, payload } = file;
    const here = this.ctx.station().placeCode;
    // A township takes its villages' files, a county machine any station's of the county.
    if (header.place === here || !header.place.startsWith(here) || stationLevel(here) === 'village') {
      refuse('notInArea', { place: placeLabel(header.place) });
    }
    const { manifest, docs } = await this.open(header, headerBytes, payload, keys);

    const relay = this.sync.relay(header.place);
    const had = await raw(relay).revsDiff(Object.fromEntries(docs.map((d) => [d._id, [d._rev]])));
    const imported = docs.filter((d) => had[d._id]?.missing?.includes(d._rev)).length;
    // One call: PouchDB writes it as one LevelDB batch, so a crash leaves all or nothing; with
    // `new_edits: false` a revision already there is left as it is (a second import is a no-op).
    const written = await raw(relay).bulkDocs([manifest, ...docs], { new_edits: false });
    const failed = written.find((r) => 'error' in r);
    if (failed) throw new Error(`relay ${header.place} refused ${failed.id ?? '?'}: ${String((failed as { message?: string }).message ?? '')}`);
    this.sync.localChange();
    // Personal data entered this machine: logged. A second import writes nothing, not even this.
    if (imported > 0) await this.ctx.audit(user, 'import', header.batchId, `usb ${docs.length} new ${imported}`, header.place);

    const body: ReceiptBody = {
      batchId: header.batchId,
      place: header.place,
      checksum: manifest.checksum as string,
      documents: docs.length,
      receivedAt: this.ctx.now(),
      receivedBy: user.displayName || user.loginName,
      receivedAtPlace: here,
    };
    return {
      kind: 'batch',
      batchId: header.batchId,
      placeCode: header.place,
      stationName: placeName(header.place) ?? header.place,
      documents: docs.length,
      imported,
      receipt: this.receiptFile(body, keys),
    };
  }

  /** Decrypts and checks a batch file completely before anything is written. */
  private async open(header: FileHeader, headerBytes: Buffer, payload: Buffer, keys: CountyKeys): Promise<{ manifest: TravellingDoc; docs: TravellingDoc[] }> {
    if (payload.length < TAG_BYTES) refuse('tampered');
    let plain: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', keys.transferKey, Buffer.from(header.iv!, 'base64'));
      decipher.setAAD(headerBytes);
      decipher.setAuthTag(payload.subarray(payload.length - TAG_BYTES));
      plain = Buffer.concat([decipher.update(payload.subarray(0, payload.length - TAG_BYTES)), decipher.final()]);
    } catch {
      refuse('tampered');
    }
    let content: { manifest?: unknown; docs?: unknown };
    try {
      content = JSON.parse((await gunzip(plain)).toString('utf8')) as typeof content;
    } catch {
      refuse('tampered');
    }
    const { manifest, docs } = content;
    if (!consistent(manifest) || !Array.isArray(docs) || !docs.every(consistent)) refuse('tampered');
    const batch = manifest as unknown as BatchDoc;
    const list = docs.map((d) => ({ id: d._id, rev: d._rev })).sort(byId);
    const listed =
      Array.isArray(batch.docs) && batch.docs.every((d) => typeof d === 'object' && d !== null && typeof d.id === 'string' && typeof d.rev === 'string')
        ? [...batch.docs].sort(byId)
        : [];
    const sameList = listed.length === list.length && listed.every((d, i) => d.id === list[i]!.id && d.rev === list[i]!.rev);
    if (
      manifest._id !== header.batchId ||
      batch.type !== 'batch' ||
      batch.placeCode !== header.place ||
      docs.length !== header.documents ||
      new Set(list.map((d) => d.id)).size !== list.length ||
      !sameList ||
      batch.checksum !== batchChecksum(listed) ||
      JSON.stringify(batch.counts) !== JSON.stringify(countByType(listed)) ||
      // Every record must belong to the station the file says it comes from.
      !docs.every((d) => typeof d.placeCode === 'string' && d.placeCode.startsWith(header.place)) ||
      docs.some((d) => d._id.startsWith(ID_PREFIX.batch))
    ) {
      refuse('tampered');
    }
    // Sealed with the county's key is not the same as well formed: a station on an old or broken
    // version could write a record no form would. Checked like what a sync pulls; the whole file
    // is refused, since its receipt would tell the station every record had arrived.
    for (const doc of docs) {
      if (doc._deleted === true) continue;
      const problem = documentProblem(doc as unknown as Record<string, unknown>);
      if (problem) {
        const recordType = Object.entries(ID_PREFIX).find(([, prefix]) => doc._id.startsWith(prefix))?.[0] ?? 'unknown';
        refuse('invalidRecord', { recordType, recordField: problem.field });
      }
    }
    return { manifest, docs };
  }

  private receiptFile(body: ReceiptBody, keys: CountyKeys): TransferFileView {
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
      fileName: `leye-receipt-${body.place}-${fileStamp(this.ctx, body.receivedAt)}.leye`,
      content: Buffer.concat([headerBytes, json, mac]).toString('base64'),
    };
  }

  private async importReceipt(file: ReturnType<typeof readHeader>, keys: CountyKeys): Promise<TransferImportResult> {
    const { header, headerBytes, payload } = file;
    if (payload.length < MAC_BYTES) refuse('tampered');
    const json = payload.subarray(0, payload.length - MAC_BYTES);
    const mac = createHmac('sha256', keys.transferKey).update(headerBytes).update(json).digest();
    if (!timingSafeEqual(mac, payload.subarray(payload.length - MAC_BYTES))) refuse('tampered');
    let body: ReceiptBody;
    try {
      body = JSON.parse(json.toString('utf8')) as ReceiptBody;
    } catch {
      refuse('tampered');
    }
    if (
      typeof body !== 'object' ||
      body === null ||
      body.batchId !== header.batchId ||
      body.place !== header.place ||
      body.documents !== header.documents ||
      typeof body.checksum !== 'string' ||
      typeof body.receivedAt !== 'string' ||
      typeof body.receivedBy !== 'string' ||
      typeof body.receivedAtPlace !== 'string'
    ) {
      refuse('tampered');
    }
    if (body.place !== this.ctx.station().placeCode) refuse('notForThisStation', { place: placeLabel(body.place) });

    const known = this.receipts.receipts[body.batchId];
    if (known) return { kind: 'receipt', batchId: body.batchId, receivedAt: known.receivedAt, receivedBy: known.receivedBy, alreadyHad: true };
    const batch = await getOrNull<BatchDoc>(this.ctx.db, body.batchId);
    // A batch with another checksum is not the one the receipt speaks of (a reinstalled station
    // can make a batch of the same place at the same minute).
    if (!batch || batch.type !== 'batch') refuse('unknownBatch');
    if (batch.checksum !== body.checksum || batch.docs.length !== body.documents) refuse('unknownBatch');

    const next: ReceiptsDoc = {
      ...this.receipts,
      receipts: { ...this.receipts.receipts, [body.batchId]: { ...body, importedAt: this.ctx.now() } },
    };
    const { rev } = await this.ctx.db.put(next);
    this.receipts = { ...next, _rev: rev };
    this.markDelivered(batch);
    return { kind: 'receipt', batchId: body.batchId, receivedAt: body.receivedAt, receivedBy: body.receivedBy, alreadyHad: false };
  }
}
