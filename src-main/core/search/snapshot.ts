// PouchDB's LevelDB adapter reads about 5,000-10,000 documents a second, so rebuilding the
// search index from the database would keep a 100,000-resident station closed for 10-20 s. The
// index is therefore saved now and then as a snapshot (a cache, never the truth) with the update
// sequence it reflects; at start the core loads it and replays only the changes since.
//
// The file is one JSON line per slice of a column (issue 18): read a line at a time, loading
// never holds the whole file as one buffer and one string (at 100,000 residents 30 MB of bytes
// and 60 MB of text, garbage the host kept in its RSS until a full collection came).
import fs from 'node:fs';
import path from 'node:path';
import { fileLines } from '../store/savedLines';
import { isIndexColumns, type IndexColumns } from './residentIndex';

// Bump when the columns or the pinyin keys change: an older snapshot is then rebuilt.
const VERSION = 8;
/** Line-format versions read as the current one: 7 kept updated-at as texts (IndexStore reads both). */
const COMPATIBLE = new Set([7, VERSION]);
/**
 * Older snapshots still read: 6 is the same columns as one JSON object, 5 had one more column
 * (the masked phone, now masked when shown), dropped.
 */
const LEGACY: Record<number, string[]> = { 5: ['phoneMasked'], 6: [] };

export interface Snapshot {
  seq: number | string;
  columns: IndexColumns;
}

type Line = { version?: number; seq?: number | string; columns?: unknown; names?: unknown; column?: string; values?: unknown[]; end?: number };

/** A version 5 or 6 snapshot (one JSON object on one line), read once after an update. */
function legacy(parsed: Line): Snapshot | null {
  const dropped = LEGACY[parsed.version ?? 0];
  if (!dropped || typeof parsed.columns !== 'object' || parsed.columns === null) return null;
  for (const name of dropped) delete (parsed.columns as Record<string, unknown>)[name];
  if ((typeof parsed.seq !== 'number' && typeof parsed.seq !== 'string') || !isIndexColumns(parsed.columns)) return null;
  return { seq: parsed.seq, columns: parsed.columns };
}

/** The snapshot, or null when there is none or it cannot be trusted (then the core rebuilds). */
export async function readSnapshot(file: string): Promise<Snapshot | null> {
  try {
    await fs.promises.access(file);
    let seq: number | string | null = null;
    const columns: Record<string, unknown[]> = {};
    let ended = false;
    for await (const text of fileLines(file)) {
      const line = JSON.parse(text) as Line;
      if (seq === null) {
        if (!COMPATIBLE.has(line.version ?? 0)) return legacy(line);
        if ((typeof line.seq !== 'number' && typeof line.seq !== 'string') || !Array.isArray(line.names)) return null;
        seq = line.seq;
        for (const name of line.names) columns[String(name)] = [];
      } else if (typeof line.column === 'string' && Array.isArray(line.values)) {
        const column = columns[line.column];
        if (!column) return null;
        for (const value of line.values) column.push(value);
      } else if (typeof line.end === 'number') {
        ended = (columns.id?.length ?? 0) === line.end;
      } else return null;
    }
    // A file cut short (no closing line) is not trusted.
    if (seq === null || !ended || !isIndexColumns(columns)) return null;
    return { seq, columns };
  } catch {
    return null;
  }
}

// Entries per line: a few milliseconds of work at a time.
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
    await handle.write(`${JSON.stringify({ version: VERSION, seq: snapshot.seq, names: Object.keys(snapshot.columns) })}\n`);
    for (const [name, values] of Object.entries(snapshot.columns) as [string, unknown[]][]) {
      for (let i = 0; i < values.length; i += CHUNK) {
        // Each write is a turn of the event loop: calls waiting since the last slice run now.
        await handle.write(`${JSON.stringify({ column: name, values: values.slice(i, i + CHUNK) })}\n`);
      }
    }
    await handle.write(`${JSON.stringify({ end: snapshot.columns.id.length })}\n`);
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
