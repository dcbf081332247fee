// Issue 17, the township payroll: a township with 30 villages × 50 holders, each village's relay
// copy seeded as its sync would have brought it (residents, 5 posts × 10 holders, a month of
// daily marks, the month closed with its totals, a payment account per holder, the batch it came
// in); then, through the core host process and Chromium as the window runs them, the printed
// 补贴发放表's route until it is ready to print, and the .xlsx export.
import { hostReady } from './host';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { docId } from '../shared/documents/registry';
import { SCHEMA_VERSION } from '../shared/documents';
import { placeChildren } from '../shared/places';
import type { MonthTotals } from '../shared/posts/contract';
import { Core, type Session } from '../src-main/core/core';
import { prng } from '../src-main/core/station/demo';
import type { SyncService } from '../src-main/core/sync/sync';
import { connectSocket } from '../src-main/host/socketClient';
import { percentile, printTargets } from './stats';

const ROOT = path.resolve(__dirname, '../..');
const HOST = path.join(ROOT, 'dist/host/node-host.cjs');
const RENDERER = path.join(ROOT, 'dist/renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VILLAGES = 30;
const POSTS_PER_VILLAGE = 5;
const HOLDERS_PER_POST = 10;
const SAMPLES = 5;
const CLERK = { loginName: 'bench', displayName: '基准', password: 'bench-password' };
export const PAYROLL_TARGETS = { payroll_print_ms: 2000, payroll_xlsx_ms: 2000 };
const READY_PROBE = () => {
  const page = globalThis as unknown as { location: { hash: string }; document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
  return page.document.querySelector('[data-print-ready="true"]')?.getAttribute('data-print-hash') === page.location.hash;
};
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '秀英桂兰玉兰建华志强明军海燕丽娟国庆红梅振华淑珍';
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The first township of Shandong with at least 30 villages (the payroll's size). */
function bigTownship(): { township: string; villages: string[] } {
  for (const county of ['370102', '370112', '370181', '370124']) {
    for (const t of placeChildren(county)) {
      const villages = placeChildren(t.code).map((v) => v.code);
      if (villages.length >= VILLAGES) return { township: t.code, villages: villages.slice(0, VILLAGES) };
    }
  }
  throw new Error('no township with 30 villages');
}

/** One village's relay copy, as its sync brings it: the closed month and what it is made of. */
async function seedVillage(sync: SyncService, village: string, v: number, month: string): Promise<number> {
  const random = prng(1000 + v);
  const db = sync.relay(village);
  const at = `${month}-28T08:00:00.000Z`;
  const stamp = { schemaVersion: SCHEMA_VERSION, placeCode: village, createdBy: 'clerk', createdAt: at, updatedBy: 'clerk', updatedAt: at };
  const docs: ({ _id: string } & Record<string, unknown>)[] = [];
  const days = new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0).getDate();
  for (let p = 0; p < POSTS_PER_VILLAGE; p++) {
    const code = `G-${pad(p + 1, 3)}`;
    const postId = docId.post(village, code);
    docs.push({ _id: postId, type: 'post', ...stamp, code, name: `${['保洁', '护林', '道路养护', '助老', '文化设施'][p]}岗`, kind: 'rural', category: 'ruralCleaning', employer: { name: '乡镇人民政府', creditCode: '' }, plannedHoursPerMonth: 80, payPerMonthFen: 100_000, startDate: '2025-01-01', endDate: '2027-12-31' });
    const holders: MonthTotals[] = [];
    for (let h = 0; h < HOLDERS_PER_POST; h++) {
      const key = `${pad(v, 2)}${pad(p, 2)}${pad(h, 2)}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!).padEnd(26, 'a');
      const residentId = docId.resident(key);
      const name = `${SURNAMES[Math.floor(random() * SURNAMES.length)]}${GIVEN.slice(Math.floor(random() * (GIVEN.length / 2)) * 2, Math.floor(random() * (GIVEN.length / 2)) * 2 + 2)}`;
      docs.push({ _id: docId.assignment(postId, residentId, '2025-01-01'), type: 'assignment', ...stamp, postId, residentId, startDate: '2025-01-01', endDate: '2027-12-31', contractNo: `HT-${v}-${p}-${h}`, override: null });
      let present = 0;
      let hours = 0;
      for (let d = 1; d <= days; d++) {
        const date = `${month}-${pad(d)}`;
        const mark = new Date(date).getDay() % 6 === 0 ? 'rest' : random() < 0.9 ? 'present' : 'personalLeave';
        const worked = mark === 'present' ? 4 : 0;
        if (mark === 'present') present += 1;
        hours += worked;
        docs.push({ _id: docId.attendance(postId, residentId, date), type: 'attendance', ...stamp, postId, residentId, date, mark, hours: worked, history: [] });
      }
      const payDue = Math.round(1000 * Math.min(1, hours / 80) * 100) / 100;
      holders.push({ residentId, name, presentDays: present, personalLeaveDays: 0, sickLeaveDays: 0, absentDays: 0, restDays: 0, unmarkedDays: 0, hours, payDue, hourlyPay: hours ? payDue / hours : null, belowMinimum: false });
      docs.push({ _id: docId.payAccount(village, residentId, '2025-01-01'), type: 'payAccount', ...stamp, residentId, kind: h % 3 ? 'bankCard' : 'socialSecurityCard', bankName: '农商银行', accountNo: `62284800${pad(v, 2)}${pad(p, 2)}${pad(h, 4)}`, effectiveFrom: '2025-01-01', holderName: name });
    }
    docs.push({ _id: docId.monthClose(postId, month), type: 'monthClose', ...stamp, postId, month, status: 'closed', summary: { postId, month, minimumWage: null, holders }, history: [{ action: 'close', by: 'clerk', at, reason: '' }] });
  }
  docs.push({ _id: docId.batch(village, at, 'abc123'), type: 'batch', ...stamp, documents: docs.length });
  for (let i = 0; i < docs.length; i += 2000) await db.bulkDocs(docs.slice(i, i + 2000));
  return docs.length;
}

export async function benchPayroll(): Promise<Record<string, number>> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) {
    const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('building the renderer failed');
  }
  const { township, villages } = bigTownship();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-bench-payroll-'));
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const month = `${first.getFullYear()}-${pad(first.getMonth() + 1)}`;
  // The township and its villages' copies, written in this process; then served by a host.
  const seedStart = performance.now();
  const core = await Core.open({ dataDir, backupSchedule: { firstCheckMs: Infinity } });
  const session: Session = { user: null };
  await core.call(session, 'station.setup', { placeCode: township, clerk: CLERK });
  const sync = (core as unknown as { sync: SyncService }).sync;
  let docs = 0;
  for (const [v, village] of villages.entries()) docs += await seedVillage(sync, village, v, month);
  await core.close();
  const seedSeconds = Math.round((performance.now() - seedStart) / 100) / 10;
  console.log(`payroll: seeded ${VILLAGES} villages' relay copies of township ${township} (${docs} documents) in ${seedSeconds} s`);

  const child = spawn(process.execPath, [HOST, '--data-dir', dataDir, '--renderer', RENDERER, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync'] });
  try {
    const ready = await hostReady(child);
    const { client, close } = await connectSocket(ready.port, ready.token);
    await client.call('auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    const sheet = await client.call('payroll.month', { month });
    const holders = sheet.villages.reduce((n, v) => n + v.rows.length, 0);
    const xlsxTimes: number[] = [];
    let bytes = 0;
    for (let i = 0; i < SAMPLES; i++) {
      const start = performance.now();
      const file = await client.call('payroll.export', { month });
      xlsxTimes.push(performance.now() - start);
      bytes = Buffer.byteLength(file.content, 'base64');
    }
    close();

    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(ready.url);
    await page.getByTestId('login-name').fill(CLERK.loginName);
    await page.getByTestId('login-password').fill(CLERK.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
    const hash = `#/print/payroll/${month}/masked`;
    const printTimes: number[] = [];
    let pages = 0;
    for (let i = 0; i < SAMPLES; i++) {
      await page.evaluate(`window.location.hash = '#/payroll'`);
      await page.getByTestId('current-user').waitFor();
      const start = performance.now();
      await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
      if (process.env.LEYE_BENCH_PHASES) {
        await page.locator('[data-print-form]').waitFor();
        console.log(`  form in the page after ${Math.round(performance.now() - start)} ms`);
      }
      await page.waitForFunction(READY_PROBE, undefined, { timeout: 60_000 });
      printTimes.push(performance.now() - start);
      pages = await page.locator('[data-testid="pf-payroll-page"]').count();
    }
    const figures = {
      payroll_holders: holders,
      payroll_print_ms: percentile(printTimes, 50),
      payroll_print_first_ms: Math.round(printTimes[0]!),
      payroll_print_pages: pages,
      payroll_xlsx_ms: percentile(xlsxTimes, 50),
      payroll_xlsx_kb: Math.round(bytes / 1024),
      payroll_seed_seconds: seedSeconds,
    };
    console.log(`payroll: ${holders} holders of ${sheet.villages.length} villages; print route ready p50 ${figures.payroll_print_ms} ms (first ${figures.payroll_print_first_ms} ms, ${pages} pages); .xlsx p50 ${figures.payroll_xlsx_ms} ms (${figures.payroll_xlsx_kb} KB)`);
    printTargets(figures, PAYROLL_TARGETS);
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
