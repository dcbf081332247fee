// The fault tests' core host: the real Node host (src-main/host/node-host.ts, what the browser
// preview and the end-to-end tests run) bundled once per test file with esbuild and started as a
// child process, so a test can SIGKILL it mid-write or run it under strace, and speak to it over
// its WebSocket exactly as a window does.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import type { LeyeBridge } from '../../../shared/rpc/handlers';
import { connectSocket } from '../../host/socketClient';

const ROOT = path.resolve(import.meta.dirname, '../../..');

let bundled: Promise<{ host: string; standby: string }> | null = null;

/**
 * Bundles the Node host (and the standby variant) into a temporary folder. Packages are bundled
 * in too, which halves the start on a busy machine; only the native LevelDB module is loaded from
 * the project's node_modules.
 */
export function hostBundle(): Promise<{ host: string; standby: string }> {
  bundled ??= (async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-fault-host-'));
    await build({
      entryPoints: { host: path.join(ROOT, 'src-main/host/node-host.ts'), standby: path.join(ROOT, 'src-main/core/faults/standbyHost.ts') },
      outdir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['leveldown'],
      minify: true,
      logLevel: 'error',
    });
    return { host: path.join(outdir, 'host.cjs'), standby: path.join(outdir, 'standby.cjs') };
  })();
  return bundled;
}

export interface ChildHost {
  process: ChildProcess;
  client: LeyeBridge;
  /** Kills the host at once (no clean shutdown) and waits until it is gone. */
  kill(): Promise<void>;
  /** Stops it cleanly (SIGTERM: the core closes its database). */
  stop(): Promise<void>;
  /** Everything it printed. */
  output(): string;
}

export interface PendingHost {
  process: ChildProcess;
  /** Opens the data folder (a standby host waits for this), connects and logs in. */
  start(login: { loginName: string; password: string } | null): Promise<ChildHost>;
  kill(): Promise<void>;
}

export interface ChildHostOptions {
  /** A command line to run the host under, e.g. strace with its options (the host's command follows). */
  wrap?: string[];
  /** Load the core now, open the data folder only at `start` (see standbyHost.ts). */
  standby?: boolean;
}

const running = new Set<ChildProcess>();
// A test that times out must not leave hosts behind holding a data folder.
process.once('exit', () => {
  for (const child of running) signal(child, 'SIGKILL');
});

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, name);
  } catch {
    // Already gone.
  }
}

/** Spawns the host on a data folder; `start` then waits for it to serve and connects. */
export async function spawnHost(dataDir: string, options: ChildHostOptions = {}): Promise<PendingHost> {
  const entry = await hostBundle();
  const command = [...(options.wrap ?? []), process.execPath, options.standby ? entry.standby : entry.host, '--data-dir', dataDir, '--port', '0'];
  const child = spawn(command[0]!, command.slice(1), {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    // Its own process group: a signal reaches the host even when it runs under strace.
    detached: true,
    // The bundle lives outside the project: LevelDB's native module is found through NODE_PATH.
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), TZ: 'Asia/Shanghai' },
  });
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => running.delete(child));
  let output = '';
  const lines: ((line: string) => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of [...lines]) for (const line of output.split('\n')) listener(line);
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const waitFor = <T>(prefix: string, parse: (rest: string) => T) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`host did not print ${prefix}:\n${output}`)), 60_000);
      const listener = (line: string) => {
        if (!line.startsWith(prefix)) return;
        clearTimeout(timer);
        lines.splice(lines.indexOf(listener), 1);
        resolve(parse(line.slice(prefix.length)));
      };
      lines.push(listener);
      for (const line of output.split('\n')) listener(line);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`host exited with ${child.exitCode ?? child.signalCode}:\n${output}`));
      });
    });
  if (options.standby) await waitFor('LEYE_HOST_STANDBY', () => null);
  const kill = async () => {
    signal(child, 'SIGKILL');
    await exited;
  };
  return {
    process: child,
    kill,
    async start(login) {
      if (options.standby) child.stdin!.write('open\n');
      const ready = await waitFor('LEYE_HOST_READY ', (rest) => JSON.parse(rest) as { port: number; token: string });
      const socket = await connectSocket(ready.port, ready.token);
      // A killed host leaves calls unanswered: they stay pending, never acknowledged.
      socket.ws.on('error', () => undefined);
      if (login) await socket.client.call('auth.login', login);
      return {
        process: child,
        client: socket.client,
        output: () => output,
        async kill() {
          await kill();
          socket.close();
        },
        async stop() {
          socket.close();
          signal(child, 'SIGTERM');
          await exited;
        },
      };
    },
  };
}

/** Spawns the host, waits until it serves, connects and logs in (when given an account). */
export async function startChildHost(dataDir: string, login: { loginName: string; password: string } | null, options: ChildHostOptions = {}): Promise<ChildHost> {
  return (await spawnHost(dataDir, options)).start(login);
}
