// Backups: the station's data as one checked file a day in a folder the clerk chooses (a USB
// stick), and a restore that checks the file before replacing anything.
// Part of the one handler map (see handlers.ts); built with the blocks in define.ts.

import { z } from 'zod';
import { ALL_ROLES, handler, none } from '../rpc/define';

export const BACKUP_KEEP_DEFAULT = 7;
export const BACKUP_KEEP_MAX = 365;
/** Manual backups (`backup.now`) kept besides the daily ones: they never push a daily one out. */
export const BACKUP_KEEP_MANUAL = 3;
/** The mark in a manual backup's name; a name without it (older files too) is a daily backup. */
export const BACKUP_MANUAL_MARK = '手动';

/**
 * `乐业驿站备份-<place>-<YYYYMMDD-HHmmss>[-手动][-n].leyebak`: what the core writes and the only
 * names it restores (`-手动`: made on request, kept apart from the daily ones).
 */
export const BACKUP_FILE_NAME = /^乐业驿站备份-(\d{6}|\d{9}|\d{12})-(\d{8}-\d{6})(-手动)?(?:-(\d{1,3}))?\.leyebak$/;

export interface BackupFile {
  /** The file's name in the backup folder (never a path). */
  file: string;
  placeCode: string;
  /** When it was made (ISO), from its name. */
  createdAt: string;
  size: number;
  /** Made by a station at this station's place (another station's file asks for confirmation). */
  thisStation: boolean;
  /** Made on request (`backup.now`), not by the daily schedule; kept apart (see BACKUP_KEEP_MANUAL). */
  manual: boolean;
  /** Encrypted with a backup passphrase (format version 3); false: an older, plain file. */
  encrypted: boolean;
}

export interface BackupStatus {
  /** The folder backups go to (an absolute path on this machine). */
  folder: string;
  /** The folder is the default one inside the data folder (not a USB stick). */
  defaultFolder: boolean;
  keep: number;
  lastBackup: (BackupFile & { documents: number }) | null;
  /** When the automatic backup runs next (ISO). */
  nextDueAt: string;
  /** The last attempt failed (cleared by the next success); `reason` is an i18n key. */
  failure: { at: string; messageKey: string; count: number } | null;
  running: boolean;
  /**
   * A backup passphrase is set (and opens on this machine). Without one no backup is written:
   * backups are encrypted with it.
   */
  passphraseSet: boolean;
  /** The daily backup did not run, since `at`, for the reason `messageKey` (no passphrase); cleared by the next backup. */
  skipped: { at: string; messageKey: string } | null;
}

export interface RestoreResult {
  file: string;
  documents: number;
  /** The replaced data's folder name inside the data folder (`replaced-<time>`). */
  replacedFolder: string;
}

const folderSchema = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .max(1000, { error: 'errors.tooLong' })
  // Control characters never belong in a folder name; a path from the renderer is checked again by the core.
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), { error: 'errors.controlChars' });

export const backupSettingsSchema = z.strictObject({
  /** null: the default folder `<data folder>/backups`. */
  folder: folderSchema.nullable(),
  keep: z.number({ error: 'errors.number.invalid' }).int({ error: 'errors.number.invalid' }).min(1).max(BACKUP_KEEP_MAX),
});

/** A backup passphrase's length in characters (Chinese characters count one each). */
export const BACKUP_PASSPHRASE_MIN = 10;
export const BACKUP_PASSPHRASE_MAX = 200;
/** Different characters a new passphrase must have (no `1111111111`, no `1212121212`). */
export const BACKUP_PASSPHRASE_DISTINCT = 5;

/** A passphrase typed to open a backup (any length: older rules may have allowed it). */
const typedPassphrase = z.string({ error: 'errors.required' }).min(1, { error: 'errors.required' }).max(BACKUP_PASSPHRASE_MAX, { error: 'errors.tooLong' });

/** A new backup passphrase: at least BACKUP_PASSPHRASE_MIN characters, not a repeated pattern. */
export const newPassphraseSchema = z
  .string({ error: 'errors.required' })
  .max(BACKUP_PASSPHRASE_MAX, { error: 'errors.tooLong' })
  .refine((s) => [...s].length >= BACKUP_PASSPHRASE_MIN, { error: 'errors.backup.passphraseShort' })
  .refine((s) => new Set([...s]).size >= BACKUP_PASSPHRASE_DISTINCT, { error: 'errors.backup.passphraseWeak' });

export const backupPassphraseSchema = z.strictObject({
  passphrase: newPassphraseSchema,
  /** The passphrase set now: needed to change it. */
  current: typedPassphrase.optional(),
});

export const backupRestoreSchema = z.strictObject({
  file: z.string({ error: 'errors.required' }).max(200, { error: 'errors.tooLong' }).regex(BACKUP_FILE_NAME, { error: 'errors.backup.fileName' }),
  /** Needed when the file is another station's. */
  confirmOtherStation: z.boolean().optional(),
  /** Opens an encrypted backup (version 3); older files need none. */
  passphrase: typedPassphrase.optional(),
});

/** What a backup file holds, read from it and checked whole (first-run restore shows it before restoring). */
export interface BackupContents {
  file: string;
  placeCode: string;
  stationName: string;
  createdAt: string;
  documents: number;
  /** Live revisions by type. */
  counts: Record<string, number>;
  /** Places whose relay copies the file holds (other stations' documents held at a township or county). */
  relayPlaces: string[];
  /** Opened with its passphrase; false: an older backup, written before backups were encrypted. */
  encrypted: boolean;
}

/** First run (no station yet): a backup file in a folder; null is the default folder. */
export const firstRunFolderSchema = z.strictObject({ folder: folderSchema.nullable() });
export const firstRunFileSchema = z.strictObject({
  folder: folderSchema.nullable(),
  file: backupRestoreSchema.shape.file,
  passphrase: backupRestoreSchema.shape.passphrase,
});

/** In Electron, `window.leyeBackup`: the system folder dialog (the browser preview has none: a text field). */
export interface BackupFolderBridge {
  chooseFolder(): Promise<string | null>;
  /** The system's open-file dialog for a `.leyebak` file: its folder and name, or null. */
  chooseFile?(): Promise<{ folder: string; file: string } | null>;
}

export const backupHandlers = {
  'backup.status': handler<BackupStatus>()(none, ALL_ROLES),
  'backup.settings': handler<BackupStatus>()(backupSettingsSchema, ['admin']),
  /**
   * A manual backup now; the oldest manual ones beyond BACKUP_KEEP_MANUAL are deleted after it is
   * complete, the daily ones never. Admins only: who may start one is the station's decision.
   */
  'backup.now': handler<BackupFile & { documents: number }>()(none, ['admin']),
  /** The backup files in the folder, newest first. */
  'backup.list': handler<BackupFile[]>()(none, ALL_ROLES),
  /** Checks the whole file, then replaces the station's data with it (the replaced data is kept aside); everyone logs in again. */
  'backup.restore': handler<RestoreResult>()(backupRestoreSchema, ['admin']),
  /**
   * Sets the backup passphrase (changing it needs the current one). Backups are encrypted with it;
   * until one is set none is written. It stays on this machine, never in a backup.
   */
  'backup.passphrase': handler<BackupStatus>()(backupPassphraseSchema, ['admin']),
  // First run, a reinstalled PC: before any station (so before any account) a backup brings the
  // station back. The core refuses these once a station is set up (STATION_ALREADY_SET_UP);
  // from then on a restore is `backup.restore`, admins only.
  /** The backup files in a folder (a USB stick), newest first. */
  'backup.firstRunFiles': handler<BackupFile[]>()(firstRunFolderSchema, 'public'),
  /** Reads and checks a whole backup file and says what it holds. */
  'backup.firstRunCheck': handler<BackupContents>()(firstRunFileSchema, 'public'),
  /** Checks the file, loads it aside and makes it this machine's station; then the login screen (its accounts). */
  'backup.firstRunRestore': handler<RestoreResult>()(firstRunFileSchema, 'public'),
} as const;
