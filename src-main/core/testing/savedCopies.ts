// The saved copies of a station's kept facts as the tests read and change them: files of its
// `kept/` folder (src-main/core/store/keptFacts.ts).
import fs from 'node:fs';
import { keptFolderOf, type StationDb } from '../store/db';
import { savedFile } from '../store/keptFacts';

const fileOf = (db: StationDb, id: string) => savedFile(keptFolderOf(db)!, id);

/** The saved copy of `id` (`_local/stats-tally`…), or null while none is written. */
export function readSavedCopy<T>(db: StationDb, id: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(fileOf(db, id), 'utf8')) as T;
  } catch {
    return null;
  }
}

export function writeSavedCopy(db: StationDb, id: string, copy: object): void {
  fs.writeFileSync(fileOf(db, id), JSON.stringify(copy));
}
