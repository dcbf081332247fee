// The replications of one sync run: the station's push (what never goes up left out), pulls screened for the quarantine, relay copies, and the progress they report.
import type { PouchDB as P } from 'pouchdb-node';
import type { CoreContext } from '../context';
import { countyLockOf } from './locks';
import { keepAside, newScreening, screen } from './quarantine';
import type { RelayCopies } from './relays';
import { replicate, type FilledPage } from './replicate';
import type { SyncStateStore } from './state';
import { isShippedDefault } from './waiting';

/** What a running sync has moved so far; null when none runs. Replaced, never changed in place. */
export type Progress = { pushed: number; pulled: number } | null;

export interface RunContext {
  ctx: CoreContext;
  /** The county server's address (names the replication pairs). */
  url(): string;
  progress(): Progress;
  setProgress(progress: Progress): void;
}

/** What the station's push leaves out. */
export interface PushRules {
  /** Id prefixes of what came from the server: it never goes back. */
  fromServer: readonly string[];
  /** Deletions up to this local sequence are re-keying's: the county never had those records. */
  rekeySeq(): number;
  state: SyncStateStore;
}

/** Pushes the station's database; documents the server's validation refuses are collected. */
export async function pushStation(
  run: RunContext,
  remote: P.Database,
  ownDb: string,
  rules: PushRules,
  refused: { id: string; reason: string }[],
  accept?: (id: string) => boolean,
  onStored?: (docs: { id: string; rev: string }[]) => Promise<void>,
): Promise<{ written: number; failures: number }> {
  const result = await replicate(run.ctx.db, remote, {
    ...(onStored ? { onStored } : {}),
    home: run.ctx.db,
    pair: `push ${run.url()} ${ownDb}`,
    // What the county wrote came from the server; it never goes back. Nor do the deletions of
    // re-keyed records, which the county never had.
    accept: (c) =>
      !rules.fromServer.some((p) => c.id.startsWith(p)) &&
      !(c.deleted && Number(c.seq) <= rules.rekeySeq()) &&
      !(c.doc && isShippedDefault(c.doc)) &&
      !(c.doc && rules.state.value.countyWritten?.[c.id] === (c.doc as { _rev?: string })._rev) &&
      // A record the county locked holds the county's revision: the station never changes it
      // (a change that crossed the lock was set aside when the lock came down: countyLocks.ts).
      !(c.doc && countyLockOf(c.doc) !== null) &&
      (!accept || accept(c.id)),
    onProgress: (written) => {
      run.setProgress({ pushed: written, pulled: run.progress()?.pulled ?? 0 });
    },
  });
  refused.push(...result.refused);
  return { written: result.written, failures: result.refused.length };
}

/** Pulls `source` into `target`; a document that fails its schema is kept aside (quarantine). */
export async function pullScreened(
  run: RunContext,
  target: P.Database,
  source: P.Database,
  name: string,
  pushed: { written: number },
  /** After each page is stored in `target` (not awaited). */
  stored?: () => void,
  /** `target` is a copy others keep facts of: its pages while a pull fills it (see replicate). */
  filling?: (page: FilledPage) => void,
): Promise<void> {
  const before = run.progress()?.pulled ?? 0;
  const screening = newScreening(name);
  try {
    await replicate(source, target, {
      home: target,
      pair: `pull ${run.url()} ${name}`,
      diff: 'fetched',
      ...(filling ? { filling } : {}),
      // A document that fails its schema never reaches the copy the station reads. Every one is
      // checked, even what the server validated: its validation lets the server admin's writes
      // through unchecked, and a pulled document does not say who wrote it.
      accept: (c) => c.deleted || !c.doc || screen(run.ctx, screening, c.doc as Record<string, unknown>),
      onProgress: (written) => {
        run.setProgress({ pushed: pushed.written, pulled: before + written });
        stored?.();
      },
    });
  } finally {
    await keepAside(run.ctx.db, screening);
  }
}

/**
 * Relay copies: the villages a township reads are pulled; whatever a file import put into a
 * relay copy (at a township or county machine) is pushed to that station's database.
 * (The directory must have been loaded.)
 */
export async function syncRelayCopies(
  run: RunContext,
  copies: RelayCopies,
  serverDb: (name: string) => P.Database,
  township: string | null,
  refused: { id: string; reason: string }[],
  /** After each page of a village is stored in its copy, and after each village (not awaited). */
  pulled?: () => void,
): Promise<void> {
  const pullFrom = township ? copies.villagesOf(township) : [];
  const places = [...new Set([...pullFrom, ...copies.relayPlaces()])];
  for (const code of places) {
    const local = copies.relay(code);
    const name = `station_${code}`;
    const server = serverDb(name);
    // The relay copy holds what was pulled from the same database: ask before sending.
    const pushed = await replicate(local, server, { home: local, pair: `push ${run.url()} ${name}`, diff: true });
    refused.push(...pushed.refused);
    if (!pullFrom.includes(code)) continue;
    await pullScreened(run, local, server, name, pushed, pulled, (page) => copies.filled(code, page));
    pulled?.();
  }
}
