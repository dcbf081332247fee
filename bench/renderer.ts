// Issue 18: the renderer's start on a low-end PC. The built renderer served by the core host (the
// browser preview exactly as a user starts it, on the demo station), opened in headless Chromium
// with the CPU throttled 4× through the DevTools protocol. Each sample is a fresh browser context
// (an empty cache, as after a restart of the app).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { hostReady } from './host';
import { printTargets } from './stats';

const HOST = path.resolve(__dirname, '../host/node-host.cjs');
const RENDERER = path.resolve(__dirname, '../renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const THROTTLE = 4;

export const RENDERER_TARGETS = { renderer_login_4x_ms: 1500, renderer_list_4x_ms: 2500, renderer_login_js_gzip_kb: 600 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
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
  const opened = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const name = page.getByTestId('login-name');
  const password = page.getByTestId('login-password');
  await name.waitFor({ state: 'visible', timeout: 60_000 });
  // Both inputs enabled (not covered by a loading state): the clerk can type.
  await page.waitForFunction(
    `[...document.querySelectorAll('input[data-testid="login-name"], input[data-testid="login-password"]')].filter((i) => !i.disabled).length === 2`,
    undefined,
    { timeout: 60_000, polling: 'raf' },
  );
  const login = performance.now() - opened;
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

export async function benchRenderer(samples = 5): Promise<{ renderer_login_4x_ms: number; renderer_list_4x_ms: number; renderer_login_js_gzip_kb: number }> {
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
    await sample(browser, url); // warm-up: the host's disk cache and Chromium's first start
    const runs = [];
    for (let i = 0; i < samples; i++) runs.push(await sample(browser, url));
    const figures = {
      renderer_login_4x_ms: median(runs.map((r) => r.login)),
      renderer_list_4x_ms: median(runs.map((r) => r.list)),
      renderer_login_js_gzip_kb: Math.round(median(runs.map((r) => r.jsGzipBytes)) / 1024),
    };
    console.log(`renderer (CPU ×${THROTTLE}, median of ${samples}): page opened → login usable ${figures.renderer_login_4x_ms} ms [${runs.map((r) => Math.round(r.login)).join(', ')}]`);
    console.log(`renderer (CPU ×${THROTTLE}): 登录 clicked → 待办 → 居民 clicked → first resident row ${figures.renderer_list_4x_ms} ms [${runs.map((r) => Math.round(r.list)).join(', ')}]`);
    console.log(`renderer: JavaScript the login screen loaded ${figures.renderer_login_js_gzip_kb} KB gzipped (${runs[0]!.jsFiles.join(', ')}), and ${Math.round(runs[0]!.cssGzipBytes / 1024)} KB of CSS; then for the list: ${runs[0]!.listFiles.join(', ') || 'none'}`);
    return figures;
  } finally {
    await browser.close();
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
