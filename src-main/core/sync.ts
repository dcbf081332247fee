// Sync with the county's CouchDB (replication protocol only, so any CouchDB 3.x works): the
// station pushes its database to `station_<place>` on the county server and pulls back what the
// county writes there (reviews). The status is honest: the last success, what is waiting, the
// failure and its reason; never "done" after a timeout.
import fs from 'node:fs';
import path from 'node:path';
import PouchDB from 'pouchdb-node';
import type { PouchDB as P } from 'pouchdb-node';
import type { SyncFailure, SyncStatus } from '../../shared/rpc/handlers';
import { fail, type CoreContext } from './context';
import { getOrNull } from './storage/db';
import { fieldError } from './validation';

export interface CountyConnection {
  url: string;
  username: string;
  password: string;
  /** The place the county provisioned this account for. */
  placeCode: string;
}

/** The clerk's setup code: base64url of JSON {v: 1, url, user, password, place} (county/README.md). */
export function parseSetupCode(code: string): CountyConnection | null {
  try {
    const value = JSON.parse(Buffer.from(code.trim(), 'base64url').toString('utf8')) as Record<string, unknown>;
    if (value.v !== 1 || typeof value.url !== 'string' || typeof value.user !== 'string' || typeof value.password !== 'string' || typeof value.place !== 'string') {
      return null;
    }
    return { url: value.url.replace(/\/+$/, ''), username: value.user, password: value.password, placeCode: value.place };
  } catch {
    return null;
  }
}

/** Sorts a failure into what the clerk can act on. */
export function classifyFailure(error: unknown): SyncFailure['reason'] {
  const e = error as { status?: number; code?: string; message?: string; name?: string; cause?: { code?: string } } | null;
  const text = `${e?.code ?? ''} ${e?.cause?.code ?? ''} ${e?.name ?? ''} ${e?.message ?? ''}`;
  if (e?.status === 401 || e?.status === 403 || /unauthorized|forbidden/i.test(e?.name ?? '')) return 'credentials';
  if (/ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ENETDOWN/.test(text)) return 'offline';
  if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|socket hang up|fetch failed|network/i.test(text)) return 'unreachable';
  return 'other';
}

interface SyncState {
  _id: '_local/sync';
  _rev?: string;
  lastSuccessAt: string | null;
  /** The local update sequence the last successful push started from. */
  pushedSeq: number | string;
}

export class SyncService {
  private connection: CountyConnection | null = null;
  private running: Promise<SyncStatus> | null = null;
  private syncing = false;
  private state: SyncState = { _id: '_local/sync', lastSuccessAt: null, pushedSeq: 0 };
  private lastAttemptAt: string | null = null;
  private failure: SyncFailure | null = null;
  private progress: { pushed: number; pulled: number } | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly dataDir: string,
    private readonly changed: (status: SyncStatus) => void,
  ) {}

  /** Credentials live with the core, never in the renderer: a file only this user can read. */
  private get credentialsFile(): string {
    return path.join(this.dataDir, 'county-credentials.json');
  }

  async load(): Promise<void> {
    this.state = (await getOrNull<SyncState>(this.ctx.db, '_local/sync')) ?? this.state;
    try {
      this.connection = JSON.parse(fs.readFileSync(this.credentialsFile, 'utf8')) as CountyConnection;
    } catch {
      this.connection = null;
    }
  }

  private remote(connection = this.connection!): P.Database {
    return new PouchDB(`${connection.url}/station_${connection.placeCode}`, {
      auth: { username: connection.username, password: connection.password },
      skip_setup: true,
    });
  }

  /** Waiting = documents changed here since the last successful push began. */
  private async waiting(): Promise<number> {
    const changes = await this.ctx.db.changes<object>({ since: this.state.pushedSeq });
    return changes.results.filter((c) => !c.id.startsWith('_design/')).length;
  }

  async status(): Promise<SyncStatus> {
    return {
      connected: this.connection !== null,
      server: this.connection ? { url: this.connection.url, username: this.connection.username, placeCode: this.connection.placeCode } : null,
      state: this.syncing ? 'syncing' : this.failure ? 'failed' : this.state.lastSuccessAt ? 'idle' : 'never',
      lastSuccessAt: this.state.lastSuccessAt,
      lastAttemptAt: this.lastAttemptAt,
      waiting: await this.waiting(),
      progress: this.progress,
      failure: this.failure,
    };
  }

  /** Checks the account against the county server before keeping it. */
  async connect(connection: CountyConnection): Promise<SyncStatus> {
    const station = this.ctx.station();
    if (connection.placeCode !== station.placeCode) fail(fieldError('setupCode', 'errors.sync.otherStation', { place: connection.placeCode }));
    let reason: SyncFailure['reason'] | null = null;
    try {
      // `_session` names the account the server accepted (some servers let a wrong password
      // through as anonymous on public databases); then the station database must answer.
      const auth = 'Basic ' + Buffer.from(`${connection.username}:${connection.password}`).toString('base64');
      const session = await fetch(`${connection.url}/_session`, { headers: { authorization: auth }, signal: AbortSignal.timeout(15_000) });
      const body = (await session.json().catch(() => ({}))) as { userCtx?: { name?: string | null } };
      if (session.status === 401 || body.userCtx?.name !== connection.username) reason = 'credentials';
      else await this.remote(connection).info();
    } catch (error) {
      reason = classifyFailure(error);
    }
    if (reason) fail(fieldError(reason === 'credentials' ? 'password' : 'url', `errors.sync.${reason}`));
    const file = this.credentialsFile;
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(connection), { mode: 0o600 });
    fs.renameSync(`${file}.tmp`, file);
    this.connection = connection;
    this.failure = null;
    const status = await this.status();
    this.changed(status);
    return status;
  }

  /** One push and one pull; a second call while one runs waits for the same sync. */
  syncNow(): Promise<SyncStatus> {
    if (!this.connection) fail({ code: 'VALIDATION', messageKey: 'errors.sync.notConnected' });
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<SyncStatus> {
    this.lastAttemptAt = this.ctx.now();
    this.syncing = true;
    this.progress = { pushed: 0, pulled: 0 };
    this.changed(await this.status());
    const remote = this.remote();
    const startSeq = (await this.ctx.db.info()).update_seq;
    try {
      const refused: { id: string; reason: string }[] = [];
      const push = this.ctx.db.replicate.to(remote, { batch_size: 500, batches_limit: 10 });
      push.on('change', (info) => {
        this.progress = { pushed: info.docs_written, pulled: this.progress?.pulled ?? 0 };
      });
      push.on('denied', (error) => refused.push({ id: error.id ?? '', reason: error.reason ?? error.message ?? '' }));
      const pushed = await push;
      const pull = this.ctx.db.replicate.from(remote, { batch_size: 500, batches_limit: 10 });
      pull.on('change', (info) => {
        this.progress = { pushed: pushed.docs_written, pulled: info.docs_written };
      });
      await pull;
      if (refused.length > 0 || pushed.doc_write_failures > 0) {
        // The rest went up; these documents stay waiting until corrected.
        this.failure = { reason: 'refused', messageKey: 'errors.sync.refused', refused };
      } else {
        this.failure = null;
        this.state = { ...this.state, lastSuccessAt: this.ctx.now(), pushedSeq: startSeq };
        const result = await this.ctx.db.put(this.state);
        this.state._rev = result.rev;
      }
    } catch (error) {
      const reason = classifyFailure(error);
      this.failure = { reason, messageKey: `errors.sync.${reason}`, refused: [] };
    } finally {
      this.progress = null;
      this.syncing = false;
    }
    const status = await this.status();
    this.changed(status);
    return status;
  }
}
