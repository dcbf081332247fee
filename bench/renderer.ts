// Issue 18: the renderer's start on a low-end PC. The built renderer served by the core host (the
// browser preview exactly as a user starts it, on the demo station), opened in headless Chromium
// with the CPU throttled 4× through the DevTools protocol. Each sample is a fresh browser context
// (an empty cache, as after a restart of the app). Beside each sample of the app, two pages measured
// the same way show the floor of the machine at that minute: a login form in plain HTML, one drawn
// by React alone with antd.css's classes (as the app's login screen is drawn), and one drawn with
// React and Ant Design's components, holding nothing of the app (bench/rendererFloor).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { hostReady } from './host';
import { printTargets } from './stats';

const HOST = path.resolve(__dirname, '../host/node-host.cjs');
const RENDERER = path.resolve(__dirname, '../renderer');
const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const THROTTLE = 4;

export const RENDERER_TARGETS = { renderer_login_4x_ms: 1500, renderer_list_4x_ms: 2500, renderer_login_js_gzip_kb: 600 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Builds the floor pages (bench/rendererFloor) with the project's Vite and serves them on 127.0.0.1. */
async function floorPages(): Promise<{ plain: string; react: string; antd: string; close: () => void }> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-floor-'));
  // Two builds, so the React page shares no chunk with the antd page (plain.html has no script).
  for (const [pages, keep] of [['index,plain', '0'], ['react', '1']] as const) {
    const built = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', path.join(ROOT, 'bench/rendererFloor/vite.config.ts')], {
      cwd: ROOT,
      env: { ...process.env, LEYE_FLOOR_OUT: out, LEYE_FLOOR_PAGES: pages, LEYE_FLOOR_KEEP: keep },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (built.status !== 0) throw new Error(`the floor pages (${pages}) did not build`);
  }
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const file = path.join(out, path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.startsWith(out) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    plain: `${base}/plain.html`,
    react: `${base}/react.html`,
    antd: `${base}/index.html`,
    close: () => {
      server.close();
      fs.rmSync(out, { recursive: true, force: true });
    },
  };
}

/** Page opened → the two inputs visible and enabled: the `login` figure's measure, for any page that has them. */
async function untilUsable(page: Page, url: string): Promise<number> {
  const opened = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByTestId('login-name').waitFor({ state: 'visible', timeout: 60_000 });
  // Both inputs enabled (not covered by a loading state): the clerk can type.
  await page.waitForFunction(
    `[...document.querySelectorAll('input[data-testid="login-name"], input[data-testid="login-password"]')].filter((i) => !i.disabled).length === 2`,
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  return performance.now() - opened;
}

/** One sample of a floor page, in a fresh throttled context as the app's. */
async function floorSample(browser: Browser, url: string): Promise<number> {
  const page = await throttled(browser);
  try {
    return await untilUsable(page, url);
  } finally {
    await page.context().close();
  }
}

async function throttled(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return page;
}

/**
 * One sample. `login`: page opened (navigation started) → the login form's name and password
 * inputs visible and enabled. `list`: 登录 clicked → the landing screen (待办 at a village) →
 * 居民 clicked in the side menu as a clerk does → the first resident row visible.
 */
async function sample(browser: Browser, url: string): Promise<{ login: number; list: number; jsGzipBytes: number; cssGzipBytes: number; jsFiles: string[]; listFiles: string[] }> {
  const page = await throttled(browser);
  const jsFiles: string[] = [];
  const listFiles: string[] = [];
  const sizes: Promise<number>[] = [];
  const cssSizes: Promise<number>[] = [];
  let counting = true;
  page.on('response', (response) => {
    if (counting && /\.css$/.test(new URL(response.url()).pathname)) cssSizes.push(response.body().then((body) => zlib.gzipSync(body, { level: 9 }).length, () => 0));
    if (!/\.m?js$/.test(new URL(response.url()).pathname)) return;
    const name = path.basename(new URL(response.url()).pathname);
    if (!counting) return void listFiles.push(name);
    jsFiles.push(name);
    sizes.push(response.body().then((body) => zlib.gzipSync(body, { level: 9 }).length, () => 0));
  });
  const login = await untilUsable(page, url);
  const name = page.getByTestId('login-name');
  const password = page.getByTestId('login-password');
  counting = false;
  const jsGzipBytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
  const cssGzipBytes = (await Promise.all(cssSizes)).reduce((a, b) => a + b, 0);

  await name.fill('demo');
  await password.fill('demo1234');
  const submitted = performance.now();
  await page.getByTestId('login-submit').click();
  await page.getByTestId('nav-residents').click({ timeout: 60_000 });
  await page.getByTestId('resident-row').first().waitFor({ state: 'visible', timeout: 60_000 });
  const list = performance.now() - submitted;
  await page.context().close();
  return { login, list, jsGzipBytes, cssGzipBytes, jsFiles, listFiles };
}

export async function benchRenderer(samples = 5): Promise<{
  renderer_login_4x_ms: number;
  renderer_list_4x_ms: number;
  renderer_login_js_gzip_kb: number;
  renderer_floor_html_4x_ms: number;
  renderer_floor_react_4x_ms: number;
  renderer_floor_antd_4x_ms: number;
}> {
  const floor = await floorPages();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-renderer-'));
  const child = spawn(process.execPath, [HOST, '--data-dir', dataDir, '--renderer', RENDERER, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const { url } = await hostReady(child);
    // The demo station (60 fake residents), set up once and unthrottled; every sample then logs in.
    const setup = await browser.newPage();
    await setup.goto(url);
    await setup.getByTestId('setup-demo').click({ timeout: 60_000 });
    await setup.getByTestId('login-name').or(setup.getByTestId('current-user')).first().waitFor({ timeout: 60_000 });
    await setup.context().close();
    // Warm-up: the host's disk cache and Chromium's first start.
    await floorSample(browser, floor.plain);
    await floorSample(browser, floor.react);
    await floorSample(browser, floor.antd);
    await sample(browser, url);
    const runs = [];
    const plain: number[] = [];
    const react: number[] = [];
    const antd: number[] = [];
    // The four pages take turns, so each minute's speed of the machine shows in all of them.
    for (let i = 0; i < samples; i++) {
      plain.push(await floorSample(browser, floor.plain));
      react.push(await floorSample(browser, floor.react));
      antd.push(await floorSample(browser, floor.antd));
      runs.push(await sample(browser, url));
    }
    const figures = {
      renderer_login_4x_ms: median(runs.map((r) => r.login)),
      renderer_list_4x_ms: median(runs.map((r) => r.list)),
      renderer_login_js_gzip_kb: Math.round(median(runs.map((r) => r.jsGzipBytes)) / 1024),
      renderer_floor_html_4x_ms: median(plain),
      renderer_floor_react_4x_ms: median(react),
      renderer_floor_antd_4x_ms: median(antd),
    };
    console.log(
      `renderer floor (CPU ×${THROTTLE}, taking turns with the app): a login form in plain HTML usable ${figures.renderer_floor_html_4x_ms} ms [${plain.map(Math.round).join(', ')}]; ` +
        `drawn by React alone with antd.css's classes ${figures.renderer_floor_react_4x_ms} ms [${react.map(Math.round).join(', ')}]; ` +
        `with React and Ant Design's components (bench/rendererFloor) ${figures.renderer_floor_antd_4x_ms} ms [${antd.map(Math.round).join(', ')}]`,
    );
    console.log(`renderer (CPU ×${THROTTLE}, median of ${samples}): page opened → login usable ${figures.renderer_login_4x_ms} ms [${runs.map((r) => Math.round(r.login)).join(', ')}]`);
    console.log(`renderer (CPU ×${THROTTLE}): 登录 clicked → 待办 → 居民 clicked → first resident row ${figures.renderer_list_4x_ms} ms [${runs.map((r) => Math.round(r.list)).join(', ')}]`);
    console.log(`renderer: JavaScript the login screen loaded ${figures.renderer_login_js_gzip_kb} KB gzipped (${runs[0]!.jsFiles.join(', ')}), and ${Math.round(runs[0]!.cssGzipBytes / 1024)} KB of CSS; then for the list: ${runs[0]!.listFiles.join(', ') || 'none'}`);
    return figures;
  } finally {
    await browser.close();
    floor.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `--only renderer`. */
export async function onlyRenderer(): Promise<void> {
  const figures = await benchRenderer();
  printTargets(figures, RENDERER_TARGETS);
  console.log(JSON.stringify(figures));
}
