// Restoring a backup: the file checked and loaded into a database aside (staging), then swapped in for the station's data.
import fs from 'node:fs';
import path from 'node:path';
import { LeyeError } from '../../../shared/rpc/errors';
import { getOrNull, KEPT_FOLDER, openLocalDb, type StationDb } from '../store/db';
import type { SecretBox } from '../sync/secretBox';
import { fieldError } from '../validation';
import { fileStamp, syncFolder } from './files';
import { raw, readBackupFile, refuse, type LocalDoc, type RevisedDoc } from './format';
import { BACKUP_PASSPHRASE_DOC, passphraseDoc } from './passphrase';

export interface StagedRestore {
  /** `<data folder>/restoring-<time>`: `station/` and, from a version 2 file, `relay/<place>/`. */
  folder: string;
  documents: number;
  file: string;
  /** The file carried the relay copies: they replace the current ones (a version 1 file leaves them). */
  relays: boolean;
  /** The file was encrypted (version 3); an older one was not. */
  encrypted: boolean;
}

/**
 * Checks and loads `file` in `folder` (opened with `passphrase` when it is encrypted); `placeCode`:
 * the station the file must be from unless confirmed (null: any station, as at first run, when
 * there is no station yet). `db` is the station's current database (its `_local/machine` stays),
 * `dataDir` where the staged folder goes. The whole file is read and checked before anything is
 * loaded: a wrong passphrase or a changed byte leaves no trace.
 */
export async function stageBackup(
  at: { dataDir: string; db: StationDb; clock(): Date; secretBox: SecretBox | null },
  folderOfFile: string,
  args: { file: string; passphrase?: string },
  placeCode: string | null,
): Promise<StagedRestore> {
  const fileName = args.file;
  const file = path.join(folderOfFile, fileName);
  if (path.dirname(file) !== path.resolve(folderOfFile) || !fs.existsSync(file)) refuse('fileNotFound');
  const checked = await readBackupFile(file, args.passphrase);
  if (placeCode !== null && checked.header.placeCode !== placeCode) {
    throw new LeyeError(fieldError('confirmOtherStation', 'errors.backup.otherStation', { place: checked.header.placeCode, name: checked.header.stationName }));
  }
  const machine = await getOrNull<LocalDoc>(at.db, '_local/machine');
  // The restored station backs up with the passphrase that opened the file; an older (plain)
  // file keeps this machine's. Never one the file brings along.
  const passphrase = checked.encrypted ? await passphraseDoc(at.secretBox, args.passphrase!, at.clock().toISOString()) : await getOrNull<LocalDoc>(at.db, BACKUP_PASSPHRASE_DOC);
  const folder = path.join(at.dataDir, `restoring-${fileStamp(at.clock())}`);
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
    await readBackupFile(file, args.passphrase, async (docs, page, relays) => {
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
    if (passphrase) locals.set(BACKUP_PASSPHRASE_DOC, passphrase as LocalDoc);
    else locals.delete(BACKUP_PASSPHRASE_DOC);
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
    return { folder, documents: checked.trailer.documents, file: fileName, relays: checked.hasRelays, encrypted: checked.encrypted };
  } catch (error) {
    await staged.close().catch(() => undefined);
    for (const db of stagedRelays.values()) await db.close().catch(() => undefined);
    await fs.promises.rm(folder, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The restore's second half, with the core closed: the current `station/` (and its search
 * snapshot and saved copies, and its relay copies when the backup has them) move to `replaced-<time>/`, the staged
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
    if (fs.existsSync(path.join(dataDir, KEPT_FOLDER))) await move(path.join(dataDir, KEPT_FOLDER), path.join(replaced, KEPT_FOLDER));
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
