// Restoring a backup replaces the whole station: the file is checked and loaded aside, this core
// closes, the data folders are swapped and a new core, opened on the restored data, answers from
// then on (the dispatcher forwards to it: dispatch.ts `forward`).
import fs from 'node:fs';
import type { RestoreResult } from '../../../shared/backup/contract';
import { LeyeError } from '../../../shared/rpc/errors';
import type { ParsedArgsOf } from '../../../shared/rpc/handlers';
import { swapStationData, type BackupService } from '../backup/backup';
import type { Session } from '../session';
import type { StationService } from './station';

export interface RestoreDeps<C> {
  backups: BackupService;
  station: StationService;
  dataDir: string;
  clock(): Date;
  /** Closes this core (its feeds, sync, backups, database). */
  closeOwn(): Promise<void>;
  /** Opens a core on the data folder (restored, or as it was when the swap failed). */
  reopen(): Promise<C>;
  /** The new core's pushes reach this core's listeners. */
  follow(next: C): void;
  /** The windows learn the restored station's status. */
  announce(next: C): void;
}

export class Restorer<C> {
  /** After a restore: the core opened on the restored data, which answers from then on. */
  successor: Promise<C> | null = null;
  /** A restore is checking and loading its file (a second one waits its turn). */
  private restoring = false;

  constructor(private readonly deps: RestoreDeps<C>) {}

  /**
   * Restores a backup: the file is checked and loaded aside first (nothing replaced on any
   * failure); then this core closes, the data folders are swapped (the replaced data kept in
   * `replaced-<time>/`) and a core opened on the restored data answers from then on.
   */
  async restore(args: ParsedArgsOf<'backup.restore'>, session: Session, firstRunFolder?: string): Promise<RestoreResult> {
    const { backups, station, dataDir } = this.deps;
    if (this.restoring) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.backup.busy' });
    this.restoring = true;
    let staged: Awaited<ReturnType<BackupService['stage']>>;
    try {
      // First run: a file from anywhere (a USB stick), of whichever station this machine was.
      staged = firstRunFolder === undefined ? await backups.stage(args, station.require().placeCode) : await backups.stageFile(firstRunFolder, args, null);
    } finally {
      this.restoring = false;
    }
    // Someone set a station up while the file loaded: it stays; the first-run restore does not happen.
    if (firstRunFolder !== undefined && station.config) {
      await fs.promises.rm(staged.folder, { recursive: true, force: true });
      throw new LeyeError({ code: 'STATION_ALREADY_SET_UP', messageKey: 'errors.backup.firstRunOnly' });
    }
    let replacedFolder = '';
    let swapFailure: unknown = null;
    this.successor = (async () => {
      await this.deps.closeOwn();
      try {
        replacedFolder = await swapStationData(dataDir, staged.folder, this.deps.clock(), { relays: staged.relays });
      } catch (error) {
        swapFailure = error;
        await fs.promises.rm(staged.folder, { recursive: true, force: true }).catch(() => undefined);
      }
      // The restored data, or (the swap failed and was undone) the data as it was.
      return this.deps.reopen();
    })();
    const next = await this.successor;
    this.deps.follow(next);
    if (swapFailure) throw swapFailure;
    session.user = null;
    this.deps.announce(next);
    return { file: staged.file, documents: staged.documents, replacedFolder };
  }
}
