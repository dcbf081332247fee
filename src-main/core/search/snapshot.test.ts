import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResidentDoc } from '../store/docs';
import { residentDoc } from '../testing/fixtures';
import { ResidentIndex } from './residentIndex';
import { readSnapshot, writeSnapshot } from './snapshot';

const NAMES = ['张伟', '王芳', '李娜', '欧阳明', '阿依古丽·买买提'];

function resident(i: number, rev = 1, name = NAMES[i % NAMES.length]!): ResidentDoc {
  return residentDoc({
    _id: `resident:${i.toString(32).padStart(26, '0')}`,
    _rev: `${rev}-abc`,
    idNumber: `37010219900101${String(i % 1000).padStart(3, '0')}X`,
    name,
    sex: i % 2 ? 'male' : 'female',
    phone: `138${String(i).padStart(8, '0')}`,
    address: `历城区某村${i}号 "引号" \\ 反斜杠`,
    skills: '电焊',
    targetGroups: ['keyCare'],
    careCategories: ['women'],
  });
}

const dirs: string[] = [];
function snapshotFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-snapshot-'));
  dirs.push(dir);
  return path.join(dir, 'search-index.json');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('search index snapshot', () => {
  it('reads back every column as written, across the slices it is written in', async () => {
    const index = new ResidentIndex();
    // More residents than one slice, so slices join inside every column.
    for (let i = 0; i < 4_321; i++) index.upsert(resident(i));
    index.remove(resident(7)._id);
    const file = snapshotFile();
    const columns = index.columns();
    await writeSnapshot(file, { seq: '4321-g1AAAA', columns });

    const read = await readSnapshot(file);
    expect(read?.seq).toBe('4321-g1AAAA');
    expect(read?.columns).toEqual(columns);
    expect(read?.columns.id).toHaveLength(4_320);
    expect(read?.columns.id).not.toContain(resident(7)._id);
    // A station restarted from it finds what it found before.
    const restarted = new ResidentIndex();
    restarted.load(read!.columns);
    expect(restarted.summary(resident(4_000)._id)).toEqual(index.summary(resident(4_000)._id));
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
  });

  it('holds the index as it was when the save began, though residents change while it is written', async () => {
    const index = new ResidentIndex();
    for (let i = 0; i < 10_000; i++) index.upsert(resident(i));
    const file = snapshotFile();
    const saving = writeSnapshot(file, { seq: 10_000, columns: index.columns() });
    // Registrations and edits keep coming while the file is written (the core answers them).
    let changes = 0;
    const change = () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          index.upsert(resident(9_999 - changes, 2, '改名'));
          changes += 1;
          resolve();
        }),
      );
    let done = false;
    void saving.then(() => (done = true));
    while (!done && changes < 500) await change();
    await saving;

    // The save gave way to the changes, and none of them reached the file.
    expect(changes).toBeGreaterThan(2);
    const read = await readSnapshot(file);
    expect(read?.seq).toBe(10_000);
    expect(read?.columns.name).not.toContain('改名');
    expect(read?.columns.rev.every((rev) => rev === 1)).toBe(true);
  });

  it('is not trusted when cut short', async () => {
    const index = new ResidentIndex();
    for (let i = 0; i < 3_000; i++) index.upsert(resident(i));
    const file = snapshotFile();
    await writeSnapshot(file, { seq: 1, columns: index.columns() });
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await readSnapshot(file)).toBeNull();
  });

  it('is written a line per slice of a column, so loading never holds the whole file at once', async () => {
    const index = new ResidentIndex();
    for (let i = 0; i < 10_000; i++) index.upsert(resident(i));
    const file = snapshotFile();
    await writeSnapshot(file, { seq: 3, columns: index.columns() });
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    // 10,000 residents: every column in 5 slices, a header and a closing line.
    expect(lines.length).toBeGreaterThan(5 * 18);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(400_000);
    const read = await readSnapshot(file);
    expect(read?.columns).toEqual(index.columns());
  });

  it('still reads a snapshot saved before issue 18 (one JSON object, with the masked phone column)', async () => {
    const index = new ResidentIndex();
    for (let i = 0; i < 50; i++) index.upsert(resident(i));
    const columns = index.columns();
    const file = snapshotFile();
    const old = { ...columns, phoneMasked: columns.phone.map((p) => `${p.slice(0, 3)}****${p.slice(-4)}`) };
    fs.writeFileSync(file, JSON.stringify({ version: 5, seq: 50, columns: old }));
    const read = await readSnapshot(file);
    expect(read?.seq).toBe(50);
    expect(read?.columns).toEqual(columns);
    const restarted = new ResidentIndex();
    restarted.load(read!.columns);
    expect(restarted.search({ query: '', sort: 'name', order: 'asc', offset: 0, limit: 5 }, '2026-06-01')).toEqual(
      index.search({ query: '', sort: 'name', order: 'asc', offset: 0, limit: 5 }, '2026-06-01'),
    );
  });

  it('reads a version 7 snapshot (updated-at as texts) as the current one, and rebuilds from an unknown version', async () => {
    const index = new ResidentIndex();
    for (let i = 0; i < 50; i++) index.upsert({ ...resident(i), updatedAt: new Date(Date.UTC(2026, 0, 2) + i * 3_600_000).toISOString() });
    const columns = index.columns();
    // Version 8 saves updated-at as milliseconds.
    expect(columns.updatedAt.every((t) => typeof t === 'number')).toBe(true);
    const texts = columns.updatedAt.map((t) => new Date(t).toISOString());
    const lines = (version: number) =>
      [{ version, seq: 50, names: Object.keys(columns) }, ...Object.entries({ ...columns, updatedAt: texts }).map(([column, values]) => ({ column, values })), { end: 50 }]
        .map((line) => JSON.stringify(line))
        .join('\n');
    const file = snapshotFile();
    fs.writeFileSync(file, lines(7));
    const read = await readSnapshot(file);
    expect(read?.columns.updatedAt).toEqual(texts);
    const restarted = new ResidentIndex();
    restarted.load(read!.columns);
    expect(restarted.columns()).toEqual(columns);
    const newest = { query: '', sort: 'updatedAt', order: 'desc', offset: 0, limit: 50 } as const;
    expect(restarted.search(newest, '2026-06-01')).toEqual(index.search(newest, '2026-06-01'));
    expect(restarted.search(newest, '2026-06-01').items[0]?.updatedAt).toBe(texts[49]);
    fs.writeFileSync(file, lines(9));
    expect(await readSnapshot(file)).toBeNull();
  });
});
