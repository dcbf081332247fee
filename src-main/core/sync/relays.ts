// Local copies of other databases: relay copies of other stations (a township's villages, imported files), the county's reference data and its station directory.
import fs from 'node:fs';
import path from 'node:path';
import type { PouchDB as P } from 'pouchdb-node';
import { ID_PREFIX } from '../store/docs';
import { openLocalDb, prefixRange } from '../store/db';
import type { FilledPage } from './replicate';

/** Facts kept of a relay copy, told of the pages a pull stores while it fills the copy from empty. */
export type FillingListener = (placeCode: string, page: FilledPage) => void;

export class RelayCopies {
  private readonly relays = new Map<string, P.Database>();
  private reference: P.Database | null = null;
  /** Station codes in the pulled directory (county_ref `station:` documents of this county). */
  private directory: string[] = [];
  private readonly fillingListeners: FillingListener[] = [];

  constructor(private readonly dataDir: string) {}

  /**
   * The local copy of another station's documents (a township's villages, a file imported at a
   * township or county machine): pulled from and pushed to `station_<code>` on every sync.
   */
  relay(placeCode: string): P.Database {
    let db = this.relays.get(placeCode);
    if (!db) {
      fs.mkdirSync(path.join(this.dataDir, 'relay'), { recursive: true });
      db = openLocalDb(path.join(this.dataDir, 'relay', placeCode));
      this.relays.set(placeCode, db);
    }
    return db;
  }

  /** Facts kept of the relay copies (the work list's) take the pages of a first pull in hand. */
  onFilling(listener: FillingListener): void {
    this.fillingListeners.push(listener);
  }

  /** A pull stored a page into the copy of `placeCode` it fills (see replicate's `filling`). */
  filled(placeCode: string, page: FilledPage): void {
    for (const listener of this.fillingListeners) listener(placeCode, page);
  }

  /** Stations whose documents this machine holds a relay copy of. */
  relayPlaces(): string[] {
    const dir = path.join(this.dataDir, 'relay');
    const known = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /^\d{9}(\d{3})?$/.test(name)) : [];
    return [...new Set([...known, ...this.relays.keys()])].sort();
  }

  /** The county's reference data as last pulled from county_ref (read-only here). */
  referenceDb(): P.Database {
    this.reference ??= openLocalDb(path.join(this.dataDir, 'reference'));
    return this.reference;
  }

  /** A township's villages, from the county's station directory. */
  villagesOf(township: string): string[] {
    return this.directory.filter((code) => code.length === 12 && code.startsWith(township));
  }

  /** Reads the directory's stations of `county` (6 digits) from the reference copy. */
  async loadDirectory(county: string): Promise<void> {
    const rows = await this.referenceDb().allDocs<{ type?: string; placeCode?: string }>({ include_docs: true, ...prefixRange(ID_PREFIX.station) });
    this.directory = rows.rows.flatMap((r) => (r.doc?.type === 'station' && r.doc.placeCode?.startsWith(county) ? [r.doc.placeCode] : []));
  }

  /** Closes every copy opened here. */
  async close(): Promise<void> {
    await Promise.all([...this.relays.values(), ...(this.reference ? [this.reference] : [])].map((db) => db.close().catch(() => undefined)));
    this.relays.clear();
    this.reference = null;
  }
}
