// PouchDB's LevelDB adapter reads about 5,000-10,000 documents a second, so rebuilding the
// search index from the database would keep a 100,000-resident station closed for 10-20 s. The
// index is therefore saved now and then as a snapshot (a cache, never the truth) with the update
// sequence it reflects; at start the core loads it and replays only the changes since.
import fs from 'node:fs';
import path from 'node:path';
import { isIndexColumns, type IndexColumns } from './residentIndex';

// Bump when the columns or the pinyin keys change: an older snapshot is then rebuilt.
const VERSION = 5;

export interface Snapshot {
  seq: number | string;
  columns: IndexColumns;
}

/** The snapshot, or null when there is none or it cannot be trusted (then the core rebuilds). */
export async function readSnapshot(file: string): Promise<Snapshot | null> {
  try {
    const parsed = JSON.parse((await fs.promises.readFile(file)).toString('utf8')) as { version?: number; seq?: number | string; columns?: unknown };
    if (parsed.version !== VERSION || (typeof parsed.seq !== 'number' && typeof parsed.seq !== 'string') || !isIndexColumns(parsed.columns)) {
      return null;
    }
    return { seq: parsed.seq, columns: parsed.columns };
  } catch {
    return null;
  }
}

// Entries per JSON.stringify call while writing: a few milliseconds of work at a time.
const CHUNK = 2_000;

/**
 * Written to a temporary file, synced and renamed: a crash leaves the old snapshot or the new.
 * Written a slice of a column at a time, letting calls in between: at 300,000 residents the
 * snapshot is about 90 MB of JSON, and one JSON.stringify of it held the core for seconds.
 * The columns must therefore not change while this runs (ResidentIndex.columns() gives copies).
 */
export async function writeSnapshot(file: string, snapshot: Snapshot): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await fs.promises.open(temp, 'w', 0o600);
  try {
    await handle.write(`{"version":${VERSION},"seq":${JSON.stringify(snapshot.seq)},"columns":{`);
    let first = true;
    for (const [name, values] of Object.entries(snapshot.columns) as [string, unknown[]][]) {
      let part = `${first ? '' : ','}${JSON.stringify(name)}:[`;
      first = false;
      for (let i = 0; i < values.length; i += CHUNK) {
        part += (i > 0 ? ',' : '') + JSON.stringify(values.slice(i, i + CHUNK)).slice(1, -1);
        // Each write is a turn of the event loop: calls waiting since the last slice run now.
        await handle.write(part);
        part = '';
      }
      await handle.write(`${part}]`);
    }
    await handle.write('}}');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temp, file);
  const dir = await fs.promises.open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
