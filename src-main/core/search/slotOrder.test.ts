// The index's sort orders kept as residents come, change and go (issue 18: one typed array an
// order): every page equals what an index built afresh from the same residents answers.
import { describe, expect, it } from 'vitest';
import type { ResidentDoc } from '../store/docs';
import { residentDoc } from '../testing/fixtures';
import { ResidentIndex } from './residentIndex';
import { SlotOrder } from './slotOrder';

const NAMES = ['张伟', '王芳', '李娜', '刘洋', '陈静', '赵磊', '周敏', '孙强'];

function resident(i: number, version = 0): ResidentDoc {
  const day = (n: number) => new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  return residentDoc({
    _id: `resident:370102001002:${String(i).padStart(26, '0')}`,
    _rev: `${1 + version}-abc`,
    updatedAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7919 + version * 104_729) % 100_000) * 60_000).toISOString(),
    idNumber: `370102${day((i * 37) % 12_000).replaceAll('-', '')}${String(i % 1000).padStart(3, '0')}X`,
    name: NAMES[(i + version) % NAMES.length]!,
    sex: i % 2 ? 'male' : 'female',
    birthDate: day((i * 37 + version) % 12_000),
    registration: { kind: 'jobSeeking', date: day(20_000 + ((i * 13 + version) % 700)), jobIntention: '', trainingIntention: '', serviceNeeds: '' },
  });
}

const FIELDS = ['name', 'registeredOn', 'age', 'updatedAt'] as const;
const pages = (index: ResidentIndex) =>
  FIELDS.flatMap((sort) => (['asc', 'desc'] as const).map((order) => index.search({ query: '', sort, order, offset: 0, limit: 10_000 }, '2026-06-01').items.map((r) => r.id)));

describe('the index’s sort orders', () => {
  it('stay in order as residents are registered, changed and removed after they were first sorted', () => {
    const index = new ResidentIndex();
    const now = new Map<number, ResidentDoc>();
    const put = (doc: ResidentDoc, i: number) => (index.upsert(doc), now.set(i, doc));
    for (let i = 0; i < 1500; i++) put(resident(i), i);
    pages(index); // every order built
    for (let i = 1500; i < 2200; i++) put(resident(i), i);
    for (let i = 0; i < 2200; i += 3) put(resident(i, 1), i);
    for (let i = 1; i < 2200; i += 5) {
      index.remove(resident(i)._id);
      now.delete(i);
    }
    for (let i = 2200; i < 2400; i++) put(resident(i), i); // into the freed slots
    const fresh = new ResidentIndex();
    for (const doc of now.values()) fresh.upsert(doc);
    const kept = pages(index);
    expect(kept[0]).toHaveLength(now.size);
    expect(kept).toEqual(pages(fresh));
  });

  it('moves slots along as they are put in and taken out, growing as it must', () => {
    const order = new SlotOrder([5, 1, 3], (a, b) => a - b);
    order.insert(0, 0);
    order.insert(4, 9);
    order.insert(2, 2);
    for (let n = 10; n < 200; n++) order.insert(order.length, n);
    order.remove(1);
    const all = Array.from({ length: order.length }, (_, i) => order.at(i));
    expect(all.slice(0, 5)).toEqual([0, 2, 3, 5, 9]);
    expect(all).toHaveLength(195);
    expect(order.indexOf(9)).toBe(4);
    expect(order.indexOf(1)).toBe(-1);
  });
});
