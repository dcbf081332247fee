// Saved copies as JSON lines (issue 18): what is written comes back whole, a slice of each list a
// line; a file cut short or miscounted is not trusted; an earlier version's whole JSON still reads.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/fixtures';
import { writeWhole } from './keptFacts';
import { readLines, writeLines } from './savedLines';

const copy = {
  _id: '_local/worklist-facts',
  format: 6,
  seq: 4711,
  // Over a megabyte, so lines (and an earlier version's one line) span the reads.
  residents: Array.from({ length: 30_000 }, (_, n) => ({ id: `resident:${n}`, name: `居民${n}`, closed: n % 7 === 0, birthDate: null })),
  people: Array.from({ length: 2_001 }, (_, n) => [`resident:${n}`, '370102001002', '2026-10-20', n % 9 ? null : [{ id: `service:${n}`, kind: 'jobReferral' }], null, null, null]),
  unsure: [],
};

async function written(value: object): Promise<string> {
  const file = path.join(tempDir(), 'kept', 'facts.json');
  await writeWhole(file, (handle) => writeLines(handle, value));
  return file;
}

describe('saved copies as JSON lines', () => {
  it('come back as they were written, each list a slice at a time', async () => {
    const file = await written(copy);
    expect(await readLines(file)).toEqual(copy);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    // The head, 120 + 9 slices of 250 of the two lists, none of the empty one, the lengths.
    expect(fs.statSync(file).size).toBeGreaterThan(2 * 1024 * 1024);
    expect(lines).toHaveLength(131);
    expect(JSON.parse(lines.at(-1)!)).toEqual({ end: { residents: 30_000, people: 2_001, unsure: 0 } });
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(fs.statSync(file).size / 2);
  });

  it('are not trusted cut short, miscounted, or with a line of something else', async () => {
    const file = await written(copy);
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    const variant = async (text: string) => (fs.writeFileSync(file, text), readLines(file));
    expect(await variant(`${lines.slice(0, -1).join('\n')}\n`)).toBeNull();
    expect(await variant(`${lines.slice(0, 3).join('\n')}\n${lines.at(-1)!}\n`)).toBeNull();
    expect(await variant(`${lines.join('\n')}\n${lines[1]!}\n`)).toBeNull();
    expect(await variant(`${lines[0]!}\n{"list":"elsewhere","values":[1]}\n${lines.slice(1).join('\n')}\n`)).toBeNull();
    expect(await variant(`${lines.join('\n').slice(0, -5)}`)).toBeNull();
    expect(await readLines(path.join(path.dirname(file), 'none.json'))).toBeNull();
  });

  it('read an earlier version’s copy, one JSON object, as it is', async () => {
    const file = await written({});
    fs.writeFileSync(file, JSON.stringify(copy));
    expect(await readLines(file)).toEqual(copy);
  });
});
