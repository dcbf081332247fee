// The station's own log: JSON lines in <dataDir>/logs/leye.log, rotated by size (leye.log.1 …
// leye.log.N, oldest dropped), so a support person can see what failed without a debugger.
// Personal data never goes in (DESIGN.md, PIPL): callers pass only named scalar fields (handler
// name, duration, error code, sync state), never handler arguments, and every string is
// redacted again before it is written, in case an error message quotes an ID number or a phone.
// Hand-written rather than pino + a rotating stream: redaction must happen before the line
// reaches any stream, and synchronous size rotation is a few lines.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
/** Only scalars: no objects, so no argument or document can be logged by accident. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface LogLine extends Record<string, unknown> {
  t: string;
  level: LogLevel;
  event: string;
}

export interface StationLogOptions {
  /** The folder of leye.log and its rotated files. */
  dir: string;
  /** The file's name (default leye.log; the Electron main process keeps main.log beside it). */
  name?: string;
  /** A file reaching this size is rotated before the next line (default 1 MB). */
  maxBytes?: number;
  /** Files kept in all, the current one included (default 5). */
  files?: number;
  clock?: () => Date;
}

export const LOG_FILE = 'leye.log';
/** The Electron main process's own log (core restarts), beside the core's. */
export const MAIN_LOG_FILE = 'main.log';
const DEFAULT_MAX_BYTES = 1024 * 1024;
const DEFAULT_FILES = 5;
/** A longer string is cut: a log line says what happened, it does not carry data. */
const MAX_FIELD_CHARS = 300;

// A resident ID number: 17 digits and a check character (digit or X), not inside a longer
// run of digits (letters around it do not protect it: "key110105…"); the 15-digit numbers of
// the first generation cards as well.
const ID_NUMBER = /(?<!\d)(\d{17}[\dXx]|\d{15})(?!\d)/g;
// A mainland mobile number: 11 digits starting 1[3-9], optionally +86 / 86 in front.
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g;
// A masked number as the UI shows it (3701**********123X) gives away its ends: hide those too.
const MASKED = /(?<!\d)\d{2,6}\*{4,}[\dXx]{0,4}(?!\d)/g;

/** Removes ID numbers and phone numbers from a text. */
export function redact(text: string): string {
  return text.replace(ID_NUMBER, '[id]').replace(MOBILE, '[phone]').replace(MASKED, '[masked]');
}

function clean(value: string | number | boolean | null): string | number | boolean | null {
  if (typeof value !== 'string') return typeof value === 'number' && !Number.isFinite(value) ? null : value;
  // Replace control characters (a line break would forge a second log line), then cut.
  // eslint-disable-next-line no-control-regex
  const flat = value.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return redact(flat.length > MAX_FIELD_CHARS ? `${flat.slice(0, MAX_FIELD_CHARS)}…` : flat);
}

export class StationLog {
  readonly dir: string;
  readonly file: string;
  private readonly maxBytes: number;
  private readonly files: number;
  private readonly clock: () => Date;
  private size = -1;
  /** After a failed write (disk full, read-only folder) the log stays quiet instead of failing callers. */
  private broken = false;

  constructor(options: StationLogOptions) {
    this.dir = options.dir;
    this.file = path.join(options.dir, options.name ?? LOG_FILE);
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.files = Math.max(1, options.files ?? DEFAULT_FILES);
    this.clock = options.clock ?? (() => new Date());
  }

  info(event: string, fields: LogFields = {}): void {
    this.write('info', event, fields);
  }

  warn(event: string, fields: LogFields = {}): void {
    this.write('warn', event, fields);
  }

  error(event: string, fields: LogFields = {}): void {
    this.write('error', event, fields);
  }

  /** Writes one line; never throws (a log that cannot be written must not fail the call it describes). */
  write(level: LogLevel, event: string, fields: LogFields = {}): void {
    if (this.broken) return;
    const line: LogLine = { t: this.clock().toISOString(), level, event: String(clean(event)) };
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined || key === 't' || key === 'level' || key === 'event') continue;
      line[String(clean(key))] = clean(value);
    }
    const text = `${JSON.stringify(line)}\n`;
    try {
      if (this.size < 0) {
        mkdirSync(this.dir, { recursive: true });
        this.size = existsSync(this.file) ? statSync(this.file).size : 0;
      }
      const bytes = Buffer.byteLength(text);
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      appendFileSync(this.file, text, { mode: 0o600 });
      this.size += bytes;
    } catch {
      this.broken = true;
    }
  }

  /** leye.log → leye.log.1 → … → leye.log.<files-1>; the oldest is dropped. */
  private rotate(): void {
    const numbered = (n: number) => `${this.file}.${n}`;
    rmSync(numbered(this.files - 1), { force: true });
    for (let n = this.files - 2; n >= 1; n--) if (existsSync(numbered(n))) renameSync(numbered(n), numbered(n + 1));
    if (this.files > 1) renameSync(this.file, numbered(1));
    else rmSync(this.file, { force: true });
    this.size = 0;
  }

  /** The log files, newest first (leye.log, leye.log.1, …). */
  logFiles(): string[] {
    const all = [this.file];
    for (let n = 1; n < this.files; n++) all.push(`${this.file}.${n}`);
    return all.filter((f) => existsSync(f));
  }

  /**
   * The latest lines, oldest first, up to `maxBytes` of text, each redacted once more on the way
   * out (a file written by an older version, or edited by hand, is not trusted).
   */
  recent(maxBytes = 2 * 1024 * 1024): string[] {
    const lines: string[] = [];
    let total = 0;
    for (const file of this.logFiles()) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      const fileLines = text.split('\n').filter((l) => l.trim() !== '');
      for (let i = fileLines.length - 1; i >= 0; i--) {
        const line = redact(fileLines[i]!);
        total += line.length + 1;
        if (total > maxBytes) return lines.reverse();
        lines.push(line);
      }
    }
    return lines.reverse();
  }
}
