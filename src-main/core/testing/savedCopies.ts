// The saved copies of a station's kept facts as the tests read and change them: files of its
// `kept/` folder (src-main/core/store/keptFacts.ts).
import fs from 'node:fs';
import { keptFolderOf, type StationDb } from '../store/db';
import { savedFile } from '../store/keptFacts';
import { LinesReader, linesOf } from '../store/savedLines';

const fileOf = (db: StationDb, id: string) => savedFile(keptFolderOf(db)!, id);

/** The saved copy of `id` (`_local/stats-tally`…), or null while none is written. */
export function readSavedCopy<T extends object>(db: StationDb, id: string): T | null {
  try {
    const reader = new LinesReader<T>();
    for (const line of fs.readFileSync(fileOf(db, id), 'utf8').split('\n')) if (!reader.take(line)) return null;
    return reader.result();
  } catch {
    return null;
  }
}

export function writeSavedCopy(db: StationDb, id: string, copy: object): void {
  fs.writeFileSync(fileOf(db, id), [...linesOf(copy)].join(''));
}
