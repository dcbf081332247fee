// Backups of the station's data: the BackupService (daily schedule, settings, writing, listing, pruning) and the backup handlers.
// One file per backup in a folder the clerk chooses (a USB stick), made once a day by the core and
// on request (admins): the last N daily ones kept, and apart from them the last few manual ones,
// so manual backups never push a daily one out. The file and its checks are in format.ts; a restore (check, load
// aside, swap the folders, keep the replaced data in `replaced-<time>/`) in restore.ts.
// Every file is encrypted with the backup passphrase the admin sets (crypto.ts, passphrase.ts):
// until there is one, no backup is written, and the daily run says it skipped for that reason.
import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  BACKUP_KEEP_DEFAULT,
  BACKUP_KEEP_MANUAL,
  type BackupContents,
  type BackupFile,
  type BackupStatus,
} from '../../../shared/backup/contract';
import type { ParsedArgsOf } from '../../../shared/rpc/handlers';
import { LeyeError } from '../../../shared/rpc/errors';
import type { StationConfig } from '../store/docs';
import type { StationDb } from '../store/db';
import type { SecretBox } from '../sync/secretBox';
import { fieldError } from '../validation';
import * as documents from '../../../shared/documents/local';
import { readHead } from './crypto';
import { backupName, parseBackupName, syncFile } from './files';
import { readBackupFile, refuse as refuseFile, writeBackupFile, type RelayCopy } from './format';
import { hasPassphrase, readPassphrase, storePassphrase } from './passphrase';
import { stageBackup, type StagedRestore } from './restore';

export { BACKUP_FORMAT, BACKUP_VERSION, readBackupFile, writeBackupFile, type CheckedBackup, type RelayCopy, type WrittenBackup } from './format';
export { parseBackupName } from './files';
export { stageBackup, swapStationData, type StagedRestore } from './restore';

const DAY_MS = 24 * 60 * 60 * 1000;

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
export const STATION_LOCAL_DOCS = documents.BACKED_UP_LOCAL_DOCS;
/**
 * `_local` ids or prefixes deliberately not in a backup (see above), and the backup passphrase:
 * a backup never carries the key that opens it (passphrase.ts).
 */
export const LOCAL_DOCS_NOT_BACKED_UP: readonly string[] = documents.LOCAL_DOCS_NOT_BACKED_UP;

export interface BackupSettings {
  /** null: `<data folder>/backups`. */
  folder: string | null;
  keep: number;
}

interface BackupState extends BackupSettings {
  last: (BackupFile & { documents: number }) | null;
  /** The last daily (scheduled) backup's time: the schedule counts from it, not from a manual one. */
  lastDailyAt: string | null;
  failure: { at: string; messageKey: string; count: number } | null;
  /** The daily run found no passphrase (since `at`); cleared by the next backup or a passphrase set. */
  skipped: { at: string; messageKey: string } | null;
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
  /** Seals the backup passphrase on this machine (the app's key store); none in the Node host. */
  secretBox?: SecretBox | null;
}

const NO_PASSPHRASE = 'errors.backup.noPassphrase';

/** Two passphrases are the same (compared in constant time, as typed in either Unicode form). */
function samePassphrase(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s.normalize('NFC')).digest();
  return timingSafeEqual(digest(a), digest(b));
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
  private state: BackupState = { folder: null, keep: BACKUP_KEEP_DEFAULT, last: null, lastDailyAt: null, failure: null, skipped: null };
  /** A passphrase is set and opens here (read at load, kept up to date when set). */
  private passphraseSet = false;
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

  private get box(): SecretBox | null {
    return this.options.secretBox ?? null;
  }

  private passphrase(): Promise<string | null> {
    return readPassphrase(this.options.db, this.box);
  }

  async load(): Promise<void> {
    this.passphraseSet = await hasPassphrase(this.options.db, this.box);
    try {
      const parsed = JSON.parse(await fs.promises.readFile(this.stateFile, 'utf8')) as Partial<BackupState>;
      // A state written before manual backups were kept apart: its last backup was a daily one.
      const last = parsed.last ? { ...parsed.last, manual: parsed.last.manual === true } : null;
      this.state = {
        folder: typeof parsed.folder === 'string' ? parsed.folder : null,
        keep: Number.isSafeInteger(parsed.keep) && parsed.keep! > 0 ? parsed.keep! : BACKUP_KEEP_DEFAULT,
        last,
        lastDailyAt: typeof parsed.lastDailyAt === 'string' ? parsed.lastDailyAt : last && !last.manual ? last.createdAt : null,
        failure: parsed.failure ?? null,
        skipped: parsed.skipped ?? null,
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
    return this.state.lastDailyAt ? new Date(Date.parse(this.state.lastDailyAt) + DAY_MS) : this.options.clock();
  }

  /** The schedule's step: a backup when the last is a day old (or there is none); null when not due. */
  async runIfDue(): Promise<(BackupFile & { documents: number }) | null> {
    if (this.stopped || !this.options.station() || this.running) return null;
    if (this.options.clock().getTime() < this.nextDueAt().getTime()) return null;
    if ((await this.passphrase()) === null) {
      // Nothing is written in clear: the run is skipped, and the status says why (once, from when).
      this.passphraseSet = false;
      if (this.state.skipped?.messageKey !== NO_PASSPHRASE) {
        this.state = { ...this.state, skipped: { at: this.options.clock().toISOString(), messageKey: NO_PASSPHRASE } };
        await this.saveState();
      }
      return null;
    }
    return this.backupNow('daily');
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
      passphraseSet: this.passphraseSet,
      skipped: this.state.skipped,
    };
  }

  /**
   * Sets the backup passphrase; changing it needs the current one. The next backup is encrypted
   * with it (the files already written keep theirs).
   */
  async setPassphrase(args: ParsedArgsOf<'backup.passphrase'>): Promise<BackupStatus> {
    const current = await this.passphrase();
    if (current !== null) {
      if (args.current === undefined) throw new LeyeError(fieldError('current', 'errors.backup.currentPassphraseNeeded'));
      if (!samePassphrase(args.current, current)) throw new LeyeError(fieldError('current', 'errors.backup.currentPassphraseWrong'));
    }
    await storePassphrase(this.options.db, this.box, args.passphrase, this.options.clock().toISOString());
    this.passphraseSet = true;
    if (this.state.skipped) {
      this.state = { ...this.state, skipped: null };
      await this.saveState();
    }
    return this.status();
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
  backupNow(kind: 'daily' | 'manual'): Promise<BackupFile & { documents: number }> {
    this.running ??= this.write(kind === 'manual').finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async write(manual: boolean): Promise<BackupFile & { documents: number }> {
    const station = this.options.station();
    if (!station) throw new LeyeError({ code: 'STATION_NOT_SET_UP', messageKey: 'errors.stationNotSetUp' });
    const passphrase = await this.passphrase();
    this.passphraseSet = passphrase !== null;
    // Never a backup in clear: without a passphrase there is none (and no failure: nothing was tried).
    if (passphrase === null) throw new LeyeError(fieldError('passphrase', NO_PASSPHRASE));
    const now = this.options.clock();
    try {
      const folder = this.folder;
      // The default folder is ours to create; a chosen one (a USB stick) must be there.
      if (this.state.folder === null) await fs.promises.mkdir(folder, { recursive: true });
      const name = backupName(folder, station.placeCode, now, manual, fs.existsSync);
      const written = await writeBackupFile(
        this.options.db,
        path.join(folder, name),
        { placeCode: station.placeCode, name: station.name, createdAt: now.toISOString() },
        this.options.relays?.() ?? [],
        STATION_LOCAL_DOCS,
        passphrase,
      );
      const createdAt = now.toISOString();
      const entry = { file: name, placeCode: station.placeCode, createdAt, size: written.size, thisStation: true, manual, encrypted: true, documents: written.documents };
      this.state = { ...this.state, last: entry, lastDailyAt: manual ? this.state.lastDailyAt : createdAt, failure: null, skipped: null };
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

  /**
   * Keeps this station's newest `keep` daily backups and, apart from them, its newest
   * BACKUP_KEEP_MANUAL manual ones; other stations' files in the folder are theirs.
   */
  private async prune(placeCode: string): Promise<void> {
    const own = (await this.list(placeCode)).filter((f) => f.placeCode === placeCode);
    const old = [...own.filter((f) => !f.manual).slice(this.state.keep), ...own.filter((f) => f.manual).slice(BACKUP_KEEP_MANUAL)];
    for (const file of old) await fs.promises.rm(path.join(this.folder, file.file), { force: true });
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
      // The first bytes say whether it is encrypted (an older file is not: the screen says so).
      const head = await readHead(path.join(folder, name)).catch(() => null);
      const encrypted = head?.kind === 'encrypted';
      files.push({ file: name, placeCode: parsed.placeCode, createdAt: parsed.createdAt, size: stat.size, thisStation: parsed.placeCode === placeCode, manual: parsed.manual, encrypted });
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

  /** Reads and checks a whole backup file (with its passphrase when encrypted); what it holds, for a person to confirm. */
  async contents(folder: string, fileName: string, passphrase?: string): Promise<BackupContents> {
    const file = path.join(folder, fileName);
    if (path.dirname(file) !== path.resolve(folder) || !fs.existsSync(file)) refuseFile('fileNotFound');
    const { header, trailer, encrypted } = await readBackupFile(file, passphrase);
    return {
      file: fileName,
      placeCode: header.placeCode,
      stationName: typeof header.stationName === 'string' ? header.stationName : '',
      createdAt: header.createdAt,
      documents: trailer.documents,
      counts: typeof trailer.counts === 'object' && trailer.counts !== null ? trailer.counts : {},
      relayPlaces: Object.keys(trailer.relays ?? {}).sort(),
      encrypted,
    };
  }

  /**
   * The restore's first half, which replaces nothing: checks the whole file, then loads it into a
   * new database in `<data folder>/restoring-<time>/station` (checked again while loading).
   * Returns that folder; the core swaps it in.
   */
  async stage(args: ParsedArgsOf<'backup.restore'>, placeCode: string): Promise<StagedRestore> {
    return this.stageFile(this.folder, args, args.confirmOtherStation ? null : placeCode);
  }

  /**
   * Checks and loads `file` in `folder` (opened with `passphrase` when encrypted); `placeCode`:
   * the station the file must be from unless confirmed (null: any station, as at first run, when
   * there is no station yet).
   */
  async stageFile(folderOfFile: string, args: { file: string; passphrase?: string }, placeCode: string | null): Promise<StagedRestore> {
    return stageBackup({ ...this.options, secretBox: this.box }, folderOfFile, args, placeCode);
  }
}
