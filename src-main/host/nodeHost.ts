// The core host on plain Node: the browser preview and the end-to-end tests reach the same
// handlers over a WebSocket on 127.0.0.1, guarded by a random per-run token and the Origin.
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { Core } from '../core/core';
import { attachConnection } from './connection';
import { restrictFileModes } from '../core/store/permissions';
import { staticFiles } from './staticFiles';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export interface NodeHostOptions {
  dataDir: string;
  port?: number;
  /** Folder of the built renderer to serve; none for a core-only host. */
  renderer?: string | null;
  token?: string | null;
  core?: Core;
}

export interface NodeHost {
  url: string;
  port: number;
  token: string;
  core: Core;
  close(): Promise<void>;
}

function sameToken(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startNodeHost(options: NodeHostOptions): Promise<NodeHost> {
  // Before the core writes anything: the data folder is this user's alone (see permissions.ts).
  restrictFileModes();
  const core = options.core ?? (await Core.open({ dataDir: options.dataDir }));
  const token = options.token ?? randomBytes(24).toString('base64url');
  const serveStatic = options.renderer ? staticFiles(options.renderer, { 'content-security-policy': CONTENT_SECURITY_POLICY }) : null;
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (serveStatic) void serveStatic(req, res);
    else res.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
  let origin = '';
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    // A page on another site could open ws://127.0.0.1 too: only our own origin (or a client
    // with no Origin, such as the tests' Node client) may connect, and it still needs the token.
    const requestOrigin = req.headers.origin;
    const allowed = requestOrigin === undefined || requestOrigin === origin || requestOrigin === origin.replace('127.0.0.1', 'localhost');
    if (url.pathname !== '/rpc' || !allowed) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  const accept = (ws: WebSocket) => {
    let connection: ReturnType<typeof attachConnection> | null = null;
    const helloTimer = setTimeout(() => ws.close(4408, 'hello timeout'), 10_000);
    ws.on('message', (data, isBinary) => {
      // Binary or unparseable frames reach the connection as a bad message, answered as such.
      let message: unknown = undefined;
      if (!isBinary) {
        try {
          message = JSON.parse(data.toString());
        } catch {
          message = undefined;
        }
      }
      if (!connection) {
        const hello = message as { kind?: unknown; token?: unknown };
        if (hello?.kind !== 'hello' || !sameToken(hello.token, token)) {
          ws.close(4401, 'bad token');
          return;
        }
        clearTimeout(helloTimer);
        connection = attachConnection(core, (reply) => ws.send(JSON.stringify(reply)));
        ws.send(JSON.stringify({ kind: 'ready' }));
        return;
      }
      connection.receive(message);
    });
    ws.on('close', () => {
      clearTimeout(helloTimer);
      connection?.close();
    });
    ws.on('error', () => undefined);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    port,
    token,
    core,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
