// The printed forms, end to end: the built renderer's print routes in the browser preview,
// filled from a core host with realistic data (a 50-holder month, long names), rendered to PDF
// by Chromium (page.pdf, the CSS page size and margin boxes), read back with poppler
// (pdfinfo/pdftotext) and turned into PNGs with pdftoppm.
//
// Set LEYE_PRINT_OUT=/some/dir to keep the PDFs and PNGs (otherwise a temporary folder).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { maskIdNumber } from '../../shared/id/mask';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import { connectToUrl } from '../../src-main/host/socketClient';
import { launchBrowser, localToday, logInIfAsked, startHost, tempDir } from './harness';
import { LONG_NAMES, PRINT_CLERK, previousMonth, seedAttendance, seedResidents, seedTraining, setUpPrintStation, type SeededPost, type SeededResidents, type SeededSession } from './printSeed';

const OUT = process.env.LEYE_PRINT_OUT ?? tempDir('leye-print-out-');
const MM = 72 / 25.4;
/** The print route says it is ready (data and fonts), for the route now in the address bar. */
// A function, not a string: the app's CSP forbids eval, which waitForFunction uses for strings.
const READY_PROBE = () => {
  const page = globalThis as unknown as { location: { hash: string }; document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
  return page.document.querySelector('[data-print-ready="true"]')?.getAttribute('data-print-hash') === page.location.hash;
};

interface Rendered {
  pdf: string;
  pages: number;
  /** Text per page (pdftotext -layout), split at form feeds. */
  pageTexts: string[];
  /** All text without whitespace, in content order (pdftotext -raw): wrapped cells read whole. */
  flat: string;
  pngs: string[];
  /** Page size in points and the right-most edge of any word, per page. */
  widthPt: number;
  rightmostPt: number[];
}

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** The print route of `hash` as Chromium prints it, read back with poppler. */
async function render(page: Page, hash: string, name: string): Promise<Rendered> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  // Ready for this very route (not the one before it).
  await page.waitForFunction(READY_PROBE, undefined, { timeout: 30_000 });
  // No cell's content spills over its border (A4 content width on screen equals the printed one).
  const spilled = await page.evaluate<string[]>(
    `[...document.querySelectorAll('.pf-table td, .pf-table th')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.innerText)`,
  );
  expect(spilled).toEqual([]);
  const pdf = path.join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const info = run('pdfinfo', [pdf]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const layout = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']);
  const raw = run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
  const bbox = run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-']);
  const widthPt = Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]);
  const rightmostPt = bbox
    .split('<page ')
    .slice(1)
    .map((p) => Math.max(0, ...[...p.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1]))));
  run('pdftoppm', ['-r', '70', '-png', pdf, path.join(OUT, name)]);
  const pngs = fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'));
  return { pdf, pages, pageTexts: layout.split('\f').filter((t) => t.trim() !== ''), flat: raw.replace(/\s+/g, ''), pngs, widthPt, rightmostPt };
}

/** Every page carries "第 N 页 共 M 页" with its own number. */
function expectPageNumbers(doc: Rendered) {
  expect(doc.pageTexts).toHaveLength(doc.pages);
  doc.pageTexts.forEach((text, i) => expect(text.replace(/\s+/g, '')).toContain(`第${i + 1}页共${doc.pages}页`));
}

/** Nothing runs past the right margin (given in mm) of any page. */
function expectWithinRightMargin(doc: Rendered, marginMm: number) {
  for (const right of doc.rightmostPt) expect(right).toBeLessThanOrEqual(doc.widthPt - marginMm * MM + 1);
}

const FULL_ID = /\d{17}[\dX]/;

describe('printed forms, end to end', () => {
  const dataDir = tempDir('leye-e2e-print-');
  const today = localToday();
  const month = previousMonth();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  let core: { client: LeyeBridge; close(): void };
  let post: SeededPost;
  let residents: SeededResidents;
  let training: SeededSession;

  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    host = await startHost({ dataDir });
    core = await connectToUrl(host.url);
    await setUpPrintStation(core.client);
    post = await seedAttendance(core.client, month, 50, today);
    residents = await seedResidents(core.client, today);
    training = await seedTraining(core.client, today, 36);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(host.url);
    await logInIfAsked(page, PRINT_CLERK);
  });

  afterAll(async () => {
    core?.close();
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the 50-holder month attendance sheet over several landscape pages with repeated headers, totals and signature column', async () => {
    const summary = await core.client.call('attendance.summary', { postId: post.postId, month });
    const doc = await render(page, `#/print/attendance/${encodeURIComponent(post.postId)}/${month}`, 'attendance-50');
    expect(doc.pages).toBeGreaterThanOrEqual(2);
    expect(doc.pngs).toHaveLength(doc.pages);
    // Landscape A4: 297 mm wide.
    expect(Math.round(doc.widthPt / MM)).toBe(297);
    expectPageNumbers(doc);
    expectWithinRightMargin(doc, 10);
    // The header row (with the signature column) and the post's caption repeat on every page.
    for (const text of doc.pageTexts) {
      const flat = text.replace(/\s+/g, '');
      expect(flat).toContain('本人签名');
      expect(flat).toContain('应发（元）');
      expect(flat).toContain('GY-050');
    }
    // Every holder, long names whole, masked ID numbers only.
    for (const [i, name] of post.names.entries()) {
      expect(doc.flat).toContain(name);
      expect(doc.flat).toContain(maskIdNumber(post.idNumbers[i]!));
      expect(doc.flat).not.toContain(post.idNumbers[i]!);
    }
    expect(doc.flat).not.toMatch(FULL_ID);
    // Pay due of every holder and the month's total, as the core computes them.
    for (const h of summary.holders) expect(doc.flat).toContain(h.payDue.toFixed(2));
    const total = summary.holders.reduce((s, h) => s + Math.round(h.payDue * 100), 0) / 100;
    expect(doc.flat).toContain(`合计`);
    expect(doc.pageTexts.at(-1)!.replace(/\s+/g, '')).toContain(total.toFixed(2));
    // The review lines at the end.
    expect(doc.flat).toContain('村（社区）负责人审核');
    expect(doc.flat).toContain('乡镇（街道）审核意见');
    expect(doc.flat).toContain(`经办人：${PRINT_CLERK.displayName}`);
  });

  it('prints the 失业登记表 with the full ID number, photo box, station, place and signature lines on one page', async () => {
    const doc = await render(page, `#/print/registration/${encodeURIComponent(residents.unemployed.id)}`, 'registration');
    expect(doc.pages).toBe(1);
    expectPageNumbers(doc);
    expectWithinRightMargin(doc, 14);
    for (const text of ['失业登记表', residents.unemployed.name, residents.unemployed.idNumber, '照片', '解放桥社区居民委员会', '山东省济南市历下区解放路街道', '本人签名', '经办人', PRINT_CLERK.displayName, '失去工作岗位人员', '叉车司机']) {
      expect(doc.flat).toContain(text.replace(/\s+/g, ''));
    }
    // The long address wraps inside its cell and is all there.
    expect(doc.flat).toContain(residents.unemployed.address.replace(/\s+/g, ''));
  });

  it('prints the 就业困难人员认定申请表 with family, ticked category boxes and the three review lines', async () => {
    const doc = await render(page, `#/print/hardshipApplication/${encodeURIComponent(residents.hardship.id)}`, 'hardship-application');
    expect(doc.pages).toBeLessThanOrEqual(2);
    expectPageNumbers(doc);
    expectWithinRightMargin(doc, 14);
    for (const text of ['就业困难人员认定申请表', residents.hardship.name, residents.hardship.idNumber, ...residents.hardship.family, '村（社区）意见', '乡镇（街道）意见', '县级人力资源社会保障部门审核意见', '申请人签名']) {
      expect(doc.flat).toContain(text);
    }
    expect(doc.flat).toContain('☑大龄失业人员');
    expect(doc.flat).toContain('☑零就业家庭成员');
    expect(doc.flat).toContain('☐残疾人');
  });

  it('refuses the 认定申请表 for a job seeker, naming the reason', async () => {
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#/print/hardshipApplication/${encodeURIComponent(residents.unemployed.id)}`)}`);
    await page.getByTestId('print-error').filter({ hasText: '不是就业困难人员认定申请' }).waitFor();
  });

  it('prints the 公示 with names, sex, age and category, the clerk and phone, and no ID number or address', async () => {
    const doc = await render(page, `#/print/hardshipNotice/${today}/${today}/${today}/${today}/0531-86001234`, 'notice');
    expectPageNumbers(doc);
    for (const text of ['就业困难人员认定公示', residents.hardship.name, '女', '0531-86001234', PRINT_CLERK.displayName, '零就业家庭成员']) expect(doc.flat).toContain(text);
    expect(doc.flat).not.toMatch(FULL_ID);
    expect(doc.flat).not.toContain(maskIdNumber(residents.hardship.idNumber));
    expect(doc.flat).not.toContain('东区7号楼');
    // Only 就业困难 applicants: nobody else of the station.
    expect(doc.flat).not.toContain(residents.unemployed.name);
  });

  it('prints the sign-in sheet of the half-day: every trainee, masked IDs, times, signature column, over pages', async () => {
    const doc = await render(page, `#/print/signInSheet/${encodeURIComponent(training.sessionId)}/${training.date}/${training.half}`, 'sign-in');
    expect(doc.pages).toBeGreaterThanOrEqual(2);
    expectPageNumbers(doc);
    expectWithinRightMargin(doc, 14);
    // Every page with trainees on it repeats the header row.
    const withRows = doc.pageTexts.filter((text) => training.names.some((n) => text.includes(n.slice(0, 3))));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const text of withRows) expect(text.replace(/\s+/g, '')).toContain('签到时间');
    for (const [i, name] of training.names.entries()) {
      expect(doc.flat).toContain(name);
      expect(doc.flat).toContain(maskIdNumber(training.idNumbers[i]!));
    }
    expect(doc.flat).not.toMatch(FULL_ID);
    expect(doc.flat).toContain(LONG_NAMES[0]);
    expect(doc.flat).toContain(`应到${training.names.length}人，实到${training.signedIn}人`);
  });

  describe('the print buttons of the screens (browser preview: the browser\'s print, then back)', () => {
    /** window.print stands in for the browser's dialog: it notes the route it printed, then the print ends. */
    const STUB_PRINT = `window.__printed = []; window.print = () => { window.__printed.push(window.location.hash + (document.querySelector('[data-print-ready="true"]') ? ' ready' : '')); setTimeout(() => window.dispatchEvent(new Event('afterprint')), 0); }`;

    /** Clicks through from `startHash`; the form printed (once, ready) must be `formHash` (or start with it), then the screen is back. */
    async function printedFrom(startHash: string, click: () => Promise<void>, formHash: string): Promise<void> {
      await page.evaluate(`window.location.hash = ${JSON.stringify(startHash)}`);
      await page.evaluate(STUB_PRINT);
      await click();
      await page.waitForFunction(() => (globalThis as unknown as { __printed: string[] }).__printed.length === 1, undefined, { timeout: 30_000 });
      await page.waitForFunction((hash) => (globalThis as unknown as { location: { hash: string } }).location.hash === hash, startHash);
      const printed = await page.evaluate<string[]>(`window.__printed`);
      expect(printed).toHaveLength(1);
      expect(printed[0]!.startsWith(formHash)).toBe(true);
      expect(printed[0]!.endsWith(' ready')).toBe(true);
    }

    it('prints the month sheet from the attendance screen', async () => {
      const start = `#/posts/${encodeURIComponent(post.postId)}/attendance/${month}`;
      await printedFrom(start, () => page.getByTestId('print-attendance').click(), `#/print/attendance/${encodeURIComponent(post.postId)}/${month} `);
    });

    it('prints the registration and the 认定申请表 from the resident drawer, and the 公示 from the residents screen', async () => {
      // A 失业登记 prints its 失业登记表; a 就业困难 application its 认定申请表 (and no 失业登记表).
      const unemployed = encodeURIComponent(residents.unemployed.id);
      await printedFrom(`#/residents/${unemployed}`, () => page.getByTestId('print-registration').click(), `#/print/registration/${unemployed} `);
      const id = encodeURIComponent(residents.hardship.id);
      const drawer = `#/residents/${id}`;
      await printedFrom(drawer, () => page.getByTestId('print-hardship').click(), `#/print/hardshipApplication/${id} `);
      await printedFrom(
        '#/residents',
        async () => {
          await page.getByTestId('notice-open').click();
          await page.getByTestId('notice-phone').fill('0531-86001234');
          await page.getByTestId('notice-print').click();
        },
        '#/print/hardshipNotice/',
      );
    });

    it('prints the sign-in sheet of the half-day under way and the summary from the session screen', async () => {
      const id = encodeURIComponent(training.sessionId);
      const start = `#/training/${id}`;
      await printedFrom(start, () => page.getByTestId('print-sign-in').click(), `#/print/signInSheet/${id}/${training.date}/${training.half} `);
      await printedFrom(start, () => page.getByTestId('print-summary').click(), `#/print/trainingSummary/${id} `);
    });
  });

  it('prints the session attendance summary with rates, saying eligibility waits for the end of a session still running', async () => {
    const attendance = await core.client.call('training.attendance', { sessionId: training.sessionId });
    const doc = await render(page, `#/print/trainingSummary/${encodeURIComponent(training.sessionId)}`, 'training-summary');
    expectPageNumbers(doc);
    expectWithinRightMargin(doc, 14);
    for (const name of training.names) expect(doc.flat).toContain(name);
    expect(doc.flat).not.toMatch(FULL_ID);
    // The seeded session runs today: nobody is marked 未达标 before it ends.
    expect(doc.flat).toContain(`参训${attendance.trainees.length}人；培训尚未结业`);
    expect(doc.flat).toContain('未结业');
    expect(doc.flat).not.toContain('未达标');
  });
});
