// The built renderer as the core host serves it to the browser preview (and the e2e tests):
// compressed with gzip when the browser accepts it (a 4× smaller download of the JavaScript), and
// the content-hashed files under assets/ cached for good, so a reload reads them from the cache.
import type http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Text types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map']);

/** A file Vite named by its content (`name-[hash8].ext` under assets/): it never changes under that name. */
export function isHashedAsset(relative: string): boolean {
  return /^\/assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(relative);
}

export function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Serves files from `root` (the built renderer), with `headers` added to every answer. The gzip of
 * each file is made once (or read from a `.gz` beside it) and kept: the renderer's files do not
 * change while the host runs, and all of them compressed come to about 1.5 MB.
 */
export function staticFiles(root: string, headers: Record<string, string>) {
  const base = path.resolve(root);
  const compressed = new Map<string, Promise<Buffer>>();

  const gzipped = (file: string, body: Buffer): Promise<Buffer> => {
    let cached = compressed.get(file);
    if (!cached) {
      cached = fs.promises.readFile(`${file}.gz`).catch(() => gzip(body, { level: 9 }));
      compressed.set(file, cached);
    }
    return cached;
  };

  return async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let relative: string;
    try {
      relative = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(base, `.${relative === '/' ? '/index.html' : relative}`);
    if (!file.startsWith(base + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    let body: Buffer;
    try {
      body = await fs.promises.readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const ext = path.extname(file);
    const head: Record<string, string> = {
      ...headers,
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      // index.html names the current hashed files: always asked again; the hashed files never.
      'cache-control': isHashedAsset(relative) ? 'public, max-age=31536000, immutable' : 'no-store',
    };
    if (COMPRESSIBLE.has(ext)) {
      head.vary = 'Accept-Encoding';
      if (acceptsGzip(req.headers['accept-encoding'])) {
        body = await gzipped(file, body);
        head['content-encoding'] = 'gzip';
      }
    }
    head['content-length'] = String(body.length);
    res.writeHead(200, head);
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
