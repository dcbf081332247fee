// Records of this station as a person names them (shared/documents/labels.ts): the document, the
// resident, post or session it names, read from the station's database; and whether the county
// locked it. The village's list of returned records and the audit log name records through it.
import { labelDocuments, type RecordLabel } from '../../../shared/documents/labels';
import type { RecordInfo } from '../../../shared/documents/contract';
import type { StationDb } from '../store/db';

type Doc = Record<string, unknown>;

export interface LabellerDeps {
  db: StationDb;
  /** Refuses (LOCKED, with the day in params.at) a record the county accepted. */
  lockedAt(id: string): string | null;
}

export class RecordLabeller {
  constructor(private readonly deps: LabellerDeps) {}

  /** The documents of these ids that exist (deleted ones left out). */
  readonly fetch = async (ids: string[]): Promise<Map<string, Doc>> => {
    const out = new Map<string, Doc>();
    if (ids.length === 0) return out;
    const rows = (await this.deps.db.allDocs<Doc>({ keys: [...new Set(ids)], include_docs: true })).rows;
    for (const row of rows) if ('doc' in row && row.doc) out.set(row.id, row.doc as Doc);
    return out;
  };

  /** Labels of records of this station (a record not found is labelled by its type only). */
  async labels(ids: readonly string[]): Promise<RecordLabel[]> {
    return (await this.info(ids)).map((info) => info.label);
  }

  /** The day the county accepted a record while it stays locked, else null. */
  lockedAt(id: string): string | null {
    return this.deps.lockedAt(id)?.slice(0, 10) ?? null;
  }

  async info(ids: readonly string[]): Promise<RecordInfo[]> {
    const docs = await this.fetch([...ids]);
    const labels = await labelDocuments(
      ids.map((id) => ({ id, doc: docs.get(id) ?? null })),
      this.fetch,
    );
    return ids.map((id, i) => ({ id, label: labels[i]!, found: docs.has(id), lockedAt: this.lockedAt(id) }));
  }
}
