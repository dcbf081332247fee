// The preview's static files: gzip when the browser accepts it, hashed assets cached for good,
// nothing outside the renderer's folder.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptsGzip, isHashedAsset, staticFiles } from './staticFiles';

const SCRIPT = `export const answer = ${JSON.stringify('乐业驿站 '.repeat(2000))};\n`;
let root: string;
let server: http.Server;
let port: number;

function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: pathname, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-static-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><script type="module" src="./assets/index-AbCd12_-.js"></script>');
  fs.writeFileSync(path.join(root, 'assets', 'index-AbCd12_-.js'), SCRIPT);
  fs.writeFileSync(path.join(root, 'assets', 'logo-Zz9yXx8w.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(os.tmpdir(), 'leye-static-secret.txt'), 'secret');
  const serve = staticFiles(root, { 'content-security-policy': "default-src 'self'" });
  server = http.createServer((req, res) => void serve(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('the preview’s static files', () => {
  it('sends the JavaScript gzipped to a browser that accepts it, a fraction of its size', async () => {
    const res = await get('/assets/index-AbCd12_-.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(zlib.gunzipSync(res.body).toString()).toBe(SCRIPT);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    // Asked again: the same bytes (kept, not compressed anew).
    const again = await get('/assets/index-AbCd12_-.js', { 'accept-encoding': 'gzip' });
    expect(again.body.equals(res.body)).toBe(true);
  });

  it('sends it plain to a client that does not accept gzip', async () => {
    const res = await get('/assets/index-AbCd12_-.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(SCRIPT);
    const refused = await get('/assets/index-AbCd12_-.js', { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('caches the content-hashed assets for good and asks for index.html every time', async () => {
    expect((await get('/assets/index-AbCd12_-.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const page = await get('/', { 'accept-encoding': 'gzip' });
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['content-security-policy']).toBe("default-src 'self'");
    expect(zlib.gunzipSync(page.body).toString()).toContain('index-AbCd12_-.js');
  });

  it('does not compress an image, and refuses paths outside the folder', async () => {
    const image = await get('/assets/logo-Zz9yXx8w.png', { 'accept-encoding': 'gzip' });
    expect(image.headers['content-encoding']).toBeUndefined();
    expect(image.headers['content-type']).toBe('image/png');
    expect((await get('/..%2fleye-static-secret.txt')).status).toBe(403);
    expect((await get('/missing.js')).status).toBe(404);
  });

  it('reads the Accept-Encoding header and the hashed names as browsers and Vite write them', () => {
    expect(acceptsGzip('gzip, deflate, br, zstd')).toBe(true);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip(undefined)).toBe(false);
    expect(isHashedAsset('/assets/rolldown-runtime-XKyaHtl9.js')).toBe(true);
    expect(isHashedAsset('/assets/posts-CXsJVoq-.js')).toBe(true);
    expect(isHashedAsset('/index.html')).toBe(false);
    expect(isHashedAsset('/assets/app.js')).toBe(false);
  });
});
