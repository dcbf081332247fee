// Backup files on disk: their names (station and local time) and durable writes (fsync of files and folders).
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_FILE_NAME, BACKUP_MANUAL_MARK } from '../../../shared/backup/contract';

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** `YYYYMMDD-HHmmss` in local time, as in the file name (a clerk reads it). */
export function fileStamp(date: Date): string {
  return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/** The time in a backup's name, or null for a name the core did not write. */
export function parseBackupName(name: string): { placeCode: string; createdAt: string; manual: boolean } | null {
  const m = BACKUP_FILE_NAME.exec(name);
  if (!m) return null;
  const s = m[2]!;
  const date = new Date(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)), Number(s.slice(9, 11)), Number(s.slice(11, 13)), Number(s.slice(13, 15)));
  if (Number.isNaN(date.getTime())) return null;
  return { placeCode: m[1]!, createdAt: date.toISOString(), manual: m[3] !== undefined };
}

/** A new backup's name in `folder` (a number added when that second already has one). */
export function backupName(folder: string, placeCode: string, now: Date, manual: boolean, exists: (file: string) => boolean): string {
  const mark = manual ? `-${BACKUP_MANUAL_MARK}` : '';
  const base = `乐业驿站备份-${placeCode}-${fileStamp(now)}${mark}`;
  let name = `${base}.leyebak`;
  for (let n = 2; exists(path.join(folder, name)); n++) name = `${base}-${n}.leyebak`;
  return name;
}

export async function syncFile(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable where the system allows syncing a folder (not on Windows). */
export async function syncFolder(folder: string): Promise<void> {
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
