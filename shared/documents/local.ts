// The station's `_local` documents: they never replicate and no schema checks them (only this
// core writes them), so they are listed here by id, with whether a backup keeps them.

export interface LocalDocumentRow {
  /** The id, or for a family of documents the start of their ids. */
  id: string;
  family: boolean;
  /**
   * Kept in a station backup. The `replication-*` checkpoints count this database's update
   * sequence, which a restored database does not share, so the next sync starts over (its writes
   * are idempotent); the quarantine is rebuilt by that next sync, which checks everything it
   * pulls again; the statistics' tally is counted again. Batch parts are kept only while the
   * pending batch they belong to waits (the backup adds them by name).
   */
  backedUp: boolean;
}

export const LOCAL_DOCUMENTS = {
  /** StationConfig: the station's place, name and identity key. */
  station: { id: '_local/station', family: false, backedUp: true },
  /** UsersDoc: accounts, password hashes, failed logins. */
  users: { id: '_local/users', family: false, backedUp: true },
  /** The sync's state (last success, pushed sequence, pending batch). */
  sync: { id: '_local/sync', family: false, backedUp: true },
  countySecret: { id: '_local/county-secret', family: false, backedUp: true },
  rekey: { id: '_local/rekey', family: false, backedUp: true },
  transferReceipts: { id: '_local/transfer-receipts', family: false, backedUp: true },
  machine: { id: '_local/machine', family: false, backedUp: true },
  batchPart: { id: '_local/batch-part:', family: true, backedUp: true },
  replication: { id: '_local/replication-', family: true, backedUp: false },
  quarantine: { id: '_local/quarantine', family: false, backedUp: false },
  statsTally: { id: '_local/stats-tally', family: false, backedUp: false },
  /** The work list's facts per resident, kept from the changes feed (counted again after a restore). */
  worklistFacts: { id: '_local/worklist-facts', family: false, backedUp: false },
  /** The audit log's counts by day, action and account, kept from the changes feed (counted again after a restore). */
  auditCounts: { id: '_local/audit-counts', family: false, backedUp: false },
  /** The backup passphrase (sealed): a backup never carries the key to itself. */
  backupPassphrase: { id: '_local/backup-passphrase', family: false, backedUp: false },
} as const satisfies Record<string, LocalDocumentRow>;

const LOCAL_ROWS: readonly LocalDocumentRow[] = Object.values(LOCAL_DOCUMENTS);

/** The single `_local` documents a backup keeps (batch parts are added by name). */
export const BACKED_UP_LOCAL_DOCS: readonly string[] = LOCAL_ROWS.filter((r) => r.backedUp && !r.family).map((r) => r.id);
/** `_local` ids or prefixes deliberately not in a backup. */
export const LOCAL_DOCS_NOT_BACKED_UP: readonly string[] = LOCAL_ROWS.filter((r) => !r.backedUp).map((r) => r.id);
