// The waiting set: what changed here since the last push began and still has to reach the county.
import fs from 'node:fs';
import path from 'node:path';
import { stationLevel } from '../../../shared/places';
import type { CoreContext } from '../context';
import { keptFolderOf } from '../store/db';
import { ID_PREFIX } from '../store/docs';
import { writeWhole } from '../store/keptFacts';
import type { FileDelivery } from './batches';
import type { SyncStateStore } from './state';
import { WaitingDigest } from './waitingDigest';

/** What goes up but is not one of the clerk's records: the station's entry and the audit log. */
const NOT_COUNTED: readonly string[] = [ID_PREFIX.station, ID_PREFIX.audit];

/**
 * The policy parameters shipped with the app are the same at every station: sent up, they would
 * meet as conflicts in the county aggregate (one id, a revision per station). They stay here; the
 * county's confirmed, dated values come down from county_ref.
 */
export function isShippedDefault(doc: object): boolean {
  const d = doc as { type?: unknown; isDefault?: unknown };
  return d.type === 'policy' && d.isDefault === true;
}

/** Which ids never wait, which a county station sends (its reference data), and the page size. */
export interface WaitingRules {
  notSent: RegExp;
  isReference(id: string): boolean;
  /** Changes read per page when bringing the waiting set forward. */
  changedPage: number;
}

/** The records the county locked now (a change of theirs came with the pull: never waiting). */
export interface LockedRecords {
  /** Grows whenever what is locked may have changed. */
  readonly version: number;
  lockedIds(): Iterable<string>;
}

/** The saved digest's file in the station's `kept/` folder, and its format. */
const SAVED_FILE = 'waiting.bin';
const SAVED_FORMAT = 2;
/** Changes taken in before the digest is saved again, at most once a minute (and at every stop): a bulk import does not write it over and over. */
const SAVE_EVERY = 20_000;
const SAVE_AT_MOST_EVERY_MS = 60_000;

/**
 * What waits, counted: the clerk's records changed since the last push began (their ids and
 * revisions as a digest, waitingDigest.ts) and the policy parameters among them (few, by id).
 * Kept between calls and brought forward with only the newer changes, and saved in `kept/` so a
 * start reads only the changes since: a station that never pushed 100,000 residents must not read
 * its 700,000 documents to say how many wait.
 */
interface Tracked {
  base: number | string;
  seq: number | string;
  county: boolean;
  digest: WaitingDigest;
  policies: Map<string, string>;
  /** What the held-back marks were made against (see `markHeld`), or null: not made yet. */
  heldAgainst: unknown[] | null;
  unsaved: number;
}

export class WaitingSet {
  /** The last count (while syncing, counting anew would read every change). */
  lastCount = 0;
  private reading: Promise<unknown> = Promise.resolve();
  private tracked: Tracked | null = null;
  private savedTried = false;
  private saving: Promise<void> | null = null;
  private savedAt = 0;

  constructor(
    private readonly ctx: CoreContext,
    private readonly state: SyncStateStore,
    private readonly rules: WaitingRules,
    private readonly fileDelivery: () => FileDelivery | null,
    private readonly locks: LockedRecords,
  ) {}

  /**
   * Waiting = records changed here since the last successful push began; not the batch
   * manifests (bookkeeping) nor what was pulled from the county (reviews). Counted as the clerk
   * thinks of records: the station's own entry and audit entries still travel with the next
   * batch, but a new station with nothing registered has nothing "waiting".
   */
  async count(): Promise<number> {
    const tracked = await this.serially(async () => {
      const brought = await this.bringForward();
      await this.markHeld(brought);
      return brought;
    });
    let count = tracked.digest.waiting;
    const policies = [...tracked.policies].filter(([id, rev]) => !this.heldNow(id, rev));
    if (policies.length > 0) {
      const rows = (await this.ctx.db.allDocs<object>({ keys: policies.map(([id]) => id), include_docs: true })).rows;
      for (const row of rows) if (row.doc && !isShippedDefault(row.doc)) count += 1;
    }
    this.lastCount = count;
    if (tracked.unsaved >= SAVE_EVERY && Date.now() - this.savedAt >= SAVE_AT_MOST_EVERY_MS) void this.save(tracked);
    return count;
  }

  /**
   * What the next batch carries: every record changed here since the last successful push began
   * (its current revision, in id order), except what a receipt says reached the county on a file.
   * Read from the changes feed each time (a batch is made when a push or a file reads them all anyway).
   */
  async docs(): Promise<{ id: string; rev: string }[]> {
    const changed = await this.serially(() => this.readChanged());
    const county = this.isCounty();
    const candidate = (id: string) => !county || this.rules.isReference(id);
    const policyIds: string[] = [];
    for (const id of changed.keys()) if (id.startsWith(ID_PREFIX.policy) && candidate(id)) policyIds.push(id);
    const shipped = new Set(
      policyIds.length === 0
        ? []
        : (await this.ctx.db.allDocs<object>({ keys: policyIds, include_docs: true })).rows.flatMap((r) => (r.doc && isShippedDefault(r.doc) ? [r.id] : [])),
    );
    const docs: { id: string; rev: string }[] = [];
    for (const [id, rev] of changed) if (candidate(id) && !shipped.has(id) && !this.heldNow(id, rev)) docs.push({ id, rev });
    return docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Saves what was counted (the core is closing): the next start reads only the changes after it. */
  async close(): Promise<void> {
    await this.reading.catch(() => undefined);
    await this.saving;
    if (this.tracked && this.tracked.unsaved > 0) await this.save(this.tracked);
  }

  /** One reader at a time: two overlapping reads could set a document back to an older revision. */
  private serially<T>(read: () => Promise<T>): Promise<T> {
    const next = this.reading.then(read);
    this.reading = next.catch(() => undefined);
    return next;
  }

  private isCounty(): boolean {
    return stationLevel(this.ctx.station().placeCode) === 'county';
  }

  /**
   * Held back although it changed here: a revision a receipt says reached the county on a file,
   * one the county wrote (a resolved conflict), or a record the county locked (it changed here
   * only by the pull: its lock, or a change set aside).
   */
  private heldNow(id: string, rev: string): boolean {
    if (this.fileDelivery()?.delivered(id, rev)) return true;
    const countyWritten = this.state.value.countyWritten;
    if (countyWritten && Object.hasOwn(countyWritten, id) && countyWritten[id] === rev) return true;
    return this.ctx.lockedAt(id) !== null;
  }

  /**
   * Marks anew what is held back when a receipt, a county-written revision or a lock came in
   * since the marks were made. A revision the county has holds a record back while it is the
   * record's current one (read from the database: the digest keeps no revisions).
   */
  private async markHeld(tracked: Tracked): Promise<void> {
    const fileDelivery = this.fileDelivery();
    const countyWritten = this.state.value.countyWritten;
    const against = [this.locks.version, countyWritten, fileDelivery, fileDelivery?.deliveredVersion];
    if (tracked.heldAgainst && against.every((value, i) => value === tracked.heldAgainst![i])) return;
    const digest = tracked.digest;
    const revisions: [string, string][] = [];
    if (digest.size > 0) {
      for (const [id, rev] of Object.entries(countyWritten ?? {})) if (digest.has(id)) revisions.push([id, rev]);
      fileDelivery?.eachDelivered((id, rev) => {
        if (digest.has(id)) revisions.push([id, rev]);
      });
    }
    const current = new Map<string, string>();
    if (revisions.length > 0) {
      const rows = (await this.ctx.db.allDocs({ keys: [...new Set(revisions.map(([id]) => id))] })).rows;
      for (const row of rows) if ('value' in row && row.value && !row.value.deleted) current.set(row.id, row.value.rev);
    }
    digest.releaseAll();
    if (digest.size > 0) for (const id of this.locks.lockedIds()) digest.hold(id);
    for (const [id, rev] of revisions) if (current.get(id) === rev) digest.hold(id);
    tracked.heldAgainst = against;
  }

  /** The digest brought to the database's latest change (from the saved copy at the first call after a start). */
  private async bringForward(): Promise<Tracked> {
    const base = this.state.value.pushedSeq;
    const county = this.isCounty();
    if (!this.tracked || this.tracked.base !== base || this.tracked.county !== county) {
      const saved = this.savedTried ? null : await this.loadSaved(base, county);
      this.savedTried = true;
      this.tracked = saved ?? { base, seq: base, county, digest: new WaitingDigest(), policies: new Map(), heldAgainst: null, unsaved: 0 };
    }
    const tracked = this.tracked;
    const reached = await this.readChanges(
      base,
      tracked.seq,
      (id, rev, deleted) => this.take(tracked, id, rev, deleted),
      (seq, taken) => {
        tracked.seq = seq;
        tracked.unsaved += taken;
      },
    );
    // A push finishing meanwhile moved the base: start over from it.
    return reached ? tracked : this.bringForward();
  }

  private take(tracked: Tracked, id: string, rev: string, deleted: boolean): void {
    // Never counted, whatever happens to them: what is not sent, the station's entry and the audit
    // log, and at a county station all but the reference data.
    if (NOT_COUNTED.some((prefix) => id.startsWith(prefix)) || this.rules.notSent.test(id)) return;
    if (tracked.county && !this.rules.isReference(id)) return;
    if (id.startsWith(ID_PREFIX.policy)) {
      if (deleted) tracked.policies.delete(id);
      else tracked.policies.set(id, rev);
    } else if (deleted) {
      tracked.digest.delete(id);
    } else {
      tracked.digest.set(id, this.heldNow(id, rev));
    }
  }

  /** Every document changed since the last push began that may go up, with its current revision (deleted and never-sent ones left out). */
  private async readChanged(): Promise<Map<string, string>> {
    const changed = new Map<string, string>();
    const base = this.state.value.pushedSeq;
    const reached = await this.readChanges(base, base, (id, rev, deleted) => {
      if (deleted || this.rules.notSent.test(id)) changed.delete(id);
      else changed.set(id, rev);
    });
    return reached ? changed : this.readChanged();
  }

  /**
   * The changes after `since`, page by page, each change to `take` and each page's end to
   * `paged`; false when a push finishing meanwhile moved the base from `base` (the caller starts over).
   */
  private async readChanges(
    base: number | string,
    since: number | string,
    take: (id: string, rev: string, deleted: boolean) => void,
    paged?: (seq: number | string, taken: number) => void,
  ): Promise<boolean> {
    for (;;) {
      const changes = await this.ctx.db.changes<object>({ since, limit: this.rules.changedPage });
      if (this.state.value.pushedSeq !== base) return false;
      for (const c of changes.results) take(c.id, c.changes[0]!.rev, c.deleted === true);
      since = changes.last_seq;
      paged?.(since, changes.results.length);
      if (changes.results.length < this.rules.changedPage) return true;
    }
  }

  /** The digest saved at the last stop, if it counts from this base and the database holds what it read. */
  private async loadSaved(base: number | string, county: boolean): Promise<Tracked | null> {
    const folder = keptFolderOf(this.ctx.db);
    if (!folder) return null;
    const bytes = await fs.promises.readFile(path.join(folder, SAVED_FILE)).catch(() => null);
    const newline = bytes?.indexOf(0x0a) ?? -1;
    if (!bytes || newline < 0) return null;
    try {
      const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as { format: number; base: number | string; seq: number | string; county: boolean; policies: [string, string][] };
      if (header.format !== SAVED_FORMAT || header.base !== base || header.county !== county) return null;
      // A database older than the copy (put back by hand) is read from the base again.
      if (Number((await this.ctx.db.info()).update_seq) < Number(header.seq)) return null;
      const start = newline + 1;
      const words = new Uint32Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.length - ((bytes.length - start) % 4)));
      return { base, seq: header.seq, county, digest: await WaitingDigest.fromWords(words), policies: new Map(header.policies), heldAgainst: null, unsaved: 0 };
    } catch {
      return null;
    }
  }

  /** Saves the digest as it is now (a cache: a failed save is tried again later). */
  private save(tracked: Tracked): Promise<void> {
    const folder = keptFolderOf(this.ctx.db);
    if (!folder || this.saving) return this.saving ?? Promise.resolve();
    const unsaved = tracked.unsaved;
    const header = { format: SAVED_FORMAT, base: tracked.base, seq: tracked.seq, county: tracked.county, policies: [...tracked.policies] };
    const words = tracked.digest.toWords();
    const bytes = Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), Buffer.from(words.buffer, words.byteOffset, words.byteLength)]);
    this.savedAt = Date.now();
    this.saving = writeWhole(path.join(folder, SAVED_FILE), bytes)
      .then(() => void (tracked.unsaved -= unsaved))
      .catch(() => undefined)
      .finally(() => (this.saving = null));
    return this.saving;
  }
}
