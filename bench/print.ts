// Issue 5, printed forms: the 50-holder × 31-day month attendance sheet rendered to PDF by
// Chromium from the print route of the built renderer, served by the core host process (as the
// browser preview and the end-to-end tests run it). Timed from asking for the route to the PDF
// bytes: the core's fill (grid, totals, audit entry on disk), React's render, fonts, layout, PDF.
import { hostReady } from './host';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { connectSocket } from '../src-main/host/socketClient';
import { PRINT_CLERK, seedAttendance, setUpPrintStation } from '../tests/e2e/printSeed';
import { percentile } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const HOST = path.join(ROOT, 'dist/host/node-host.cjs');
const RENDERER = path.join(ROOT, 'dist/renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SAMPLES = 10;
/** The print route says it is ready (data and fonts), for the route now in the address bar. */
// A function, not a string: the app's CSP forbids eval, which waitForFunction uses for strings.
const READY_PROBE = () => {
  const page = globalThis as unknown as { location: { hash: string }; document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
  return page.document.querySelector('[data-print-ready="true"]')?.getAttribute('data-print-hash') === page.location.hash;
};

const pad = (n: number) => String(n).padStart(2, '0');

export async function benchPrint(): Promise<{ print_attendance_pdf_ms: number; print_attendance_pdf_p95_ms: number; print_attendance_pdf_first_ms: number; print_attendance_pages: number }> {
  // `npm run bench` builds only the Node side; the print route needs the renderer too.
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) {
    const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the renderer failed');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-print-'));
  const child = spawn(process.execPath, [HOST, '--data-dir', dataDir, '--renderer', RENDERER, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const ready = await hostReady(child);
    const { client, close } = await connectSocket(ready.port, ready.token);
    await setUpPrintStation(client);
    const now = new Date();
    const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    const month = `${first.getFullYear()}-${pad(first.getMonth() + 1)}`;
    const post = await seedAttendance(client, month, 50, today);
    close();

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(ready.url);
    await page.getByTestId('login-name').fill(PRINT_CLERK.loginName);
    await page.getByTestId('login-password').fill(PRINT_CLERK.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();

    const pdfPath = path.join(dataDir, 'attendance.pdf');
    const hash = `#/print/attendance/${encodeURIComponent(post.postId)}/${month}`;
    const renderOnce = async (): Promise<number> => {
      // Leave the route first so every sample fills and lays out the form afresh.
      await page.evaluate(`window.location.hash = '#/posts'`);
      await page.getByTestId('current-user').waitFor();
      const start = performance.now();
      await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
      await page.waitForFunction(READY_PROBE);
      if (process.env.LEYE_BENCH_PHASES) console.log(`  ready after ${Math.round(performance.now() - start)} ms`);
      await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
      return performance.now() - start;
    };
    const firstMs = await renderOnce();
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) times.push(await renderOnce());
    const info = spawnSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout ?? '')?.[1] ?? 0);
    const figures = {
      print_attendance_pdf_ms: percentile(times, 50),
      print_attendance_pdf_p95_ms: percentile(times, 95),
      print_attendance_pdf_first_ms: Math.round(firstMs),
      print_attendance_pages: pages,
    };
    console.log(`print: ${post.names.length}-holder attendance sheet of ${month} to PDF: first ${figures.print_attendance_pdf_first_ms} ms, p50 ${figures.print_attendance_pdf_ms} ms, p95 ${figures.print_attendance_pdf_p95_ms} ms, ${pages} pages`);
    return figures;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
