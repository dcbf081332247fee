// The township payroll at the window: two villages' USB files imported at the township (one
// closed its month, one did not) and a post the township runs itself; the 补贴发放表 screen
// shows the rows, the village subtotals and the missing village, in both languages; the printed
// sheet (A4 landscape, read back from the PDF) carries the headers and 本页小计 on every page and
// the grand total and signature lines on the last; the .xlsx download opens with exceljs.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep screenshots, LEYE_PRINT_OUT=/some/dir the PDFs and PNGs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { carry, MONTH, seedPost } from '../../src-main/core/payroll/testVillages';
import { VILLAGE } from '../../src-main/core/testing/fixtures';
import { OTHER_VILLAGE, TOWNSHIP, closeStation, station } from '../../src-main/core/transfer/testStations';
import { launchBrowser, logInIfAsked, shot, startHost, tempDir, waitForCount, type RunningHost } from './harness';

const OUT = process.env.LEYE_PRINT_OUT ?? tempDir('leye-payroll-out-');
const CLERK = { loginName: 'wangli', password: 'secret-123' };
const A_HOLDERS = 30;
const READY_PROBE = () => {
  const page = globalThis as unknown as { location: { hash: string }; document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
  return page.document.querySelector('[data-print-ready="true"]')?.getAttribute('data-print-hash') === page.location.hash;
};
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('the township payroll', () => {
  let host: RunningHost;
  let browser: Browser;
  let page: Page;
  let payable = 0;

  beforeAll(async () => {
    // The villages and the township, prepared in this process; the township's folder then served by a host.
    const a = await station(VILLAGE);
    const names = Array.from({ length: A_HOLDERS }, (_, i) => `${'张王李赵刘陈杨黄'[i % 8]}${'一二三四五六七八九十'[i % 10]}${i >= 10 ? '甲乙丙'[Math.floor(i / 10)] : ''}`);
    const seeded = await seedPost(a, VILLAGE, 'A-1', names, names.map((_, i) => 5 + (i % 6)), true);
    await a.core.call(a.session, 'payroll.setAccount', { residentId: seeded.holders[0]!.residentId, kind: 'bankCard', bankName: '济南农商银行', accountNo: '6228480012345678', effectiveFrom: '2026-01-01' });
    const b = await station(OTHER_VILLAGE);
    await seedPost(b, OTHER_VILLAGE, 'B-1', ['李未结'], [8], false);
    const dataDir = tempDir('leye-e2e-payroll-township-');
    const t = await station(TOWNSHIP, undefined, dataDir);
    await carry(a, t);
    await carry(b, t);
    const own = await seedPost(t, VILLAGE, 'T-1', ['王乡镇', '赵乡镇'], [10, 9], true, 300);
    payable = [...seeded.holders, ...own.holders].reduce((sum, h) => sum + h.payDue, 0);
    await closeStation(t);
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.goto(host.url);
    await logInIfAsked(page, CLERK);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('shows the month with village subtotals, the total and the missing village, in both languages', async () => {
    for (const [language, missing, total, unknown] of [
      ['zh-CN', '本月未结账：B-1 保洁', '合计（32 人）', '未知村（370102001001）：未收到数据'],
      ['en', 'Month not closed: B-1 保洁', 'Total (32)', 'Unknown village (370102001001): No data received'],
    ] as const) {
      await page.evaluate((l) => localStorage.setItem('leye.language', l), language);
      await page.goto(`${host.url.split('#')[0]}#/payroll`);
      await page.reload();
      await logInIfAsked(page, CLERK);
      await page.getByTestId('nav-payroll').waitFor();
      const picker = page.getByTestId('payroll-month');
      await picker.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(MONTH);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await waitForCount(page.locator('[data-testid="payroll-table"] tbody tr.ant-table-row'), A_HOLDERS + 2 + 1, 20_000);
      expect(await page.getByTestId('payroll-missing').innerText()).toContain(missing);
      // A village of the county's directory that nothing names (not in the places table): never a bare code.
      expect(await page.getByTestId('payroll-missing').innerText()).toContain(unknown);
      expect(await page.getByTestId('payroll-table').innerText()).toContain(total);
      expect(await page.getByTestId('payroll-total').innerText()).toBe(payable.toFixed(2));
      // Masked; the eye reveals (the core logs it).
      const account = page.getByTestId('pay-account').first();
      expect(await account.innerText()).toContain('************5678');
      // The month picker's panel closed (it fades out) before the screenshot.
      await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').waitFor({ state: 'hidden' });
      await shot(page, `payroll-${language}`);
      // The columns beyond the screen's width (account, rule), scrolled into view.
      await page.locator('[data-testid="payroll-table"] thead th').last().scrollIntoViewIfNeeded();
      await shot(page, `payroll-${language}-right`);
      await account.getByTestId('reveal-pay-account').click();
      await page.getByText('6228480012345678').waitFor();
    }
  }, 120_000);

  it('prints A4 landscape with headers and 本页小计 on every page, the total and signatures on the last', async () => {
    for (const language of ['zh-CN', 'en'] as const) {
      await page.evaluate((l) => localStorage.setItem('leye.language', l), language);
      await page.evaluate(`window.location.hash = '#/payroll'`);
      await page.reload();
      await logInIfAsked(page, CLERK);
      await page.evaluate(`window.location.hash = ${JSON.stringify(`#/print/payroll/${MONTH}/masked`)}`);
      await page.waitForFunction(READY_PROBE, undefined, { timeout: 30_000 });
      const spilled = await page.evaluate<string[]>(`[...document.querySelectorAll('.pf-payroll tbody td')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.innerText)`);
      expect(spilled).toEqual([]);
      const pdf = path.join(OUT, `payroll-${language}.pdf`);
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))?.[1]);
      expect(/Page size:\s+841\.\d+ x 59[45]\.\d+/.test(run('pdfinfo', [pdf]))).toBe(true);
      const texts = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']).split('\f').filter((x) => x.trim() !== '').map((x) => x.replace(/\s+/g, ''));
      // 30 + 2 holders and one village subtotal: 14, 17 and the last holder with the subtotal (never a page of subtotals alone).
      expect(pages).toBe(3);
      expect(texts).toHaveLength(3);
      const [header, sub, grand, signs] = language === 'zh-CN' ? ['实发金额', '本页小计', '总计（32人）', '乡镇负责人'] : ['Payable', 'Pagesubtotal', 'Grandtotal(32)', 'Townshiphead'];
      texts.forEach((text, i) => {
        expect(text, `page ${i + 1}`).toContain(header);
        expect(text, `page ${i + 1}`).toContain(sub);
        expect(text.includes(grand), `page ${i + 1}`).toBe(i === 2);
        expect(text.includes(signs), `page ${i + 1}`).toBe(i === 2);
      });
      expect(texts[0]).toContain(language === 'zh-CN' ? '未列入本表' : 'Notonthissheet');
      expect(texts[0]).toContain(language === 'zh-CN' ? '未知村（370102001001）（未收到数据）' : 'Unknownvillage(370102001001)(Nodatareceived)');
      expect(texts[2]).toContain(payable.toFixed(2));
      // Each row says which rule decided its amount (no 考核 entered here: by the hours).
      expect(texts[0]).toContain(language === 'zh-CN' ? '计发依据' : 'Basis');
      expect(await page.getByTestId('pf-payroll-basis').first().innerText()).toBe(language === 'zh-CN' ? '按工时' : 'By hours');
      expect(texts.join('')).not.toContain('6228480012345678');
      run('pdftoppm', ['-r', '60', '-png', pdf, path.join(OUT, `payroll-${language}`)]);
      expect(fs.readdirSync(OUT).filter((f) => f.startsWith(`payroll-${language}-`) && f.endsWith('.png'))).toHaveLength(3);
    }
  }, 120_000);

  it('exports the .xlsx the finance office opens', async () => {
    await page.evaluate(`window.location.hash = '#/payroll'`);
    const picker = page.getByTestId('payroll-month');
    await picker.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type(MONTH);
    await page.keyboard.press('Enter');
    await waitForCount(page.locator('[data-testid="payroll-table"] tbody tr.ant-table-row'), A_HOLDERS + 3, 20_000);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payroll-export').click()]);
    const file = path.join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const ws = book.worksheets[0]!;
    const rows = ws.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1).map((c) => (c === undefined || c === null ? '' : String(c))).join('|') : ''));
    expect(rows[1]).toContain('公益性岗位补贴发放表');
    expect(rows.filter((r) => /^\d+\|/.test(r))).toHaveLength(A_HOLDERS + 2);
    expect(rows.some((r) => r.includes('小计（32 人）') && r.includes(String(payable)))).toBe(true);
    expect(rows.some((r) => r.startsWith('合计（32 人）') && r.includes(String(payable)))).toBe(true);
    expect(rows.some((r) => r.includes('************5678'))).toBe(true);
    expect(rows.join('\n')).not.toContain('6228480012345678');
    expect(rows.some((r) => r.includes('本月未结账：B-1 保洁'))).toBe(true);
    expect(rows.some((r) => r.includes('未知村（370102001001）|未收到数据'))).toBe(true);
  }, 60_000);
});
