// Form drafts in IndexedDB (Dexie): saved as the clerk types so a crash, a closed window or a
// reload loses nothing. Local to this machine and screen; never synced, never sent to the core.

import { Dexie, type EntityTable } from 'dexie';

export interface DraftRecord<V = unknown> {
  /** 'register' for the new-resident form, 'edit:<resident id>' for an edit. */
  key: string;
  values: V;
  /** ISO timestamp of the last save. */
  updatedAt: string;
  /** The record revision an edit draft started from, so a stale draft meets a conflict, not a silent overwrite. */
  baseRev?: string;
}

class DraftDatabase extends Dexie {
  drafts!: EntityTable<DraftRecord, 'key'>;

  constructor() {
    super('leye-drafts');
    this.version(1).stores({ drafts: 'key, updatedAt' });
  }
}

let database: DraftDatabase | null = null;

function db(): DraftDatabase {
  database ??= new DraftDatabase();
  return database;
}

// A page being unloaded (reload, window closed) gets no more tasks, and Chromium drops an
// IndexedDB write started in 'pagehide'. So the last keystrokes also go to localStorage, which
// is synchronous; the next load moves them into IndexedDB.
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

/** Synchronously keeps values that may not reach IndexedDB before the page goes away. */
export function stashDraft<V>(key: string, values: V, baseRev?: string): void {
  try {
    storage()?.setItem(STASH_PREFIX + key, JSON.stringify(makeRecord(key, values, baseRev)));
  } catch {
    // Full or disabled: the IndexedDB write may still make it.
  }
}

function takeStash(key: string): DraftRecord | undefined {
  const store = storage();
  const raw = store?.getItem(STASH_PREFIX + key);
  if (!raw) return undefined;
  try {
    const record = JSON.parse(raw) as DraftRecord;
    return record && record.key === key && typeof record.updatedAt === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}

export async function loadDraft<V>(key: string): Promise<DraftRecord<V> | undefined> {
  const stored = await db().drafts.get(key);
  const stash = takeStash(key);
  if (stash && (!stored || stash.updatedAt >= stored.updatedAt)) {
    await db().drafts.put(stash);
    storage()?.removeItem(STASH_PREFIX + key);
    return stash as DraftRecord<V>;
  }
  if (stash) storage()?.removeItem(STASH_PREFIX + key);
  return stored as DraftRecord<V> | undefined;
}

export async function saveDraft<V>(key: string, values: V, baseRev?: string): Promise<void> {
  await db().drafts.put(makeRecord(key, values, baseRev) as DraftRecord);
}

export async function deleteDraft(key: string): Promise<void> {
  storage()?.removeItem(STASH_PREFIX + key);
  await db().drafts.delete(key);
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
  key: string,
  options: { delay?: number; baseRev?: string; save?: (key: string, values: V, baseRev?: string) => Promise<void> } = {},
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
      writing = save(key, values, options.baseRev);
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
      if (pending && !stopped) stashDraft(key, pending.values, options.baseRev);
      void flush();
    },
    stop() {
      stopped = true;
      pending = null;
      clearTimeout(timer);
    },
  };
}
