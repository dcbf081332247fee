// Starts PouchDB Server (npm pouchdb-server, CouchDB-compatible) as a child process on
// 127.0.0.1 with a data folder: used by the tests and by `npm run county`. Nothing else in
// county/ depends on it; provisioning talks plain CouchDB HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export interface PouchServer {
  url: string;
  port: number;
  /** The server process (tests kill it to see the supervisor restart it). */
  pid: number;
  /** Resolves when the server exits by itself (not through stop()), with how it ended and its last output. */
  exited: Promise<{ code: number | null; signal: string | null; output: string }>;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (the OS picks it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

/** PouchDB Server started through our launcher, which fixes its replicated writes (see the file). */
function serverBin(): string {
  const require = createRequire(resolve(process.cwd(), 'package.json'));
  return require.resolve('./county/pouchServerMain.mjs');
}

async function waitUp(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PouchDB Server exited (${child.exitCode ?? child.signalCode}): ${output().slice(-2000)}`);
    }
    try {
      const r = await fetch(url + '/', { signal: AbortSignal.timeout(1000) });
      const body = (await r.json()) as Record<string, unknown>;
      if (r.ok && ('express-pouchdb' in body || 'couchdb' in body)) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`PouchDB Server did not answer on ${url} within ${timeoutMs} ms: ${output().slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts PouchDB Server with its databases, config.json and log in `dir`. Without a port, picks a
 * free one (retrying if it was taken meanwhile).
 */
export async function startPouchServer(opts: { dir: string; port?: number; host?: string; quiet?: boolean }): Promise<PouchServer> {
  const host = opts.host ?? '127.0.0.1';
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  let lastError: unknown = null;
  for (let attempt = 0; attempt < (opts.port ? 1 : 3); attempt++) {
    const port = opts.port ?? (await freePort(host));
    const url = `http://${host}:${port}`;
    const child = spawn(
      process.execPath,
      [serverBin(), '--host', host, '--port', String(port), '--dir', dir + '/', '--config', resolve(dir, 'config.json'), '--no-stdout-logs'],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
    );
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    try {
      await waitUp(url, child, 20_000, () => output);
    } catch (e) {
      lastError = e;
      if (child.exitCode === null) child.kill('SIGKILL');
      continue;
    }
    let stopping = false;
    const exited = new Promise<{ code: number | null; signal: string | null; output: string }>((done) => {
      child.once('exit', (code, signal) => {
        if (!stopping) done({ code, signal, output: output.slice(-2000) });
      });
    });
    const stop = () =>
      new Promise<void>((done) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    return { url, port, pid: child.pid ?? 0, exited, stop };
  }
  throw lastError instanceof Error ? lastError : new Error('PouchDB Server did not start');
}

/** In admin party (a fresh PouchDB Server), makes `user` a server admin. */
export async function createServerAdmin(url: string, user: string, password: string): Promise<void> {
  const r = await fetch(`${url}/_config/admins/${encodeURIComponent(user)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(password),
  });
  if (!r.ok) throw new Error(`Could not create the server admin ${user}: ${r.status} ${await r.text()}`);
}

export function randomAdminPassword(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * `npm run county`: keeps the server running. When it exits by itself it says so (with the end
 * of its output) and starts it again on the same port and data folder; stop() ends it for good.
 */
export async function superviseCountyServer(
  opts: { dir: string; port: number; host?: string },
  log: (line: string) => void,
): Promise<{ current(): PouchServer; stop(): Promise<void> }> {
  let server = await startPouchServer(opts);
  let stopped = false;
  const watch = (s: PouchServer): void => {
    void s.exited.then(async (end) => {
      if (stopped) return;
      log(`County server exited (${end.code ?? end.signal}); restarting it on port ${opts.port}.${end.output.trim() ? `\nIts last output:\n${end.output.trim()}` : ''}`);
      for (let attempt = 1; !stopped; attempt++) {
        try {
          server = await startPouchServer(opts);
          log(`County server restarted on ${server.url}.`);
          watch(server);
          return;
        } catch (e) {
          log(`County server did not restart (attempt ${attempt}): ${(e as Error).message.split('\n')[0]}`);
          await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * attempt)));
        }
      }
    });
  };
  watch(server);
  return {
    current: () => server,
    stop: async () => {
      stopped = true;
      await server.stop();
    },
  };
}
