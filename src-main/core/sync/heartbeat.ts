// The heartbeat: after a successful sync the station tells the county server it synced, so the county can list stations gone silent.
import type { PouchDB as P } from 'pouchdb-node';
import type { SessionUser } from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import type { SyncStateStore } from './state';
import { docId } from '../../../shared/documents/registry';

/** The work list's counts a station reports with its heartbeat (a township adds its villages', from its relay copies). */
export interface HeartbeatWorklist {
  due: number;
  overdue: number;
  /** The day they were computed for. */
  asOf: string;
  villages?: Record<string, { due: number; overdue: number }>;
}

const worklistReporters = new WeakMap<CoreContext, () => Promise<HeartbeatWorklist>>();

/** The work list registers how to count it (src-main/core/worklist); sync knows nothing of it. */
export function reportWorklist(ctx: CoreContext, report: () => Promise<HeartbeatWorklist>): void {
  worklistReporters.set(ctx, report);
}

/**
 * Counts the work list ahead while the sync still moves documents (the push waits on the server,
 * a township's villages are being pulled: the station would otherwise only wait), so the
 * heartbeat at the end counts only what changed since: it asks again, and the work list keeps
 * its facts and rows between calls. One count at a time: a nudge while one runs is dropped (the
 * next nudge, or the heartbeat, reads what came meanwhile).
 */
export class CountsAhead {
  private running: Promise<void> | null = null;
  private started = false;

  constructor(private readonly ctx: CoreContext) {}

  /** A heartbeat with counts will go out: count now, and again at each nudge. */
  start(): void {
    this.started = true;
    this.nudge();
  }

  /** More documents arrived: count again once started, unless a count runs. */
  nudge(): void {
    const report = worklistReporters.get(this.ctx);
    if (!this.started || this.running || !report) return;
    this.running = report().then(
      () => void (this.running = null),
      () => void (this.running = null),
    );
  }

  /** The count running now (if any) has ended; it never fails. */
  settled(): Promise<void> {
    return this.running ?? Promise.resolve();
  }
}

/**
 * Written straight to the server (never a local record), at most once every `everyMs` so an idle
 * station adds no revisions.
 */
export async function heartbeat(ctx: CoreContext, state: SyncStateStore, remote: P.Database, user: SessionUser, everyMs: number, signingKey?: string): Promise<void> {
  const now = ctx.now();
  const last = state.value.heartbeatAt;
  if (last && Date.parse(now) - Date.parse(last) < everyMs) return;
  const place = ctx.station().placeCode;
  const id = docId.heartbeat(place);
  const existing = await remote.get<{ createdBy: string; createdAt: string }>(id).catch(() => null);
  const stamp = ctx.stamp(user, place);
  // Counts that cannot be computed leave the field out: the heartbeat itself matters more.
  const worklist = await worklistReporters.get(ctx)?.().catch(() => null);
  await remote.put({
    _id: id,
    ...(existing ? { _rev: existing._rev } : {}),
    type: 'heartbeat',
    ...stamp,
    ...(existing ? { createdBy: existing.createdBy, createdAt: existing.createdAt } : {}),
    lastSyncAt: now,
    // The station's public key, for the county to publish when it did not make the pair itself.
    ...(signingKey ? { signingKey } : {}),
    ...(worklist ? { worklist } : {}),
  });
  await state.update({ heartbeatAt: now });
}
