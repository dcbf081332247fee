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

export async function loadDraft<V>(key: string): Promise<DraftRecord<V> | undefined> {
  return (await db().drafts.get(key)) as DraftRecord<V> | undefined;
}

export async function saveDraft<V>(key: string, values: V, baseRev?: string): Promise<void> {
  const record: DraftRecord = { key, values, updatedAt: new Date().toISOString() };
  if (baseRev !== undefined) record.baseRev = baseRev;
  await db().drafts.put(record);
}

export async function deleteDraft(key: string): Promise<void> {
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
  /** Saves the pending values now (page hidden or closing). */
  flush(): Promise<void>;
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

  const flush = async () => {
    clearTimeout(timer);
    timer = undefined;
    if (!pending || stopped) return;
    const { values } = pending;
    pending = null;
    try {
      await save(key, values, options.baseRev);
    } catch (error) {
      // A failed draft save must not break typing; the next change tries again.
      console.warn('draft save failed', error);
    }
  };

  return {
    schedule(values) {
      if (stopped) return;
      pending = { values };
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delay);
    },
    flush,
    stop() {
      stopped = true;
      pending = null;
      clearTimeout(timer);
    },
  };
}
