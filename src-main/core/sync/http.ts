// HTTP to the county server with the station's account: PouchDB handles and plain requests, each with a deadline, and failures sorted for the clerk.
import PouchDB from 'pouchdb-node';
import type { PouchDB as P } from 'pouchdb-node';
import { COUNTY_SECRET_DOC } from '../../../shared/county/setupCode';
import type { SyncFailure } from '../../../shared/rpc/handlers';
import type { CountyConnection } from './credentials';

type Fetch = (url: string, options: { signal?: AbortSignal } & Record<string, unknown>) => Promise<unknown>;

/**
 * PouchDB's own fetch with a deadline per request. A connection cut in the middle of a response
 * otherwise leaves node-fetch waiting for the rest for ever (seen in the cut test), and the
 * station would show "syncing" for ever.
 */
function timedFetch(timeoutMs: number): Fetch {
  const base = (PouchDB as unknown as { fetch: Fetch }).fetch;
  return (url, options) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    return base(url, { ...options, signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline });
  };
}

/** Sorts a failure into what the clerk can act on. */
export function classifyFailure(error: unknown): SyncFailure['reason'] {
  const e = error as { status?: number; code?: string; message?: string; name?: string; cause?: { code?: string } } | null;
  const text = `${e?.code ?? ''} ${e?.cause?.code ?? ''} ${e?.name ?? ''} ${e?.message ?? ''}`;
  if (e?.status === 401 || e?.status === 403 || /unauthorized|forbidden/i.test(e?.name ?? '')) return 'credentials';
  if (/ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ENETDOWN/.test(text)) return 'offline';
  // A request past its deadline (a network that swallows packets: no answer, no refusal).
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|fetch failed|network|TimeoutError|AbortError|aborted due to timeout/i.test(text)) return 'unreachable';
  return 'other';
}

/** The account as an HTTP Basic authorization header. */
export function basicAuth(connection: Pick<CountyConnection, 'username' | 'password'>): string {
  return 'Basic ' + Buffer.from(`${connection.username}:${connection.password}`).toString('base64');
}

/** A database on the county server, opened with the account and request deadlines. */
export function openRemote(connection: CountyConnection, name: string, timeoutMs: number): P.Database {
  return new PouchDB(`${connection.url}/${encodeURIComponent(name)}`, {
    auth: { username: connection.username, password: connection.password },
    skip_setup: true,
    fetch: timedFetch(timeoutMs),
  });
}

/** A plain request to the county server with the account (views, `_local` documents). */
export async function countyFetch(
  connection: CountyConnection,
  pathAndQuery: string,
  init: { method?: string; body?: unknown },
  timeoutMs: number,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${connection.url}${pathAndQuery}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: basicAuth(connection),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/**
 * Checks an account against the county server: `_session` names the account the server accepted
 * (some servers let a wrong password through as anonymous on public databases); then the station
 * database must answer. Returns why it failed (null: it did not) and the county secret the server
 * holds for the account in `secretDb` (null: none there; not asked when `secretDb` is null).
 */
export async function probeAccount(
  connection: CountyConnection,
  own: () => P.Database,
  secretDb: string | null,
  timeoutMs = 15_000,
): Promise<{ reason: SyncFailure['reason'] | null; secret: string | null }> {
  let reason: SyncFailure['reason'] | null = null;
  let secret: string | null = null;
  const auth = basicAuth(connection);
  try {
    const session = await fetch(`${connection.url}/_session`, { headers: { authorization: auth }, signal: AbortSignal.timeout(timeoutMs) });
    const body = (await session.json().catch(() => ({}))) as { userCtx?: { name?: string | null } };
    if (session.status === 401 || body.userCtx?.name !== connection.username) reason = 'credentials';
    else {
      await own().info();
      if (secretDb === null) return { reason, secret };
      const held = await fetch(`${connection.url}/${secretDb}/${COUNTY_SECRET_DOC}`, {
        headers: { authorization: auth },
        signal: AbortSignal.timeout(timeoutMs),
      });
      const doc = held.ok ? ((await held.json()) as { key?: unknown }) : null;
      if (typeof doc?.key === 'string') secret = doc.key;
    }
  } catch (error) {
    reason = classifyFailure(error);
  }
  return { reason, secret };
}
