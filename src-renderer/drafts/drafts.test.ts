import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import {
  clearAccountDrafts,
  clearOtherStationsDrafts,
  closeDrafts,
  createDraftSaver,
  deleteDraft,
  loadDraft,
  saveDraft,
  stashDraft,
  type DraftOwner,
} from './drafts';

// Node has no localStorage: a minimal one for the unload stash.
const memory = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
    key: (i: number) => [...memory.keys()][i] ?? null,
    get length() {
      return memory.size;
    },
  },
});

const A: DraftOwner = { placeCode: '371302001001', loginName: 'clerk-a' };
const B: DraftOwner = { placeCode: '371302001001', loginName: 'clerk-b' };
const A_ELSEWHERE: DraftOwner = { placeCode: '371302001002', loginName: 'clerk-a' };
const stashOf = (owner: DraftOwner, key: string) => memory.get(`leye.draft-stash:${JSON.stringify([owner.placeCode, owner.loginName, key])}`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  for (const owner of [A, B, A_ELSEWHERE]) {
    await deleteDraft(owner, 'register');
    await deleteDraft(owner, 'edit:resident:a');
  }
  memory.clear();
  closeDrafts();
});

describe('drafts', () => {
  it('saves, loads and deletes a draft by owner and form key', async () => {
    expect(await loadDraft(A, 'register')).toBeUndefined();
    await saveDraft(A, 'register', { name: '张三', registration: { kind: 'jobSeeking' } });
    const draft = await loadDraft<{ name: string }>(A, 'register');
    expect(draft?.values.name).toBe('张三');
    expect(Date.parse(draft?.updatedAt ?? '')).not.toBeNaN();
    await deleteDraft(A, 'register');
    expect(await loadDraft(A, 'register')).toBeUndefined();
  });

  it('keeps edit drafts apart, with the revision they started from', async () => {
    await saveDraft(A, 'register', { name: '甲' });
    await saveDraft(A, 'edit:resident:a', { name: '乙' }, '3-abc');
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('甲');
    const edit = await loadDraft<{ name: string }>(A, 'edit:resident:a');
    expect(edit?.values.name).toBe('乙');
    expect(edit?.baseRev).toBe('3-abc');
  });

  it('survives reopening the database (a reload)', async () => {
    await saveDraft(A, 'register', { name: '王五' });
    closeDrafts();
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('王五');
  });
});

describe('unload stash', () => {
  it('keeps values written synchronously as the page goes away, and moves them into IndexedDB', async () => {
    await saveDraft(A, 'register', { name: '旧' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    stashDraft(A, 'register', { name: '新' });
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('新');
    expect(memory.size).toBe(0);
    closeDrafts();
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('新');
  });

  it('ignores a stash older than the stored draft, and discards it with the draft', async () => {
    stashDraft(A, 'register', { name: '旧' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await saveDraft(A, 'register', { name: '新' });
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('新');
    stashDraft(A, 'edit:resident:a', { name: '甲' });
    await deleteDraft(A, 'edit:resident:a');
    expect(await loadDraft(A, 'edit:resident:a')).toBeUndefined();
  });

  it('flushOnUnload stashes pending values at once', async () => {
    const saver = createDraftSaver<{ name: string }>(A, 'register', { delay: 10_000, save: () => new Promise(() => {}) });
    saver.schedule({ name: '孙七' });
    saver.flushOnUnload();
    expect(JSON.parse(stashOf(A, 'register') ?? '{}').values).toEqual({ name: '孙七' });
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('孙七');
  });
});

describe('draft saver', () => {
  it('debounces: only the latest values are written, after the delay', async () => {
    const writes: unknown[] = [];
    const saver = createDraftSaver<string>(A, 'register', { delay: 30, save: async (_o, _k, v) => void writes.push(v) });
    saver.schedule('a');
    saver.schedule('ab');
    saver.schedule('abc');
    expect(writes).toEqual([]);
    await sleep(60);
    expect(writes).toEqual(['abc']);
  });

  it('flushes pending values at once', async () => {
    const saver = createDraftSaver<{ name: string }>(A, 'register', { delay: 10_000 });
    saver.schedule({ name: '赵六' });
    await saver.flush();
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('赵六');
  });

  it('writes nothing after stop (a submitted form)', async () => {
    const writes: unknown[] = [];
    const saver = createDraftSaver<string>(A, 'register', { delay: 10, save: async (_o, _k, v) => void writes.push(v) });
    saver.schedule('x');
    saver.stop();
    saver.schedule('y');
    await saver.flush();
    await sleep(30);
    expect(writes).toEqual([]);
  });
});

describe('drafts belong to one account at one station', () => {
  it('another account reads nothing of what account A saved; A reads its own', async () => {
    await saveDraft(A, 'register', { name: '张三', idNumber: '370102199001011234', phone: '13800000000' });
    expect(await loadDraft(B, 'register')).toBeUndefined();
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('张三');
  });

  it('the same account at another station reads nothing', async () => {
    await saveDraft(A, 'edit:resident:a', { name: '甲' }, '1-a');
    expect(await loadDraft(A_ELSEWHERE, 'edit:resident:a')).toBeUndefined();
    expect((await loadDraft<{ name: string }>(A, 'edit:resident:a'))?.values.name).toBe('甲');
  });

  it('two accounts keep their own draft of the same form', async () => {
    await saveDraft(A, 'register', { name: '甲' });
    await saveDraft(B, 'register', { name: '乙' });
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('甲');
    expect((await loadDraft<{ name: string }>(B, 'register'))?.values.name).toBe('乙');
    await deleteDraft(B, 'register');
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('甲');
  });

  it('the unload stash (localStorage) is not readable by another account or station either', async () => {
    stashDraft(A, 'register', { name: '张三', idNumber: '370102199001011234' });
    expect(await loadDraft(B, 'register')).toBeUndefined();
    expect(await loadDraft(A_ELSEWHERE, 'register')).toBeUndefined();
    expect([...memory.values()].join()).toContain('370102199001011234');
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('张三');
  });

  it('a saver writes under its owner only', async () => {
    const saver = createDraftSaver<{ name: string }>(A, 'register', { delay: 10_000 });
    saver.schedule({ name: '赵六' });
    await saver.flush();
    expect(await loadDraft(B, 'register')).toBeUndefined();
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('赵六');
  });

  it("disabling an account clears its drafts on this machine, stashes too, and no one else's", async () => {
    await saveDraft(A, 'register', { name: '甲' });
    await saveDraft(A, 'edit:resident:a', { name: '甲改' }, '2-b');
    await saveDraft(A_ELSEWHERE, 'register', { name: '甲别处' });
    stashDraft(A, 'edit:resident:a', { name: '甲最后' });
    await saveDraft(B, 'register', { name: '乙' });
    stashDraft(B, 'edit:resident:a', { name: '乙最后' });
    await clearAccountDrafts(A.loginName);
    expect(await loadDraft(A, 'register')).toBeUndefined();
    expect(await loadDraft(A, 'edit:resident:a')).toBeUndefined();
    expect(await loadDraft(A_ELSEWHERE, 'register')).toBeUndefined();
    expect(stashOf(A, 'edit:resident:a')).toBeUndefined();
    expect((await loadDraft<{ name: string }>(B, 'register'))?.values.name).toBe('乙');
    expect((await loadDraft<{ name: string }>(B, 'edit:resident:a'))?.values.name).toBe('乙最后');
  });

  it("a station set up anew (another place) clears the other stations' drafts and unowned stashes", async () => {
    await saveDraft(A, 'register', { name: '甲' });
    await saveDraft(A_ELSEWHERE, 'register', { name: '别处' });
    stashDraft(A_ELSEWHERE, 'edit:resident:a', { name: '别处最后' });
    memory.set('leye.draft-stash:register', JSON.stringify({ key: 'register', values: { name: '旧' }, updatedAt: new Date().toISOString() }));
    await clearOtherStationsDrafts(A.placeCode);
    expect(memory.size).toBe(0);
    expect(await loadDraft(A_ELSEWHERE, 'register')).toBeUndefined();
    expect((await loadDraft<{ name: string }>(A, 'register'))?.values.name).toBe('甲');
  });

  it('drafts from before owners existed (version 1, by form only) are dropped, not handed to whoever logs in', async () => {
    closeDrafts();
    await Dexie.delete('leye-drafts');
    const old = new Dexie('leye-drafts');
    old.version(1).stores({ drafts: 'key, updatedAt' });
    await old.table('drafts').put({ key: 'register', values: { name: '旧' }, updatedAt: new Date().toISOString() });
    old.close();
    expect(await loadDraft(A, 'register')).toBeUndefined();
    expect(await loadDraft(B, 'register')).toBeUndefined();
  });
});
