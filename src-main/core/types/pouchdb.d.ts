// The part of PouchDB's API the core uses, typed here: @types/pouchdb-core redeclares Node's
// global Buffer and breaks the build with current TypeScript.
declare module 'pouchdb-node' {
  namespace PouchDB {
    interface DocMeta {
      _id: string;
      _rev?: string;
      _deleted?: boolean;
    }
    type Existing<T> = T & { _id: string; _rev: string };
    interface PutResult {
      ok: boolean;
      id: string;
      rev: string;
    }
    interface BulkError {
      error: true | string;
      id?: string;
      reason?: string;
      status?: number;
      name?: string;
      message?: string;
    }
    interface AllDocsOptions {
      include_docs?: boolean;
      startkey?: string;
      endkey?: string;
      keys?: string[];
      limit?: number;
      skip?: number;
      descending?: boolean;
    }
    interface AllDocsResponse<T> {
      total_rows: number;
      offset: number;
      rows: { id: string; key: string; value: { rev: string; deleted?: boolean }; doc?: Existing<T> }[];
    }
    interface ChangesOptions {
      since?: number | string | 'now';
      live?: boolean;
      include_docs?: boolean;
      limit?: number;
      batch_size?: number;
      /** 'all_docs': every leaf revision (conflicts too), as replication needs. */
      style?: 'main_only' | 'all_docs';
      /** `ddoc/name`: a filter function of a design document. */
      filter?: string;
      conflicts?: boolean;
    }
    /** A document as replication moves it: at one revision, with its revision history. */
    interface RevisedDoc {
      _id: string;
      _rev: string;
      _revisions?: { start: number; ids: string[] };
      _deleted?: boolean;
      [field: string]: unknown;
    }
    interface BulkGetResponse {
      results: { id: string; docs: ({ ok: RevisedDoc } | { error: { id?: string; rev?: string; error?: string; reason?: string } })[] }[];
    }
    interface Change<T> {
      id: string;
      seq: number | string;
      deleted?: boolean;
      changes: { rev: string }[];
      doc?: Existing<T>;
    }
    /** Without `live`, the changes call is also a promise of the whole list. */
    interface Changes<T> extends Promise<{ results: Change<T>[]; last_seq: number | string }> {
      on(event: 'change', listener: (change: Change<T>) => void): Changes<T>;
      on(event: 'complete' | 'error', listener: (value: unknown) => void): Changes<T>;
      cancel(): void;
    }
    interface Info {
      db_name: string;
      doc_count: number;
      update_seq: number | string;
    }
    interface ReplicationResult {
      ok: boolean;
      docs_read: number;
      docs_written: number;
      doc_write_failures: number;
      errors: { id?: string; name?: string; message?: string; reason?: string; status?: number }[];
      last_seq: number | string;
      status?: string;
    }
    interface ReplicationOptions {
      batch_size?: number;
      batches_limit?: number;
      retry?: boolean;
      live?: boolean;
      checkpoint?: 'source' | 'target' | false;
    }
    interface Replication extends Promise<ReplicationResult> {
      on(event: 'change', listener: (info: { docs_read: number; docs_written: number; doc_write_failures: number; errors: ReplicationResult['errors'] }) => void): Replication;
      on(event: 'denied', listener: (error: { id?: string; reason?: string; message?: string }) => void): Replication;
      cancel(): void;
    }
    interface Database {
      replicate: {
        to(target: Database | string, options?: ReplicationOptions): Replication;
        from(source: Database | string, options?: ReplicationOptions): Replication;
      };
      get<T>(id: string, options?: { revs?: boolean; conflicts?: boolean }): Promise<Existing<T>>;
      put<T extends object>(doc: T & DocMeta): Promise<PutResult>;
      bulkDocs<T extends object>(docs: (T & DocMeta)[], options?: { new_edits?: boolean }): Promise<(PutResult | BulkError)[]>;
      bulkGet(options: { docs: { id: string; rev?: string }[]; revs?: boolean; attachments?: boolean }): Promise<BulkGetResponse>;
      revsDiff(diff: Record<string, string[]>): Promise<Record<string, { missing?: string[]; possible_ancestors?: string[] }>>;
      allDocs<T>(options?: AllDocsOptions): Promise<AllDocsResponse<T>>;
      changes<T>(options: ChangesOptions): Changes<T>;
      info(): Promise<Info>;
      close(): Promise<void>;
      destroy(): Promise<void>;
    }
    interface Options {
      adapter?: string;
      db?: unknown;
      auto_compaction?: boolean;
      auth?: { username: string; password: string };
      skip_setup?: boolean;
      fetch?: (url: string, options: Record<string, unknown>) => Promise<unknown>;
    }
  }
  interface PouchDBConstructor {
    new (name: string, options?: PouchDB.Options): PouchDB.Database;
  }
  const PouchDB: PouchDBConstructor;
  export default PouchDB;
  export type { PouchDB };
}
