// The `.leyebak` backup file: writing and reading (gzip of JSON lines, header, trailer with counts and SHA-256),
// encrypted with the backup passphrase from version 3 on (crypto.ts).
//
// File format (`.leyebak`): gzip of JSON lines, encrypted (version 3: see crypto.ts for the
// envelope; versions 1 and 2 are the plain gzip). A header (format, version, station, time), one
// line per leaf revision of every document (winners, conflicts and deletions, each with its
// revision history and attachments), one line per station `_local` document, then (version 2)
// one line per leaf revision of every relay copy (other stations' documents this machine holds,
// e.g. a village's USB file imported at a township, until the next sync takes them up), and a
// trailer with the counts (by type too, and per relay copy) and the SHA-256 of every line before
// it. A file without its trailer is incomplete; one whose hash differs was changed or damaged.
// Version 1 files (no relay copies) still restore; they leave the relay copies as they are.
// Version 3 holds the same lines as version 2, only inside the encryption.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline as pipe, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { LeyeError } from '../../../shared/rpc/errors';
import { getOrNull, type StationDb } from '../store/db';
import { fieldError } from '../validation';
import { headsOwnHistory } from '../sync/replicate';
import { BACKUP_FORMAT, ENCRYPTED_VERSION, encryptingStep, openGzipStream } from './crypto';
import { syncFile, syncFolder } from './files';

export { BACKUP_FORMAT } from './crypto';
/** The version new backups are written in (encrypted). */
export const BACKUP_VERSION = ENCRYPTED_VERSION;
/** Versions a restore reads in plain gzip (written before backups were encrypted): 1 had no relay copies. */
const PLAIN_VERSIONS = [1, 2];
/** A relay copy's folder name: a township's or village's code (see SyncService.relayPlaces). */
const RELAY_PLACE = /^\d{9}(\d{3})?$/;
/** Documents per read and per write while backing up and restoring. */
const PAGE = 500;

interface Header {
  kind: 'header';
  format: typeof BACKUP_FORMAT;
  version: number;
  placeCode: string;
  stationName: string;
  createdAt: string;
}

interface Trailer {
  kind: 'end';
  /** Live revisions by type (winners and conflicts alike), for people reading the file. */
  counts: Record<string, number>;
  documents: number;
  revisions: number;
  locals: number;
  /** Version 2: documents and revisions of each relay copy, by place. */
  relays?: Record<string, { documents: number; revisions: number }>;
  sha256: string;
}

export type RevisedDoc = { _id: string; _rev: string; _revisions: { start: number; ids: string[] }; _deleted?: boolean; type?: unknown };
export type LocalDoc = { _id: string; _rev?: string; [key: string]: unknown };
type Line = Header | Trailer | { kind: 'doc'; doc: RevisedDoc } | { kind: 'local'; doc: LocalDoc } | { kind: 'relay'; place: string; doc: RevisedDoc };

/** A relay copy to back up: another station's documents held on this machine. */
export interface RelayCopy {
  place: string;
  db: StationDb;
}

interface RawDb {
  bulkGet(options: { docs: { id: string; rev: string }[]; revs: boolean; attachments: boolean }): Promise<{
    results: { id: string; docs: ({ ok: RevisedDoc } | { error: unknown })[] }[];
  }>;
  bulkDocs(docs: object[], options: { new_edits: false }): Promise<({ ok?: boolean } | { error: unknown; id?: string; reason?: string })[]>;
}

export function raw(db: StationDb): RawDb {
  return db as unknown as RawDb;
}

/** Refuses a backup file; the message names it as the field at fault. */
export function refuse(key: string, params?: Record<string, string | number>): never {
  throw new LeyeError(fieldError('file', `errors.backup.${key}`, params));
}

/** Every document of a database, each leaf revision with its history, a page at a time. */
async function* leafRevisions(db: StationDb): AsyncGenerator<RevisedDoc[]> {
  let since: number | string = 0;
  for (;;) {
    // `attachments` (inline, base64) is a PouchDB changes option its types leave out.
    const options = { since, limit: PAGE, style: 'all_docs', include_docs: true, attachments: true } as Parameters<StationDb['changes']>[0];
    const changes: { results: { id: string; changes: { rev: string }[]; doc?: object }[]; last_seq: number | string } = await db.changes<object>(options);
    if (changes.results.length === 0) return;
    since = changes.last_seq;
    const docs: RevisedDoc[] = [];
    const wanted: { id: string; rev: string }[] = [];
    for (const c of changes.results) {
      const doc = c.doc as (RevisedDoc & { _deleted?: boolean }) | undefined;
      // Most records never change (attendance, sign-ins): a lone first revision is its own history,
      // so only the others are read again with theirs (PouchDB reads those one by one).
      if (doc && c.changes.length === 1 && doc._rev === c.changes[0]!.rev && doc._rev.startsWith('1-') && !doc._deleted) {
        docs.push({ ...doc, _revisions: { start: 1, ids: [doc._rev.slice(2)] } });
      } else wanted.push(...c.changes.map((r) => ({ id: c.id, rev: r.rev })));
    }
    if (wanted.length > 0) {
      const got = await raw(db).bulkGet({ docs: wanted, revs: true, attachments: true });
      for (const result of got.results) {
        for (const d of result.docs) {
          if (!('ok' in d)) throw new Error(`backup: revision of ${result.id} could not be read`);
          docs.push(d.ok);
        }
      }
    }
    yield docs;
  }
}

/** The station's `_local` documents, including the parts of a batch an interrupted sync left. */
async function stationLocals(db: StationDb, localIds: readonly string[]): Promise<LocalDoc[]> {
  const docs: LocalDoc[] = [];
  for (const id of localIds) {
    const doc = await getOrNull<LocalDoc>(db, id);
    if (doc) docs.push(doc);
  }
  const pending = docs.find((d) => d._id === '_local/sync')?.pendingBatch;
  if (typeof pending === 'string') {
    for (let n = 0; ; n++) {
      const part = await getOrNull<LocalDoc>(db, `_local/batch-part:${pending}:${n}`);
      if (!part) break;
      docs.push(part);
    }
  }
  return docs;
}

export interface WrittenBackup {
  documents: number;
  revisions: number;
  locals: number;
  /** Revisions of all relay copies together. */
  relayRevisions: number;
  size: number;
}

/**
 * Writes a database's backup to `file`, encrypted with `passphrase`: to a temporary name first,
 * synced, then renamed, so a crash never leaves a half backup under a backup's name. `localIds`:
 * the station `_local` documents it holds (see STATION_LOCAL_DOCS).
 */
export async function writeBackupFile(
  db: StationDb,
  file: string,
  station: { placeCode: string; name: string; createdAt: string },
  relays: RelayCopy[],
  localIds: readonly string[],
  passphrase: string,
): Promise<WrittenBackup> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.partial`);
  const hash = createHash('sha256');
  const totals = { documents: 0, revisions: 0, locals: 0 };
  const counts: Record<string, number> = {};
  const relayTotals: Record<string, { documents: number; revisions: number }> = {};
  async function* lines(): AsyncGenerator<string> {
    const emit = (line: Line) => {
      const text = `${JSON.stringify(line)}\n`;
      if (line.kind !== 'end') hash.update(text);
      return text;
    };
    yield emit({ kind: 'header', format: BACKUP_FORMAT, version: BACKUP_VERSION, placeCode: station.placeCode, stationName: station.name, createdAt: station.createdAt });
    for await (const page of leafRevisions(db)) {
      const ids = new Set<string>();
      let text = '';
      for (const doc of page) {
        ids.add(doc._id);
        if (!doc._deleted && typeof doc.type === 'string') counts[doc.type] = (counts[doc.type] ?? 0) + 1;
        text += emit({ kind: 'doc', doc });
      }
      totals.documents += ids.size;
      totals.revisions += page.length;
      yield text;
    }
    for (const doc of await stationLocals(db, localIds)) {
      totals.locals += 1;
      yield emit({ kind: 'local', doc });
    }
    // Their `_local/replication-*` checkpoints stay behind, like the station's: the next sync
    // compares revisions from the start and sends what the county lacks.
    for (const relay of relays) {
      const total = (relayTotals[relay.place] = { documents: 0, revisions: 0 });
      for await (const page of leafRevisions(relay.db)) {
        let text = '';
        for (const doc of page) text += emit({ kind: 'relay', place: relay.place, doc });
        total.documents += new Set(page.map((d) => d._id)).size;
        total.revisions += page.length;
        yield text;
      }
    }
    yield emit({ kind: 'end', ...totals, relays: relayTotals, counts, sha256: hash.digest('hex') });
  }
  const encrypt = await encryptingStep(passphrase);
  try {
    await pipeline(Readable.from(lines()), createGzip(), encrypt, fs.createWriteStream(temp, { mode: 0o600 }));
    await syncFile(temp);
    await fs.promises.rename(temp, file);
    await syncFolder(path.dirname(file));
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  const { size } = await fs.promises.stat(file);
  return { ...totals, relayRevisions: Object.values(relayTotals).reduce((sum, r) => sum + r.revisions, 0), size };
}

function isRevisedDoc(doc: unknown): doc is RevisedDoc {
  if (typeof doc !== 'object' || doc === null) return false;
  const d = doc as Partial<RevisedDoc>;
  return typeof d._id === 'string' && d._id.length > 0 && !d._id.startsWith('_local/') && headsOwnHistory(d);
}

function isLocalDoc(doc: unknown): doc is LocalDoc {
  return typeof doc === 'object' && doc !== null && typeof (doc as LocalDoc)._id === 'string' && (doc as LocalDoc)._id.startsWith('_local/');
}

export interface CheckedBackup {
  header: Header;
  trailer: Trailer;
  /** The file carries the relay copies (version 2), even if there were none: a restore replaces them. */
  hasRelays: boolean;
  /** Version 3: encrypted with a backup passphrase (older files are plain gzip). */
  encrypted: boolean;
}

/**
 * Reads a whole backup file and checks it: the encryption (version 3, with `passphrase`), gzip,
 * every line, header first, trailer last, counts and SHA-256. `onPage` receives the documents as
 * they are read (the restore's loading pass); nothing it did counts until the check at the end
 * has passed.
 */
export async function readBackupFile(
  file: string,
  passphrase: string | undefined,
  onPage?: (docs: RevisedDoc[], locals: LocalDoc[], relays: Map<string, RevisedDoc[]>) => Promise<void>,
): Promise<CheckedBackup> {
  const hash = createHash('sha256');
  let header: Header | null = null;
  let trailer: Trailer | null = null;
  const seen = { documents: new Set<string>(), revisions: 0, locals: 0 };
  const seenRelays = new Map<string, { documents: Set<string>; revisions: number }>();
  let docs: RevisedDoc[] = [];
  let locals: LocalDoc[] = [];
  let relays = new Map<string, RevisedDoc[]>();
  let pending = 0;
  let encrypted = false;
  const flush = async () => {
    if (onPage && pending > 0) await onPage(docs, locals, relays);
    docs = [];
    locals = [];
    relays = new Map();
    pending = 0;
  };
  const take = async (text: string) => {
    if (trailer) refuse('corrupt');
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      refuse('corrupt');
    }
    if (typeof line !== 'object' || line === null) refuse('corrupt');
    if (!header) {
      if (line.kind !== 'header' || line.format !== BACKUP_FORMAT) refuse('notBackup');
      // Version 3 only inside the encryption, versions 1 and 2 only outside it.
      if (encrypted ? line.version !== ENCRYPTED_VERSION : !PLAIN_VERSIONS.includes(line.version)) refuse('version', { version: String(line.version) });
      if (typeof line.placeCode !== 'string' || typeof line.createdAt !== 'string') refuse('corrupt');
      header = line;
      hash.update(`${text}\n`);
      return;
    }
    if (line.kind === 'end') {
      trailer = line;
      return;
    }
    hash.update(`${text}\n`);
    if (line.kind === 'doc' && isRevisedDoc(line.doc)) {
      seen.documents.add(line.doc._id);
      seen.revisions += 1;
      docs.push(line.doc);
    } else if (line.kind === 'local' && isLocalDoc(line.doc)) {
      seen.locals += 1;
      locals.push(line.doc);
    } else if (line.kind === 'relay' && header.version >= 2 && typeof line.place === 'string' && RELAY_PLACE.test(line.place) && isRevisedDoc(line.doc)) {
      const counted = seenRelays.get(line.place) ?? { documents: new Set<string>(), revisions: 0 };
      counted.documents.add(line.doc._id);
      counted.revisions += 1;
      seenRelays.set(line.place, counted);
      const page = relays.get(line.place) ?? [];
      page.push(line.doc);
      relays.set(line.place, page);
    } else refuse('corrupt');
    pending += 1;
    if (pending >= PAGE) await flush();
  };
  let rest = '';
  let opened: Awaited<ReturnType<typeof openGzipStream>> | null = null;
  try {
    // Decoded as a stream: a character cut between two chunks is joined, not mangled.
    opened = await openGzipStream(file, passphrase);
    encrypted = opened.encrypted;
    // A pipeline, not pipe(): an error reading or decrypting ends the loop with that error.
    const text = pipe(Readable.from(opened.stream), createGunzip(), () => undefined).setEncoding('utf8');
    for await (const chunk of text) {
      const joined = rest + (chunk as string);
      const parts = joined.split('\n');
      rest = parts.pop()!;
      for (const part of parts) await take(part);
    }
  } catch (error) {
    if (error instanceof LeyeError) throw error;
    if ((error as { code?: string }).code === 'ENOENT') refuse('fileNotFound');
    // Not gzip, or cut short inside the compressed stream.
    refuse((error as { code?: string }).code === 'Z_BUF_ERROR' ? 'truncated' : 'corrupt');
  }
  // The tag fails where the file was cut short too: then the trailer never came. Asked once every
  // line the file gave was taken in (asked as the stream failed, the last lines could still be
  // on their way through gunzip, and a changed file was said to be cut short).
  if (opened?.tagFailed()) refuse(trailer ? 'tampered' : 'truncated');
  if (rest !== '') refuse('truncated');
  await flush();
  if (!header) refuse('notBackup');
  const end = trailer as Trailer | null;
  if (!end) refuse('truncated');
  if (end.sha256 !== hash.digest('hex')) refuse('checksum');
  if (end.documents !== seen.documents.size || end.revisions !== seen.revisions || end.locals !== seen.locals) refuse('checksum');
  const hasRelays = (header as Header).version >= 2;
  if (hasRelays) {
    const listed = end.relays;
    if (typeof listed !== 'object' || listed === null || Object.keys(listed).length !== seenRelays.size) refuse('checksum');
    for (const [place, counted] of seenRelays) {
      const said = Object.hasOwn(listed, place) ? listed[place] : undefined;
      if (said?.documents !== counted.documents.size || said.revisions !== counted.revisions) refuse('checksum');
    }
  }
  return { header, trailer: end, hasRelays, encrypted };
}
