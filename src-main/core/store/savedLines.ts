// A saved copy of kept facts as a file of JSON lines (issue 18): a head line (the copy's other
// fields and the names of its lists), each list a slice at a time, and a closing line with the
// lists' lengths. Written a slice at a time and read a line at a time, a copy is never one JSON
// text in memory: the work list's copy of a 300,000-resident station is 100 MB of JSON, read
// whole as 200 MB of two-byte text beside its parsed lists, which took the host past 1 GB while
// it opened (and as much again each time it was saved).
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/**
 * Entries per line. A copy is written while the station answers calls, a line between two of their
 * reads: at 2,000 entries a line, a line took 3–4.5 ms to make at 100,000 residents (the work list's
 * people), and the services bench's timeline p95 went from ~5 to 10 ms at 100,000 and to 51 ms at
 * 300,000. 250 is under a millisecond a line. Any size reads back (the reader takes what a line
 * holds), so copies saved with the earlier size still read.
 */
const SLICE = 250;
/** The head line's mark: a file without it is a whole JSON object, as versions before the lines wrote it. */
const LINES = 1;

type Line = { lines?: unknown; head?: unknown; lists?: unknown; list?: unknown; values?: unknown; end?: unknown };

/** Puts a copy together from its lines, one at a time. */
export class LinesReader<T extends object> {
  private head: Record<string, unknown> | null = null;
  private lists = new Map<string, unknown[]>();
  private whole: T | null = null;
  private ended = false;
  private failed = false;

  /** Takes one line; false once the file cannot be trusted. */
  take(text: string): boolean {
    if (text === '') return !this.failed;
    if (this.failed || this.ended || this.whole) return !(this.failed = true);
    const line = JSON.parse(text) as Line;
    if (this.head === null) {
      if (line.lines !== LINES) {
        // An earlier version's copy: one JSON object, the whole of it.
        this.whole = line as T;
        return true;
      }
      if (typeof line.head !== 'object' || line.head === null || !Array.isArray(line.lists)) return !(this.failed = true);
      this.head = line.head as Record<string, unknown>;
      for (const name of line.lists) this.lists.set(String(name), []);
    } else if (typeof line.list === 'string' && Array.isArray(line.values)) {
      const list = this.lists.get(line.list);
      if (!list) return !(this.failed = true);
      for (const value of line.values) list.push(value);
    } else if (typeof line.end === 'object' && line.end !== null) {
      const lengths = line.end as Record<string, unknown>;
      this.ended = [...this.lists].every(([name, list]) => lengths[name] === list.length);
      if (!this.ended) this.failed = true;
    } else this.failed = true;
    return !this.failed;
  }

  /** The copy, or null when it was cut short or malformed. */
  result(): T | null {
    if (this.failed) return null;
    if (this.whole) return this.whole;
    if (!this.head || !this.ended) return null;
    return { ...this.head, ...Object.fromEntries(this.lists) } as T;
  }
}

/** The lines of a file, read a megabyte at a time (readline took a quarter longer here); the search index's snapshot is read with it too. */
export async function* fileLines(file: string, step?: () => Promise<void>): AsyncGenerator<string> {
  const stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
  try {
    // The start of a line not ended yet, in the chunks it spans (joined once: an earlier version's copy is one line of 100 MB).
    let pending: Buffer[] = [];
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      await step?.();
      let start = 0;
      let end = chunk.indexOf(10);
      if (end < 0) {
        pending.push(chunk);
        continue;
      }
      if (pending.length > 0) {
        pending.push(chunk.subarray(0, end));
        yield Buffer.concat(pending).toString('utf8');
        pending = [];
        start = end + 1;
        end = chunk.indexOf(10, start);
      }
      for (; end >= 0; end = chunk.indexOf(10, start)) {
        yield chunk.toString('utf8', start, end);
        start = end + 1;
      }
      if (start < chunk.length) pending.push(chunk.subarray(start));
    }
    if (pending.length > 0) yield Buffer.concat(pending).toString('utf8');
  } finally {
    stream.destroy();
  }
}

/** A saved copy's file read a line at a time (`step` before each megabyte's lines); null when there is none or it cannot be trusted. */
export async function readLines<T extends object>(file: string, step?: () => Promise<void>): Promise<T | null> {
  try {
    await fs.promises.access(file);
    const reader = new LinesReader<T>();
    for await (const text of fileLines(file, step)) if (!reader.take(text)) return null;
    return reader.result();
  } catch {
    return null;
  }
}

/** A copy's lines, each list a slice at a time (made as they are asked for). */
export function* linesOf(copy: object): Generator<string> {
  const head: Record<string, unknown> = {};
  const lists: [string, unknown[]][] = [];
  for (const [name, value] of Object.entries(copy)) {
    if (Array.isArray(value)) lists.push([name, value]);
    else head[name] = value;
  }
  yield `${JSON.stringify({ lines: LINES, head, lists: lists.map(([name]) => name) })}\n`;
  for (const [name, values] of lists) {
    for (let i = 0; i < values.length; i += SLICE) yield `${JSON.stringify({ list: name, values: values.slice(i, i + SLICE) })}\n`;
  }
  yield `${JSON.stringify({ end: Object.fromEntries(lists.map(([name, values]) => [name, values.length])) })}\n`;
}

/** Writes a copy as lines to an open file, a slice at a time (a turn of the event loop each). */
export async function writeLines(handle: FileHandle, copy: object, between: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  // Each line is made as it is asked for: `between` (the calls' turn, store/foreground.ts) comes before the next is made.
  for (const line of linesOf(copy)) {
    await handle.write(line);
    await between();
  }
}
