// The dispatcher: every call from a window comes through here. It checks the handler's name, the
// caller's session and role, validates the argument (the renderer is untrusted), loads the caches
// the handler's app declared, runs it, and turns any failure into the one error shape the UI
// understands. Failures and slow calls are logged (name, time, error code: never the arguments).
// After a restore, calls go on to the core opened on the restored data (`forward`).
import path from 'node:path';
import { LeyeError, type RpcError } from '../../shared/rpc/errors';
import { handlers, isHandlerName, type HandlerName } from '../../shared/rpc/handlers';
import type { Combined } from './app';
import type { StationLog } from './log/log';
import type { Session } from './session';
import { isConflict, type StationDb } from './store/db';
import { foregroundOf } from './store/foreground';
import { storageFailure } from './store/storageErrors';
import { validationError } from './validation';

/** A call slower than this is logged (the design's bar for a save or a search). */
const SLOW_CALL_MS = 100;

export type Reply = { ok: true; value: unknown } | { ok: false; error: RpcError };

export interface DispatchDeps {
  /** Every domain's handlers, combined. */
  apps: Combined<HandlerName>;
  db: StationDb;
  log: StationLog;
  /** Before every logged-in handler: ends a changed account's session, refuses a locked one (access.checkSession). */
  checkSession(session: Session, name: HandlerName): void;
  /** The search index loaded and the caches caught up at start: every call but the login screen's waits for it. */
  indexed(): Promise<void>;
}

/**
 * What the login screen asks at start, answered before the search index has loaded (1.3 s at
 * 100,000 residents): neither reads it nor a cache the changes feed fills.
 */
const BEFORE_INDEX: ReadonlySet<string> = new Set(['app.ping', 'station.status']);

export type Dispatch = (session: Session, name: string, rawArgs: unknown) => Promise<Reply>;

/** Validates, authorises and runs one call; never throws. */
export function createDispatcher({ apps, db, log, checkSession, indexed }: DispatchDeps): Dispatch {
  async function unlogged(session: Session, name: string, rawArgs: unknown): Promise<Reply> {
    try {
      if (!isHandlerName(name)) throw new LeyeError({ code: 'UNKNOWN_HANDLER', messageKey: 'errors.unknownHandler' });
      const spec = handlers[name];
      // Who calls: checked here, before the first wait, and held to for the whole call.
      const caller = session.user;
      if (spec.access !== 'public') {
        if (!caller) throw loggedOut();
        // A changed account's session ends; an idle one is locked until `auth.unlock`.
        checkSession(session, name);
        if (!spec.access.includes(caller.role)) throw new LeyeError({ code: 'FORBIDDEN', messageKey: 'errors.forbidden' });
      }
      const parsed = spec.args.safeParse(rawArgs ?? {}, { reportInput: true });
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      if (!BEFORE_INDEX.has(name)) await indexed();
      // The in-memory document sets the handler's app declared, loaded the first time one asks.
      for (const cache of apps.cachesFor(name)) await cache.ensure(db);
      const run = apps.methods[name] as (args: unknown, session: Session) => Promise<unknown>;
      if (spec.access === 'public') {
        const value = await run(parsed.data, session);
        return { ok: true, value: value === undefined ? null : value };
      }
      // A log-out (or another login) in the same window while this call runs ends the call:
      // the handler's next look at its user is refused, and an answer it finished anyway is not
      // handed to a window that is no longer the caller's.
      const call = whileLoggedIn(session, caller!);
      const value = await run(parsed.data, call.view);
      if (session.user !== caller && !call.endedByCall()) throw loggedOut();
      return { ok: true, value: value === undefined ? null : value };
    } catch (error) {
      const rpc = toRpcError(error);
      // An unexpected failure: where it happened, not its message (which may quote data).
      if (rpc.code === 'INTERNAL') log.error('handler.internal', { handler: name, error: error instanceof Error ? error.name : typeof error, at: firstFrame(error) });
      return { ok: false, error: rpc };
    }
  }

  const foreground = foregroundOf(db);
  return async (session, name, rawArgs) => {
    const started = performance.now();
    // Background steps (saving kept facts) wait while the call is in flight.
    foreground.enter();
    let reply: Reply;
    try {
      reply = await unlogged(session, name, rawArgs);
    } finally {
      foreground.leave();
    }
    const ms = Math.round(performance.now() - started);
    // The name comes from the untrusted caller: only a known handler's name is written.
    const handler = isHandlerName(name) ? name : '(unknown)';
    if (!reply.ok) {
      const { code, field } = reply.error;
      const level = code === 'INTERNAL' || code === 'STORAGE' ? 'error' : 'warn';
      log.write(level, 'handler.failed', { handler, ms, code, field, reason: reply.error.params?.reason as string | undefined });
    } else if (ms >= SLOW_CALL_MS) {
      log.warn('handler.slow', { handler, ms });
    }
    return reply;
  };
}

const loggedOut = () => new LeyeError({ code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' });

/**
 * The session as one call sees it: its user while the window stays logged in as the caller. A
 * handler that ends the session itself (a restore logs everyone out) does so through this view,
 * and its answer still goes back.
 */
function whileLoggedIn(session: Session, caller: NonNullable<Session['user']>): { view: Session; endedByCall: () => boolean } {
  let ended = false;
  const view = new Proxy(session, {
    get(target, key, receiver) {
      if (key !== 'user' || ended) return Reflect.get(target, key, receiver) as unknown;
      if (target.user !== caller) throw loggedOut();
      return caller;
    },
    set(target, key, value, receiver) {
      if (key === 'user') ended = true;
      return Reflect.set(target, key, value, receiver);
    },
  });
  return { view, endedByCall: () => ended };
}

/** A core that may have been replaced by a restore. */
export interface Successor {
  /** The core opened after this one's restore, if there was one. */
  readonly successor: Promise<Successor> | null;
  /** Whether the session logged in to this core. */
  hasLoggedIn(session: Session): boolean;
  dispatch: Dispatch;
}

/** After a restore: every window logs in again (the accounts may differ), then talks to the new core. */
export async function forward(successor: Promise<Successor>, session: Session, name: string, rawArgs: unknown): Promise<Reply> {
  let next: Successor;
  try {
    next = await successor;
    // A second restore chains another core: the newest one answers.
    while (next.successor) next = await next.successor;
  } catch (error) {
    return { ok: false, error: toRpcError(error) };
  }
  if (session.user && !next.hasLoggedIn(session)) session.user = null;
  return next.dispatch(session, name, rawArgs);
}

/** "file.ts:12" of the innermost stack frame of our own code, for the log. */
function firstFrame(error: unknown): string {
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frame = /\(?([^()\s]+):(\d+):\d+\)?$/m.exec(stack.split('\n').slice(1).join('\n'));
  return frame ? `${path.basename(frame[1]!)}:${frame[2]}` : '';
}

export function toRpcError(error: unknown): RpcError {
  if (error instanceof LeyeError) return error.rpc;
  if (isConflict(error)) return { code: 'CONFLICT', messageKey: 'errors.conflict' };
  // A full disk or a read-only data folder is named as such (store/storageErrors.ts).
  return storageFailure(error) ?? { code: 'INTERNAL', messageKey: 'errors.internal' };
}
