// Form drafts in IndexedDB (Dexie): saved as the clerk types so a crash, a closed window or a
// reload loses nothing. Local to this machine and screen; never synced, never sent to the core.

import { Dexie, type EntityTable } from 'dexie';

/**
 * Whose draft: a draft belongs to one account at one station. Another account (the next clerk
 * logging in on this PC) or another station never reads it.
 */
export interface DraftOwner {
  /** The station's place code. */
  placeCode: string;
  /** The account's login name. */
  loginName: string;
}

export interface DraftRecord<V = unknown> {
  /** 'register' for the new-resident form, 'edit:<resident id>' for an edit. */
  key: string;
  values: V;
  /** ISO timestamp of the last save. */
  updatedAt: string;
  /** The record revision an edit draft started from, so a stale draft meets a conflict, not a silent overwrite. */
  baseRev?: string;
}

/** A draft as stored: its owner is part of its id, so a lookup by another owner finds nothing. */
interface StoredDraft extends DraftRecord, DraftOwner {
  id: string;
}

class DraftDatabase extends Dexie {
  ownedDrafts!: EntityTable<StoredDraft, 'id'>;

  constructor() {
    super('leye-drafts');
    this.version(1).stores({ drafts: 'key, updatedAt' });
    // Version 1 kept drafts by form only, readable by whoever logged in next; they have no owner
    // to give them back to, so that table is dropped.
    this.version(2).stores({ drafts: null, ownedDrafts: 'id, loginName, placeCode, updatedAt' });
  }
}

let database: DraftDatabase | null = null;

function db(): DraftDatabase {
  database ??= new DraftDatabase();
  return database;
}

/** One string for owner and form; JSON so no login name or form key can run into another part. */
function idOf(owner: DraftOwner, key: string): string {
  return JSON.stringify([owner.placeCode, owner.loginName, key]);
}

// A page being unloaded (reload, window closed) gets no more tasks, and Chromium drops an
// IndexedDB write started in 'pagehide'. So the last keystrokes also go to localStorage, which
// is synchronous; the next load (by the same owner) moves them into IndexedDB.
const STASH_PREFIX = 'leye.draft-stash:';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function makeRecord<V>(key: string, values: V, baseRev?: string): DraftRecord<V> {
  const record: DraftRecord<V> = { key, values, updatedAt: new Date().toISOString() };
  if (baseRev !== undefined) record.baseRev = baseRev;
  return record;
}

function toStored(owner: DraftOwner, record: DraftRecord): StoredDraft {
  return { ...record, id: idOf(owner, record.key), placeCode: owner.placeCode, loginName: owner.loginName };
}

function fromStored<V>(stored: StoredDraft | undefined): DraftRecord<V> | undefined {
  if (!stored) return undefined;
  const record: DraftRecord<V> = { key: stored.key, values: stored.values as V, updatedAt: stored.updatedAt };
  if (stored.baseRev !== undefined) record.baseRev = stored.baseRev;
  return record;
}

/** Synchronously keeps values that may not reach IndexedDB before the page goes away. */
export function stashDraft<V>(owner: DraftOwner, key: string, values: V, baseRev?: string): void {
  try {
    storage()?.setItem(STASH_PREFIX + idOf(owner, key), JSON.stringify(toStored(owner, makeRecord(key, values, baseRev))));
  } catch {
    // Full or disabled: the IndexedDB write may still make it.
  }
}

function takeStash(owner: DraftOwner, key: string): StoredDraft | undefined {
  const raw = storage()?.getItem(STASH_PREFIX + idOf(owner, key));
  if (!raw) return undefined;
  try {
    const record = JSON.parse(raw) as StoredDraft;
    const mine = record && record.id === idOf(owner, key) && record.key === key;
    return mine && typeof record.updatedAt === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The stash entries (full localStorage keys) whose owner passes `test`; unreadable ones too when `test` says so for null. */
function stashKeys(test: (owner: DraftOwner | null) => boolean): string[] {
  const store = storage();
  if (!store) return [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const name = store.key(i);
    if (!name?.startsWith(STASH_PREFIX)) continue;
    let owner: DraftOwner | null = null;
    try {
      const parts = JSON.parse(name.slice(STASH_PREFIX.length)) as unknown;
      if (Array.isArray(parts) && parts.length === 3 && typeof parts[0] === 'string' && typeof parts[1] === 'string') {
        owner = { placeCode: parts[0], loginName: parts[1] };
      }
    } catch {
      owner = null;
    }
    if (test(owner)) keys.push(name);
  }
  return keys;
}

function removeStashes(test: (owner: DraftOwner | null) => boolean) {
  const store = storage();
  for (const name of stashKeys(test)) store?.removeItem(name);
}

export async function loadDraft<V>(owner: DraftOwner, key: string): Promise<DraftRecord<V> | undefined> {
  const id = idOf(owner, key);
  const stored = await db().ownedDrafts.get(id);
  const stash = takeStash(owner, key);
  if (stash && (!stored || stash.updatedAt >= stored.updatedAt)) {
    await db().ownedDrafts.put(stash);
    storage()?.removeItem(STASH_PREFIX + id);
    return fromStored<V>(stash);
  }
  if (stash) storage()?.removeItem(STASH_PREFIX + id);
  return fromStored<V>(stored);
}

export async function saveDraft<V>(owner: DraftOwner, key: string, values: V, baseRev?: string): Promise<void> {
  await db().ownedDrafts.put(toStored(owner, makeRecord(key, values, baseRev) as DraftRecord));
}

export async function deleteDraft(owner: DraftOwner, key: string): Promise<void> {
  storage()?.removeItem(STASH_PREFIX + idOf(owner, key));
  await db().ownedDrafts.delete(idOf(owner, key));
}

/**
 * Removes every draft of an account on this machine (it was disabled), stashes included. Only
 * this machine: drafts kept on another PC are cleared there (when disabled there, or never).
 */
export async function clearAccountDrafts(loginName: string): Promise<void> {
  removeStashes((owner) => owner?.loginName === loginName);
  await db().ownedDrafts.where('loginName').equals(loginName).delete();
}

/** Removes the drafts of every other station (this machine now serves `placeCode`: set up anew or replaced). */
export async function clearOtherStationsDrafts(placeCode: string): Promise<void> {
  // Stashes from before drafts had owners (or damaged) have no owner: gone too.
  removeStashes((owner) => owner?.placeCode !== placeCode);
  await db().ownedDrafts.where('placeCode').notEqual(placeCode).delete();
}

/** Closes the connection (tests: lets fake-indexeddb be reset between cases). */
export function closeDrafts() {
  database?.close();
  database = null;
}

export interface DraftSaver<V> {
  /** Saves these values after `delay` ms unless newer values come first. */
  schedule(values: V): void;
  /** Saves the pending values now (page hidden). */
  flush(): Promise<void>;
  /** The page is going away: stash pending values synchronously, then try IndexedDB too. */
  flushOnUnload(): void;
  /** Drops pending values and ignores later ones (after submit or discard). */
  stop(): void;
}

export function createDraftSaver<V>(
  owner: DraftOwner,
  key: string,
  options: { delay?: number; baseRev?: string; save?: (owner: DraftOwner, key: string, values: V, baseRev?: string) => Promise<void> } = {},
): DraftSaver<V> {
  const delay = options.delay ?? 250;
  const save = options.save ?? saveDraft;
  let pending: { values: V } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending || stopped) return Promise.resolve();
    const { values } = pending;
    pending = null;
    let writing: Promise<void>;
    try {
      writing = save(owner, key, values, options.baseRev);
    } catch (error) {
      writing = Promise.reject(error);
    }
    // A failed draft save must not break typing; the next change tries again.
    return writing.catch((error: unknown) => console.warn('draft save failed', error));
  };

  return {
    schedule(values) {
      if (stopped) return;
      pending = { values };
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delay);
    },
    flush,
    flushOnUnload() {
      if (pending && !stopped) stashDraft(owner, key, pending.values, options.baseRev);
      void flush();
    },
    stop() {
      stopped = true;
      pending = null;
      clearTimeout(timer);
    },
  };
}
