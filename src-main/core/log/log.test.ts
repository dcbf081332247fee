// The station log: ID numbers and phone numbers never reach the file, whatever a caller passes;
// lines cannot be forged with line breaks; files rotate by size and the oldest is dropped.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOG_FILE, StationLog, redact } from './log';
import { idNumber, tempDir } from '../testing/fixtures';

const ID = idNumber('19900520'); // 370102199005201234-style, valid check character
const ID_X = '11010519491231002X';
const PHONE = '13812345678';

function fileText(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(path.join(dir, f), 'utf8'))
    .join('');
}

describe('redaction', () => {
  it('removes 18- and 15-digit ID numbers, mobile numbers and masked numbers, and keeps the rest', () => {
    const text = `ID ${ID}, ${ID_X.toLowerCase()} old 370102900520123 tel ${PHONE} +86 13912345678 masked 3701**********123X seq 1234 took 15 ms`;
    const out = redact(text);
    expect(out).not.toContain(ID);
    expect(out.toUpperCase()).not.toContain(ID_X);
    expect(out).not.toContain('370102900520123');
    expect(out).not.toContain(PHONE);
    expect(out).not.toContain('13912345678');
    expect(out).not.toContain('3701**********123X');
    expect(out).toContain('seq 1234 took 15 ms');
    expect(out).toBe('ID [id], [id] old [id] tel [phone] [phone] masked [masked] seq 1234 took 15 ms');
  });

  it('leaves resident ids (keyed hashes) and ISO times alone', () => {
    const text = 'resident:abcdefghijklmnopqrstuvwxyz 2026-11-22T10:00:00.000Z update_seq 123456789012';
    expect(redact(text)).toBe(text);
  });
});

describe('the station log', () => {
  it('never writes an ID number or a phone number to the file, in values or in keys', () => {
    const dir = tempDir();
    const log = new StationLog({ dir });
    log.error('handler.failed', { handler: 'residents.register', message: `duplicate ${ID} phone ${PHONE}`, [`key${ID_X}`]: 1 });
    log.warn(`event ${PHONE}`, { note: `x${ID_X}y` });
    const text = fileText(dir);
    expect(text).not.toContain(ID);
    expect(text).not.toContain(ID_X);
    expect(text).not.toContain(PHONE);
    // The lines are there, redacted.
    const lines = text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 'error', event: 'handler.failed', handler: 'residents.register', message: 'duplicate [id] phone [phone]' });
  });

  it('keeps one event on one line: a line break in a value cannot forge another line', () => {
    const dir = tempDir();
    const log = new StationLog({ dir });
    log.info('x', { note: 'a\n{"level":"error","event":"forged"}' });
    const lines = readFileSync(path.join(dir, LOG_FILE), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
  });

  it('rotates by size: leye.log, leye.log.1 … leye.log.4, the oldest dropped, none over the limit', () => {
    const dir = tempDir();
    const maxBytes = 2000;
    const log = new StationLog({ dir, maxBytes, files: 5 });
    for (let i = 0; i < 400; i++) log.info('tick', { i, pad: 'x'.repeat(40) });
    const files = readdirSync(dir).sort();
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`, `${LOG_FILE}.3`, `${LOG_FILE}.4`]);
    for (const f of files) expect(readFileSync(path.join(dir, f)).length).toBeLessThanOrEqual(maxBytes);
    // Newest in leye.log, older ones in .1 … .4; the first lines are gone.
    const numbers = (f: string) => readFileSync(path.join(dir, f), 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { i: number }).i);
    expect(numbers(LOG_FILE).at(-1)).toBe(399);
    expect(Math.max(...numbers(`${LOG_FILE}.1`))).toBe(numbers(LOG_FILE)[0]! - 1);
    expect(Math.min(...numbers(`${LOG_FILE}.4`))).toBeGreaterThan(0);
    // recent() reads across the files in order.
    const recent = log.recent().map((l) => (JSON.parse(l) as { i: number }).i);
    expect(recent.at(-1)).toBe(399);
    expect(recent).toEqual([...recent].sort((a, b) => a - b));
    expect(recent.length).toBeGreaterThan(numbers(LOG_FILE).length);
  });

  it('continues an existing file after a restart and rotates it when full', () => {
    const dir = tempDir();
    new StationLog({ dir, maxBytes: 500 }).info('first', { pad: 'x'.repeat(300) });
    const again = new StationLog({ dir, maxBytes: 500 });
    again.info('second', { pad: 'x'.repeat(300) });
    expect(readFileSync(path.join(dir, `${LOG_FILE}.1`), 'utf8')).toContain('"first"');
    expect(readFileSync(path.join(dir, LOG_FILE), 'utf8')).toContain('"second"');
  });

  it('redacts again when reading back (a file from an older version is not trusted)', () => {
    const dir = tempDir();
    const log = new StationLog({ dir });
    log.info('start');
    writeFileSync(path.join(dir, `${LOG_FILE}.1`), `{"event":"old","note":"${ID} ${PHONE}"}\n`);
    const text = log.recent().join('\n');
    expect(text).toContain('"old"');
    expect(text).not.toContain(ID);
    expect(text).not.toContain(PHONE);
  });

  it('never fails its caller when the folder cannot be written', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const log = new StationLog({ dir: path.join(blocker, 'logs') });
    expect(() => log.error('x', { a: 1 })).not.toThrow();
  });
});
