// The sync's own record (`_local/sync`): last success, push start, pending batch, heartbeat, county-written revisions.
import { getOrNull, type StationDb } from '../store/db';

export interface SyncState {
  _id: '_local/sync';
  _rev?: string;
  lastSuccessAt: string | null;
  /** The local update sequence the last successful push started from. */
  pushedSeq: number | string;
  /** The batch an unsuccessful sync left undelivered. */
  pendingBatch?: string | null;
  /** When this station last told the county it synced. */
  heartbeatAt?: string;
  /** Revisions the county wrote here (resolved conflicts): on the server already, never waiting. */
  countyWritten?: Record<string, string>;
}

/** The state as last read or written; each change is written at once (a `_local` document). */
export class SyncStateStore {
  value: SyncState = { _id: '_local/sync', lastSuccessAt: null, pushedSeq: 0 };

  constructor(private readonly db: StationDb) {}

  async load(): Promise<void> {
    this.value = (await getOrNull<SyncState>(this.db, '_local/sync')) ?? this.value;
  }

  /** Writes the state with `changes` and keeps the new revision. */
  async update(changes: Partial<Omit<SyncState, '_id' | '_rev'>>): Promise<void> {
    const next = { ...this.value, ...changes };
    this.value = { ...next, _rev: (await this.db.put(next)).rev };
  }
}
