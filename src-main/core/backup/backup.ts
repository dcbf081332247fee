// Backups of the station's data: one file per backup in a folder the clerk chooses (a USB stick),
// made once a day by the core and on request, the last N kept. A restore checks the whole file
// (format, every line, counts, SHA-256) and loads it into a database aside before anything is
// replaced; the core then swaps the folders and keeps the replaced data in `replaced-<time>/`.
//
// File format (`.leyebak`): gzip of JSON lines. A header (format, version, station, time), one
// line per leaf revision of every document (winners, conflicts and deletions, each with its
// revision history and attachments), one line per station `_local` document, then (version 2)
// one line per leaf revision of every relay copy (other stations' documents this machine holds,
// e.g. a village's USB file imported at a township, until the next sync takes them up), and a
// trailer with the counts (by type too, and per relay copy) and the SHA-256 of every line before
// it. A file without its trailer is incomplete; one whose hash differs was changed or damaged.
// Version 1 files (no relay copies) still restore; they leave the relay copies as they are.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import {
  BACKUP_FILE_NAME,
  BACKUP_KEEP_DEFAULT,
  type BackupContents,
  type BackupFile,
  type BackupStatus,
  type RestoreResult,
} from '../../../shared/backup/contract';
import type { ParsedArgsOf } from '../../../shared/rpc/handlers';
import { LeyeError } from '../../../shared/rpc/errors';
import type { StationConfig } from '../store/docs';
import type { Session } from '../session';
import { getOrNull, openLocalDb, type StationDb } from '../store/db';
import { fieldError } from '../validation';

export const BACKUP_FORMAT = 'leye-station-backup';
export const BACKUP_VERSION = 2;
/** Versions a restore reads: 1 had no relay copies. */
const READABLE_VERSIONS = [1, 2];
/** A relay copy's folder name: a township's or village's code (see SyncService.relayPlaces). */
const RELAY_PLACE = /^\d{9}(\d{3})?$/;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Documents per read and per write while backing up and restoring. */
const PAGE = 500;

/**
 * The station's `_local` documents: they never replicate, so only a backup keeps the accounts,
 * the station's identity key and the sync state. (Pending batch parts are added by name.)
 * `_local/replication-*` checkpoints are left out on purpose: they count this database's update
 * sequence, which a restored database does not share, so the next sync starts over (its writes
 * are idempotent). `_local/quarantine` (what the county sent that failed its schema) is left out
 * too: that next sync checks everything it pulls again and lists what still fails. So is
 * `_local/stats-tally` (the statistics' counts as of a sequence of this database): a restored
 * station counts its records once again.
 */
export const STATION_LOCAL_DOCS = [
  '_local/station',
  '_local/users',
  '_local/sync',
  '_local/county-secret',
  '_local/rekey',
  '_local/transfer-receipts',
  '_local/machine',
] as const;
/** `_local` ids or prefixes deliberately not in a backup (see above). */
export const LOCAL_DOCS_NOT_BACKED_UP = ['_local/replication-', '_local/quarantine', '_local/stats-tally'] as const;

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

type RevisedDoc = { _id: string; _rev: string; _revisions: { start: number; ids: string[] }; _deleted?: boolean; type?: unknown };
type LocalDoc = { _id: string; _rev?: string; [key: string]: unknown };
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

function raw(db: StationDb): RawDb {
  return db as unknown as RawDb;
}

/** Refuses a backup file; the message names it as the field at fault. */
function refuse(key: string, params?: Record<string, string | number>): never {
  throw new LeyeError(fieldError('file', `errors.backup.${key}`, params));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYYMMDD-HHmmss` in local time, as in the file name (a clerk reads it). */
function fileStamp(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** The time in a backup's name, or null for a name the core did not write. */
export function parseBackupName(name: string): { placeCode: string; createdAt: string } | null {
  const m = BACKUP_FILE_NAME.exec(name);
  if (!m) return null;
  const s = m[2]!;
  const date = new Date(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)), Number(s.slice(9, 11)), Number(s.slice(11, 13)), Number(s.slice(13, 15)));
  if (Number.isNaN(date.getTime())) return null;
  return { placeCode: m[1]!, createdAt: date.toISOString() };
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable where the system allows syncing a folder (not on Windows). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.promises.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for syncing; its renames are journalled by NTFS.
  }
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
async function stationLocals(db: StationDb): Promise<LocalDoc[]> {
  const docs: LocalDoc[] = [];
  for (const id of STATION_LOCAL_DOCS) {
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
 * Writes a database's backup to `file`: to a temporary name first, synced, then renamed, so a
 * crash never leaves a half backup under a backup's name.
 */
export async function writeBackupFile(
  db: StationDb,
  file: string,
  station: { placeCode: string; name: string; createdAt: string },
  relays: RelayCopy[] = [],
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
    for (const doc of await stationLocals(db)) {
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
  try {
    await pipeline(Readable.from(lines()), createGzip(), fs.createWriteStream(temp, { mode: 0o600 }));
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
  const revisions = d._revisions;
  return (
    typeof d._id === 'string' &&
    d._id.length > 0 &&
    !d._id.startsWith('_local/') &&
    typeof d._rev === 'string' &&
    typeof revisions === 'object' &&
    revisions !== null &&
    Number.isSafeInteger(revisions.start) &&
    Array.isArray(revisions.ids) &&
    revisions.ids.length > 0 &&
    revisions.ids.every((id) => typeof id === 'string') &&
    d._rev === `${revisions.start}-${revisions.ids[0]}`
  );
}

function isLocalDoc(doc: unknown): doc is LocalDoc {
  return typeof doc === 'object' && doc !== null && typeof (doc as LocalDoc)._id === 'string' && (doc as LocalDoc)._id.startsWith('_local/');
}

export interface CheckedBackup {
  header: Header;
  trailer: Trailer;
  /** The file carries the relay copies (version 2), even if there were none: a restore replaces them. */
  hasRelays: boolean;
}

/**
 * Reads a whole backup file and checks it: gzip, every line, header first, trailer last, counts
 * and SHA-256. `onPage` receives the documents as they are read (the restore's loading pass);
 * nothing it did counts until the check at the end has passed.
 */
export async function readBackupFile(
  file: string,
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
      if (!READABLE_VERSIONS.includes(line.version)) refuse('version', { version: String(line.version) });
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
  try {
    // Decoded as a stream: a character cut between two chunks is joined, not mangled.
    for await (const chunk of fs.createReadStream(file).pipe(createGunzip()).setEncoding('utf8')) {
      const text = rest + (chunk as string);
      const parts = text.split('\n');
      rest = parts.pop()!;
      for (const part of parts) await take(part);
    }
  } catch (error) {
    if (error instanceof LeyeError) throw error;
    if ((error as { code?: string }).code === 'ENOENT') refuse('fileNotFound');
    // Not gzip, or cut short inside the compressed stream.
    refuse((error as { code?: string }).code === 'Z_BUF_ERROR' ? 'truncated' : 'corrupt');
  }
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
  return { header, trailer: end, hasRelays };
}

export interface BackupSettings {
  /** null: `<data folder>/backups`. */
  folder: string | null;
  keep: number;
}

interface BackupState extends BackupSettings {
  last: (BackupFile & { documents: number }) | null;
  failure: { at: string; messageKey: string; count: number } | null;
}

export interface BackupServiceOptions {
  dataDir: string;
  db: StationDb;
  /** The station, null before it is set up (nothing to back up yet). */
  station(): StationConfig | null;
  clock(): Date;
  /** The relay copies on this machine, opened by the sync service (LevelDB allows one handle). */
  relays?(): RelayCopy[];
  /** How often the schedule looks whether a backup is due. */
  checkIntervalMs?: number;
  /** The first look after start (the station opens first). */
  firstCheckMs?: number;
}

/** The reason a backup could not be written, as an i18n key. */
function failureKey(error: unknown): string {
  if (error instanceof LeyeError) return error.rpc.messageKey;
  const code = (error as { code?: string } | null)?.code ?? '';
  if (code === 'ENOENT') return 'errors.backup.folderMissing';
  if (code === 'ENOSPC') return 'errors.backup.diskFull';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'errors.backup.folderNotWritable';
  return 'errors.backup.failed';
}

export class BackupService {
  private state: BackupState = { folder: null, keep: BACKUP_KEEP_DEFAULT, last: null, failure: null };
  private running: Promise<BackupFile & { documents: number }> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: BackupServiceOptions) {}

  private get stateFile(): string {
    return path.join(this.options.dataDir, 'backup.json');
  }

  get defaultFolder(): string {
    return path.join(this.options.dataDir, 'backups');
  }

  get folder(): string {
    return this.state.folder ?? this.defaultFolder;
  }

  async load(): Promise<void> {
    try {
      const parsed = JSON.parse(await fs.promises.readFile(this.stateFile, 'utf8')) as Partial<BackupState>;
      this.state = {
        folder: typeof parsed.folder === 'string' ? parsed.folder : null,
        keep: Number.isSafeInteger(parsed.keep) && parsed.keep! > 0 ? parsed.keep! : BACKUP_KEEP_DEFAULT,
        last: parsed.last ?? null,
        failure: parsed.failure ?? null,
      };
    } catch {
      // No state yet (or unreadable): defaults, and a backup is due.
    }
  }

  private async saveState(): Promise<void> {
    const temp = `${this.stateFile}.tmp`;
    await fs.promises.writeFile(temp, JSON.stringify(this.state), { mode: 0o600 });
    await syncFile(temp);
    await fs.promises.rename(temp, this.stateFile);
  }

  /** Daily: looks now and then whether a backup is due (a day after the last), never overlapping. */
  start(): void {
    const interval = this.options.checkIntervalMs ?? 10 * 60 * 1000;
    const look = (delay: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        void this.runIfDue()
          .catch(() => undefined)
          .finally(() => look(interval));
      }, delay);
      this.timer.unref();
    };
    look(this.options.firstCheckMs ?? 60 * 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  nextDueAt(): Date {
    return this.state.last ? new Date(Date.parse(this.state.last.createdAt) + DAY_MS) : this.options.clock();
  }

  /** The schedule's step: a backup when the last is a day old (or there is none); null when not due. */
  async runIfDue(): Promise<(BackupFile & { documents: number }) | null> {
    if (this.stopped || !this.options.station() || this.running) return null;
    if (this.options.clock().getTime() < this.nextDueAt().getTime()) return null;
    return this.backupNow();
  }

  status(): BackupStatus {
    return {
      folder: this.folder,
      defaultFolder: this.state.folder === null,
      keep: this.state.keep,
      lastBackup: this.state.last,
      nextDueAt: this.nextDueAt().toISOString(),
      failure: this.state.failure,
      running: this.running !== null,
    };
  }

  async updateSettings(settings: BackupSettings): Promise<BackupStatus> {
    let folder: string | null = null;
    if (settings.folder !== null) {
      if (!path.isAbsolute(settings.folder)) throw new LeyeError(fieldError('folder', 'errors.backup.folderNotAbsolute'));
      folder = path.resolve(settings.folder);
      if (folder === this.defaultFolder) folder = null;
    }
    if (folder !== null) await this.checkWritable(folder);
    this.state = { ...this.state, folder, keep: settings.keep };
    await this.saveState();
    return this.status();
  }

  /** A folder the clerk names must exist (a USB stick that is plugged in) and take a file. */
  private async checkWritable(folder: string): Promise<void> {
    const stat = await fs.promises.stat(folder).catch(() => null);
    if (!stat?.isDirectory()) throw new LeyeError(fieldError('folder', 'errors.backup.folderMissing'));
    const probe = path.join(folder, `.leye-probe-${process.pid}`);
    try {
      await fs.promises.writeFile(probe, 'ok');
      await fs.promises.rm(probe, { force: true });
    } catch {
      throw new LeyeError(fieldError('folder', 'errors.backup.folderNotWritable'));
    }
  }

  /** One backup at a time: a second request while one runs gets that one. */
  backupNow(): Promise<BackupFile & { documents: number }> {
    this.running ??= this.write().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async write(): Promise<BackupFile & { documents: number }> {
    const station = this.options.station();
    if (!station) throw new LeyeError({ code: 'STATION_NOT_SET_UP', messageKey: 'errors.stationNotSetUp' });
    const now = this.options.clock();
    try {
      const folder = this.folder;
      // The default folder is ours to create; a chosen one (a USB stick) must be there.
      if (this.state.folder === null) await fs.promises.mkdir(folder, { recursive: true });
      let name = `乐业驿站备份-${station.placeCode}-${fileStamp(now)}.leyebak`;
      for (let n = 2; fs.existsSync(path.join(folder, name)); n++) name = `乐业驿站备份-${station.placeCode}-${fileStamp(now)}-${n}.leyebak`;
      const written = await writeBackupFile(
        this.options.db,
        path.join(folder, name),
        { placeCode: station.placeCode, name: station.name, createdAt: now.toISOString() },
        this.options.relays?.() ?? [],
      );
      const entry = { file: name, placeCode: station.placeCode, createdAt: now.toISOString(), size: written.size, thisStation: true, documents: written.documents };
      this.state = { ...this.state, last: entry, failure: null };
      await this.saveState();
      // Old ones go only now that the new one is complete.
      await this.prune(station.placeCode);
      return entry;
    } catch (error) {
      const messageKey = failureKey(error);
      this.state = { ...this.state, failure: { at: now.toISOString(), messageKey, count: (this.state.failure?.count ?? 0) + 1 } };
      await this.saveState().catch(() => undefined);
      throw new LeyeError({ code: 'STORAGE', field: 'folder', messageKey, params: { folder: this.folder } });
    }
  }

  /** Keeps this station's newest `keep` backups; other stations' files in the folder are theirs. */
  private async prune(placeCode: string): Promise<void> {
    const own = (await this.list(placeCode)).filter((f) => f.placeCode === placeCode);
    for (const old of own.slice(this.state.keep)) await fs.promises.rm(path.join(this.folder, old.file), { force: true });
  }

  /** The backup files in the folder, newest first; none when the folder is not there. */
  async list(placeCode: string | null, folder = this.folder): Promise<BackupFile[]> {
    const names = await fs.promises.readdir(folder).catch(() => [] as string[]);
    const files: BackupFile[] = [];
    for (const name of names) {
      const parsed = parseBackupName(name);
      if (!parsed) continue;
      const stat = await fs.promises.stat(path.join(folder, name)).catch(() => null);
      if (!stat?.isFile()) continue;
      files.push({ file: name, placeCode: parsed.placeCode, createdAt: parsed.createdAt, size: stat.size, thisStation: parsed.placeCode === placeCode });
    }
    return files.sort((a, b) => (a.createdAt === b.createdAt ? b.file.localeCompare(a.file) : b.createdAt.localeCompare(a.createdAt)));
  }

  /**
   * A folder named at first run (a USB stick): absolute, and there; null is the default folder
   * (where this machine's own backups would be).
   */
  async firstRunFolder(folder: string | null): Promise<string> {
    if (folder === null) return this.defaultFolder;
    if (!path.isAbsolute(folder)) throw new LeyeError(fieldError('folder', 'errors.backup.folderNotAbsolute'));
    const resolved = path.resolve(folder);
    const stat = await fs.promises.stat(resolved).catch(() => null);
    if (!stat?.isDirectory()) throw new LeyeError(fieldError('folder', 'errors.backup.folderMissing'));
    return resolved;
  }

  /** Reads and checks a whole backup file; what it holds, for a person to confirm. */
  async contents(folder: string, fileName: string): Promise<BackupContents> {
    const file = path.join(folder, fileName);
    if (path.dirname(file) !== path.resolve(folder) || !fs.existsSync(file)) refuse('fileNotFound');
    const { header, trailer } = await readBackupFile(file);
    return {
      file: fileName,
      placeCode: header.placeCode,
      stationName: typeof header.stationName === 'string' ? header.stationName : '',
      createdAt: header.createdAt,
      documents: trailer.documents,
      counts: typeof trailer.counts === 'object' && trailer.counts !== null ? trailer.counts : {},
      relayPlaces: Object.keys(trailer.relays ?? {}).sort(),
    };
  }

  /**
   * The restore's first half, which replaces nothing: checks the whole file, then loads it into a
   * new database in `<data folder>/restoring-<time>/station` (checked again while loading).
   * Returns that folder; the core swaps it in.
   */
  async stage(args: ParsedArgsOf<'backup.restore'>, placeCode: string): Promise<StagedRestore> {
    return this.stageFile(this.folder, args.file, args.confirmOtherStation ? null : placeCode);
  }

  /**
   * Checks and loads `file` in `folder`; `placeCode`: the station the file must be from unless
   * confirmed (null: any station, as at first run, when there is no station yet).
   */
  async stageFile(folderOfFile: string, fileName: string, placeCode: string | null): Promise<StagedRestore> {
    const file = path.join(folderOfFile, fileName);
    if (path.dirname(file) !== path.resolve(folderOfFile) || !fs.existsSync(file)) refuse('fileNotFound');
    const checked = await readBackupFile(file);
    if (placeCode !== null && checked.header.placeCode !== placeCode) {
      throw new LeyeError(fieldError('confirmOtherStation', 'errors.backup.otherStation', { place: checked.header.placeCode, name: checked.header.stationName }));
    }
    const machine = await getOrNull<LocalDoc>(this.options.db, '_local/machine');
    const folder = path.join(this.options.dataDir, `restoring-${fileStamp(this.options.clock())}`);
    await fs.promises.rm(folder, { recursive: true, force: true });
    const staged = openLocalDb(path.join(folder, 'station'));
    const stagedRelays = new Map<string, StationDb>();
    const load = async (db: StationDb, docs: RevisedDoc[]) => {
      const results = await raw(db).bulkDocs(docs, { new_edits: false });
      const failed = results.find((r) => 'error' in r && r.error);
      if (failed) refuse('corrupt');
    };
    try {
      const locals = new Map<string, LocalDoc>();
      // Checked again while loading: a file changed since (a USB stick pulled) fails here, aside.
      await readBackupFile(file, async (docs, page, relays) => {
        if (docs.length > 0) await load(staged, docs);
        for (const doc of page) locals.set(doc._id, doc);
        for (const [place, relayDocs] of relays) {
          let db = stagedRelays.get(place);
          if (!db) stagedRelays.set(place, (db = openLocalDb(path.join(folder, 'relay', place))));
          await load(db, relayDocs);
        }
      });
      for (const db of stagedRelays.values()) await db.close();
      stagedRelays.clear();
      // This machine stays this machine (sign-ins name it), whatever machine made the backup.
      if (machine) locals.set('_local/machine', machine);
      else locals.delete('_local/machine');
      const seq = Number((await staged.info()).update_seq);
      for (const doc of locals.values()) {
        const { _rev: _ignored, ...body } = doc;
        void _ignored;
        // Sequence numbers belong to the old database: the next push starts over (idempotent),
        // and deletions made by re-keying before the backup stay behind as before.
        if (doc._id === '_local/sync') body.pushedSeq = 0;
        if (doc._id === '_local/rekey' && Number(body.seq) > 0) body.seq = seq;
        await staged.put(body as { _id: string });
      }
      await staged.close();
      return { folder, documents: checked.trailer.documents, file: fileName, relays: checked.hasRelays };
    } catch (error) {
      await staged.close().catch(() => undefined);
      for (const db of stagedRelays.values()) await db.close().catch(() => undefined);
      await fs.promises.rm(folder, { recursive: true, force: true });
      throw error;
    }
  }
}

export interface StagedRestore {
  /** `<data folder>/restoring-<time>`: `station/` and, from a version 2 file, `relay/<place>/`. */
  folder: string;
  documents: number;
  file: string;
  /** The file carried the relay copies: they replace the current ones (a version 1 file leaves them). */
  relays: boolean;
}

/**
 * The restore's second half, with the core closed: the current `station/` (and its search
 * snapshot, and its relay copies when the backup has them) move to `replaced-<time>/`, the staged
 * data takes their place. Renames in the same folder; a failure half-way moves everything back.
 */
export async function swapStationData(dataDir: string, stagedFolder: string, now: Date, options: { relays?: boolean } = {}): Promise<string> {
  let replacedName = `replaced-${fileStamp(now)}`;
  for (let n = 2; fs.existsSync(path.join(dataDir, replacedName)); n++) replacedName = `replaced-${fileStamp(now)}-${n}`;
  const replaced = path.join(dataDir, replacedName);
  await fs.promises.mkdir(replaced);
  const moved: [string, string][] = [];
  const move = async (from: string, to: string) => {
    await fs.promises.rename(from, to);
    moved.push([from, to]);
  };
  try {
    await move(path.join(dataDir, 'station'), path.join(replaced, 'station'));
    if (fs.existsSync(path.join(dataDir, 'search-index.json'))) await move(path.join(dataDir, 'search-index.json'), path.join(replaced, 'search-index.json'));
    if (options.relays && fs.existsSync(path.join(dataDir, 'relay'))) await move(path.join(dataDir, 'relay'), path.join(replaced, 'relay'));
    await move(path.join(stagedFolder, 'station'), path.join(dataDir, 'station'));
    if (options.relays && fs.existsSync(path.join(stagedFolder, 'relay'))) await move(path.join(stagedFolder, 'relay'), path.join(dataDir, 'relay'));
    await syncFolder(dataDir);
  } catch (error) {
    for (const [from, to] of moved.reverse()) await fs.promises.rename(to, from).catch(() => undefined);
    throw error;
  }
  await fs.promises.rm(stagedFolder, { recursive: true, force: true });
  return replacedName;
}

export interface BackupDeps {
  backups: BackupService;
  /** The station's place, or STATION_NOT_SET_UP. */
  placeCode(): string;
  /** Checks, stages and swaps; the core reopens on the restored data. */
  restore(args: ParsedArgsOf<'backup.restore'>, session: Session): Promise<RestoreResult>;
  /** No station here yet (first run): the only time a restore needs no account. */
  firstRun(): boolean;
  /** Like `restore`, from a file in `folder`, from any station; refused once a station is set up. */
  restoreFirstRun(folder: string, file: string, session: Session): Promise<RestoreResult>;
}

/** Refuses a first-run handler on a station that is set up (before it reads any file). */
export function assertFirstRun(deps: BackupDeps): void {
  if (!deps.firstRun()) throw new LeyeError({ code: 'STATION_ALREADY_SET_UP', messageKey: 'errors.backup.firstRunOnly' });
}
