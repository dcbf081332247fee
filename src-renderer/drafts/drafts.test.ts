import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDrafts, createDraftSaver, deleteDraft, loadDraft, saveDraft, stashDraft } from './drafts';

// Node has no localStorage: a minimal one for the unload stash.
const memory = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await deleteDraft('register');
  await deleteDraft('edit:resident:a');
  closeDrafts();
});

describe('drafts', () => {
  it('saves, loads and deletes a draft by form key', async () => {
    expect(await loadDraft('register')).toBeUndefined();
    await saveDraft('register', { name: '张三', registration: { kind: 'jobSeeking' } });
    const draft = await loadDraft<{ name: string }>('register');
    expect(draft?.values.name).toBe('张三');
    expect(Date.parse(draft?.updatedAt ?? '')).not.toBeNaN();
    await deleteDraft('register');
    expect(await loadDraft('register')).toBeUndefined();
  });

  it('keeps edit drafts apart, with the revision they started from', async () => {
    await saveDraft('register', { name: '甲' });
    await saveDraft('edit:resident:a', { name: '乙' }, '3-abc');
    expect((await loadDraft<{ name: string }>('register'))?.values.name).toBe('甲');
    const edit = await loadDraft<{ name: string }>('edit:resident:a');
    expect(edit?.values.name).toBe('乙');
    expect(edit?.baseRev).toBe('3-abc');
  });

  it('survives reopening the database (a reload)', async () => {
    await saveDraft('register', { name: '王五' });
    closeDrafts();
    expect((await loadDraft<{ name: string }>('register'))?.values.name).toBe('王五');
  });
});

describe('unload stash', () => {
  it('keeps values written synchronously as the page goes away, and moves them into IndexedDB', async () => {
    await saveDraft('register', { name: '旧' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    stashDraft('register', { name: '新' });
    expect((await loadDraft<{ name: string }>('register'))?.values.name).toBe('新');
    expect(memory.size).toBe(0);
    closeDrafts();
    expect((await loadDraft<{ name: string }>('register'))?.values.name).toBe('新');
  });

  it('ignores a stash older than the stored draft, and discards it with the draft', async () => {
    stashDraft('register', { name: '旧' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await saveDraft('register', { name: '新' });
    expect((await loadDraft<{ name: string }>('register'))?.values.name).toBe('新');
    stashDraft('edit:resident:a', { name: '甲' });
    await deleteDraft('edit:resident:a');
    expect(await loadDraft('edit:resident:a')).toBeUndefined();
  });

  it('flushOnUnload stashes pending values at once', async () => {
    const saver = createDraftSaver<{ name: string }>('register', { delay: 10_000, save: () => new Promise(() => {}) });
    saver.schedule({ name: '孙七' });
    saver.flushOnUnload();
    expect(JSON.parse(memory.get('leye.draft-stash:register') ?? '{}').values).toEqual({ name: '孙七' });
    expect((await loadDraft<{ name: string }>('register'))?.values.name).toBe('孙七');
  });
});

describe('draft saver', () => {
  it('debounces: only the latest values are written, after the delay', async () => {
    const writes: unknown[] = [];
    const saver = createDraftSaver<string>('register', { delay: 30, save: async (_k, v) => void writes.push(v) });
    saver.schedule('a');
    saver.schedule('ab');
    saver.schedule('abc');
    expect(writes).toEqual([]);
    await sleep(60);
    expect(writes).toEqual(['abc']);
  });

  it('flushes pending values at once', async () => {
    const saver = createDraftSaver<{ name: string }>('register', { delay: 10_000 });
    saver.schedule({ name: '赵六' });
    await saver.flush();
    expect((await loadDraft<{ name: string }>('register'))?.values.name).toBe('赵六');
  });

  it('writes nothing after stop (a submitted form)', async () => {
    const writes: unknown[] = [];
    const saver = createDraftSaver<string>('register', { delay: 10, save: async (_k, v) => void writes.push(v) });
    saver.schedule('x');
    saver.stop();
    saver.schedule('y');
    await saver.flush();
    await sleep(30);
    expect(writes).toEqual([]);
  });
});
