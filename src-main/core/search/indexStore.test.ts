import { describe, expect, it } from 'vitest';
import type { ResidentDoc } from '../store/docs';
import { residentDoc } from '../testing/fixtures';
import { IndexStore, PackedTexts, Utf8Texts, isoMs } from './indexStore';
import { ResidentIndex } from './residentIndex';

function resident(i: number, updatedAt: string): ResidentDoc {
  return residentDoc({
    _id: `resident:${String(i).padStart(26, '0')}`,
    _rev: `${1 + (i % 3)}-abc`,
    updatedAt,
    idNumber: `37010219900101${String(i % 1000).padStart(3, '0')}X`,
    sex: i % 2 ? 'male' : 'female',
    householdType: i % 2 ? 'agricultural' : 'nonAgricultural',
    targetGroups: i % 2 ? ['keyCare', 'veteran'] : [],
    careCategories: i % 3 ? ['elderly'] : [],
    registration: { kind: 'jobSeeking', date: '2025-01-01', jobIntention: '', trainingIntention: '', serviceNeeds: '' },
  });
}

const page = (index: ResidentIndex, order: 'asc' | 'desc' = 'asc') =>
  index.search({ query: '', sort: 'updatedAt', order, offset: 0, limit: 5000 }, '2026-06-01').items;

describe('the index store (issue 18: typed columns)', () => {
  it('keeps updated-at texts exactly, canonical or not, and sorts them as texts', () => {
    const times = ['2026-03-01T08:00:00.000Z', '2026-03-01T08:00:00Z', '2026-02-30T00:00:00.000Z', '', 'later', '2026-03-01T07:59:59.999Z', '+012026-01-01T00:00:00.000Z'];
    const index = new ResidentIndex();
    times.forEach((t, i) => index.upsert(resident(i, t)));
    const shown = page(index).map((r) => r.updatedAt);
    expect(shown).toEqual([...times].sort());
    expect(page(index, 'desc').map((r) => r.updatedAt)).toEqual([...times].sort().reverse());
    const columns = index.columns();
    // Saved as milliseconds where the text is canonical, as the text otherwise.
    expect(columns.updatedAt.filter((t) => typeof t === 'number')).toHaveLength(2);
    expect(columns.updatedAt.map((t) => (typeof t === 'number' ? new Date(t).toISOString() : t)).sort()).toEqual([...times].sort());
    const restarted = new ResidentIndex();
    restarted.load(JSON.parse(JSON.stringify(columns)));
    expect(page(restarted)).toEqual(page(index));
  });

  it('grows past its first capacity and saves and loads every column as upserted', () => {
    const index = new ResidentIndex();
    for (let i = 0; i < 3000; i++) index.upsert(resident(i, new Date(Date.UTC(2026, 0, 1) + i * 61_000).toISOString()));
    index.remove(resident(5, '')._id);
    const columns = index.columns();
    expect(columns.id).toHaveLength(2999);
    expect(columns.rev.slice(0, 3)).toEqual([1, 2, 3]);
    expect(columns.groups[1]).not.toBe(0);
    const restarted = new ResidentIndex();
    restarted.load(JSON.parse(JSON.stringify(columns)));
    expect(restarted.columns()).toEqual(columns);
    expect(page(restarted)).toEqual(page(index));
    expect(page(restarted)).toHaveLength(2999);
  });

  it('holds small numbers in typed arrays and updated-at as milliseconds', () => {
    const store = IndexStore.from({ ...new ResidentIndex().columns() });
    expect(store.rev).toBeInstanceOf(Uint32Array);
    expect(store.sex).toBeInstanceOf(Uint8Array);
    expect(store.groups).toBeInstanceOf(Uint32Array);
    store.reserve(0);
    store.setUpdatedAt(0, '2026-03-01T08:00:00.000Z');
    expect(store.updatedAt(0)).toBe('2026-03-01T08:00:00.000Z');
  });
});

describe('isoMs', () => {
  it('reads canonical ISO times as Date does, and nothing else', () => {
    const start = Date.UTC(1, 0, 1);
    const end = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const samples = [0, start, end, Date.UTC(2000, 1, 29), Date.UTC(1900, 2, 1) - 1, Date.UTC(2024, 1, 29, 12), Date.UTC(1969, 11, 31, 23, 59, 59, 999)];
    for (let i = 0; i < 5000; i++) samples.push(Math.floor(start + random() * (end - start)));
    for (const ms of samples) expect(isoMs(new Date(ms).toISOString())).toBe(ms);
    for (const odd of ['', 'later', '2026-02-29T00:00:00.000Z', '1900-02-29T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-04-31T00:00:00.000Z', '2026-03-01T24:00:00.000Z', '2026-03-01T08:00:00Z', '2026-03-01T08:00:00.000+', '2026-03-01 08:00:00.000Z', '2026-0a-01T08:00:00.000Z', '+012026-01-01T00:00:00.000Z']) {
      expect(isoMs(odd)).toBeNaN();
    }
  });
});

describe('packed texts', () => {
  it('keeps every value exactly: short ASCII packed, anything else beside', () => {
    const texts = new PackedTexts(11);
    texts.grow(8);
    const values = ['13800000000', '', '0531-8888', '138000000001', '１３８', 'x', '\u007f', '13800000000'];
    values.forEach((v, slot) => texts.set(slot, v));
    values.forEach((v, slot) => {
      expect(texts.get(slot)).toBe(v);
      expect(texts.is(slot, v)).toBe(true);
    });
    expect(texts.is(0, '1380000000')).toBe(false);
    expect(texts.is(2, '0531-8889')).toBe(false);
    texts.set(3, '139');
    expect(texts.get(3)).toBe('139');
    texts.grow(20);
    values.forEach((v, slot) => slot !== 3 && expect(texts.get(slot)).toBe(v));
  });
});

describe('UTF-8 texts', () => {
  it('keeps every text through changes, growth and compaction, in fewer bytes than V8 strings', () => {
    const texts = new Utf8Texts();
    texts.grow(2000);
    const value = (slot: number, round: number) => (slot % 7 === 0 ? '' : `["seniorHigh","电工${round}","","","","服务员","","","前街${slot}号","",""]`);
    for (let round = 0; round < 6; round++) {
      for (let slot = 0; slot < 2000; slot++) if (round === 0 || slot % (round + 1) === 0) texts.set(slot, value(slot, round));
    }
    for (let slot = 0; slot < 2000; slot++) {
      const last = [5, 4, 3, 2, 1, 0].find((round) => round === 0 || slot % (round + 1) === 0)!;
      expect(texts.get(slot)).toBe(value(slot, last));
    }
    texts.grow(3000);
    expect(texts.get(1999)).toBe(value(1999, 0));
    // Compacted as it went: the bytes held stay within twice the live texts.
    const live = Array.from({ length: 2000 }, (_, slot) => Buffer.byteLength(texts.get(slot))).reduce((a, b) => a + b, 0);
    expect((texts as unknown as { bytes: Buffer }).bytes.length).toBeLessThan(live * 2 + 8192);
  });
});

describe('loading the ledger texts', () => {
  it('allocates their bytes once', () => {
    const index = new ResidentIndex();
    for (let i = 0; i < 2000; i++) index.upsert(resident(i, '2026-03-01T08:00:00.000Z'));
    const store = IndexStore.from(JSON.parse(JSON.stringify(index.columns())));
    const bytes = (store.ledger as unknown as { bytes: Buffer }).bytes;
    let live = 0;
    for (let slot = 0; slot < 2000; slot++) live += Buffer.byteLength(store.ledger.get(slot));
    expect(bytes.length).toBe(live + (live >>> 3));
  });
});
