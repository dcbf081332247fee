// A real roster in the browser: no 户籍性质 and no 现居住址 columns (one value for all rows set in
// the mapping step and shown in the preview), a 合计 row (left out, said so), an ID number Excel
// stored as a number (refused, the error file keeps the number), and a known ID number under
// another name (warned). The preview's scrollbar is visible without scrolling and the table says
// how many rows it has. Screenshots of the mapping and preview steps at 1366×768 in both languages.

import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { CHROMIUM, logInIfAsked, setUpStation, shot, startHost, tempDir, textOf, waitForText } from './harness';

const CLERK = { loginName: 'clerk02', displayName: '李敏', password: 'Leye-2025-pass' };
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
const person = (n: number) => withCheck(`37010219${80 + (n % 15)}0${1 + (n % 9)}1${n % 10}${String(100 + n).slice(-3)}`);
/** Registered first as 周一; the roster calls this number 周亦. */
const ZHOU = withCheck('37010219900520102');
/** Stored in Excel as a number: 3.70102E+17, its last digits gone. */
const DAMAGED = withCheck('37010219900520111');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许';

async function book(rows: (string | number | ExcelJS.CellValue)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The roster as a village keeps it: no 户籍性质, no 现居住址, a 合计 row at the bottom. */
function villageRoster(): Promise<Buffer> {
  const rows: (string | number | ExcelJS.CellValue)[][] = [['序号', '姓名', '身份证号', '联系电话', '文化程度', '求职意向']];
  for (let n = 1; n <= 16; n++) rows.push([n, `${NAMES[n]}${'一二三四五六七八九十'[n % 10]}`, person(n), '13800138000', '高中', '保洁']);
  rows.push([17, '周亦', ZHOU, '13800138017', '初中', '电工']);
  rows.push([18, '吴二', Number(DAMAGED), '13800138018', '初中', '电工']);
  rows.push(['合计', { formula: 'COUNTA(B2:B19)', result: 18 }]);
  return book(rows);
}

describe('a real roster, end to end', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;

  beforeAll(async () => {
    host = await startHost({ dataDir });
    // Chromium's real scrollbars (playwright hides them by default): the test looks for them.
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      ignoreDefaultArgs: ['--hide-scrollbars'],
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.goto(host.url);
    await setUpStation(page, VILLAGE_PATH, CLERK);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  async function upload(name: string, buffer: Buffer) {
    await page.getByTestId('nav-sheets').click();
    const restart = page.getByRole('button', { name: /重新选择文件|Choose another file/ });
    if (await restart.first().isVisible()) await restart.first().click();
    await page.getByTestId('sheet-file').setInputFiles({ name, mimeType: XLSX, buffer });
    await page.getByTestId('sheet-check').waitFor();
  }

  it('registers 周一 from a first, complete roster', async () => {
    await upload('周一.xlsx', await book([['姓名', '身份证号', '联系电话', '户籍性质', '现居住址', '文化程度'], ['周一', ZHOU, '13800138001', '农业', '解放桥社区 9 号', '初中']]));
    await page.getByTestId('sheet-check').click();
    await page.getByTestId('sheet-confirm').click();
    await page.getByTestId('sheet-confirm-ok').click();
    await waitForText(page.getByTestId('sheet-result'), '已导入 1 人');
  });

  it('imports a roster missing two required columns after setting one value for all rows; the total row is left out, the numeric ID refused, the other name warned', async () => {
    await upload('花名册.xlsx', await villageRoster());
    await waitForText(page.getByTestId('sheet-file-info'), '共 18 行数据');
    // The two required fields without a column are offered at once; the mapped ones are not.
    const constants = page.getByTestId('sheet-constants');
    await constants.getByTestId('sheet-constant-householdType').waitFor();
    expect(await constants.getByTestId('sheet-constant-phone').count()).toBe(0);
    await constants.getByTestId('sheet-constant-householdType').click();
    await page.locator('.ant-select-item-option[title="农业"]').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await constants.getByTestId('sheet-constant-address').fill('解放桥社区');
    await shot(page, 'roster-mapping-zh-CN');

    await page.getByTestId('sheet-check').click();
    await waitForText(page.getByTestId('sheet-counts'), '共 18 行：可导入 16 行，有错误 1 行，文件内重复 0 行，已登记 1 行');
    expect(await textOf(page.getByTestId('sheet-skipped'))).toBe('第 20 行是合计行，已跳过');
    expect(await textOf(page.getByTestId('sheet-constants-used'))).toBe('已为所有行统一填写：户籍性质 = 农业、现居住址 = 解放桥社区');
    expect(await textOf(page.getByTestId('sheet-table-count'))).toContain('共 18 行，可导入 16 行，有问题 1 行');
    // Only the problem rows are shown first; all rows on request.
    await waitForText(page.getByTestId('sheet-row-19'), '显示为 3.70102E+17');
    await shot(page, 'roster-preview-problems-zh-CN');
    await page.getByText('全部', { exact: true }).click();
    await waitForText(page.getByTestId('sheet-row-2'), '农业');
    expect(await textOf(page.getByRole('columnheader').getByTestId('sheet-constant-col-address'))).toBe('现居住址 全部行');
    await waitForText(page.getByTestId('sheet-row-2'), '解放桥社区');
    await waitForText(page.getByTestId('sheet-row-19'), '身份证号在 Excel 中被存成了数字（显示为 3.70102E+17）');
    expect(await textOf(page.getByTestId('sheet-row-19'))).not.toContain(Number(DAMAGED).toFixed(0).slice(-4));
    await waitForText(page.getByTestId('sheet-row-18'), '身份证号与本站已登记的“周一”相同，但表中姓名是“周亦”');
    // The rows overflow the table's height: its own scrollbar shows without scrolling.
    const body = (await page.evaluate(`(() => {
      const el = document.querySelector('[data-testid="sheet-preview"] .ant-table-body');
      return { overflowY: getComputedStyle(el).overflowY, scrollable: el.scrollHeight > el.clientHeight, scrollbar: el.offsetWidth - el.clientWidth };
    })()`)) as { overflowY: string; scrollable: boolean; scrollbar: number };
    expect(body.overflowY).toMatch(/scroll|auto/);
    expect(body.scrollable).toBe(true);
    expect(body.scrollbar).toBeGreaterThan(0);
    await shot(page, 'roster-preview-zh-CN');

    const download = page.waitForEvent('download');
    await page.getByTestId('sheet-error-download').click();
    const errorBook = new ExcelJS.Workbook();
    await errorBook.xlsx.load(fs.readFileSync((await (await download).path())!) as unknown as ArrayBuffer);
    const row = errorBook.worksheets[0]!.getRow(2);
    expect(row.getCell(1).value).toBe(19);
    expect(String(row.getCell(2).value)).toContain('请把这一列设为“文本”格式');
    // The ID cell as Excel showed it: the same number, not a text of invented digits.
    expect(row.getCell(5).value).toBe(Number(DAMAGED));

    await page.getByTestId('sheet-skip-invalid').click();
    await page.getByTestId('sheet-confirm').click();
    await page.getByTestId('sheet-confirm-ok').click();
    await waitForText(page.getByTestId('sheet-result'), '已导入 16 人；已登记的 1 人没有重复保存；未导入的问题行 1 行');
    expect(await textOf(page.getByTestId('sheet-skipped'))).toBe('第 20 行是合计行，已跳过');
    await waitForText(page.getByTestId('sheet-result-warnings'), '第 18 行：B 列“姓名”：身份证号与本站已登记的“周一”相同');
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await page.getByTestId('sheet-import').scrollIntoViewIfNeeded();
    await shot(page, 'roster-result-zh-CN');
    await page.getByTestId('sheet-view-residents').click();
    await waitForText(page.getByTestId('resident-total'), '共 17 人');
  });

  it('reads the same in English', async () => {
    await page.evaluate(() => localStorage.setItem('leye.language', 'en'));
    await page.reload();
    await logInIfAsked(page, CLERK);
    await upload('roster.xlsx', await villageRoster());
    await page.getByTestId('sheet-constant-householdType').click();
    await page.locator('.ant-select-item-option[title="Non-agricultural"]').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.getByTestId('sheet-constant-address').fill('Jiefangqiao');
    await shot(page, 'roster-mapping-en');
    await page.getByTestId('sheet-check').click();
    await waitForText(page.getByTestId('sheet-counts'), '18 rows: 0 can be imported, 1 with errors, 0 repeated in the file, 17 already registered');
    expect(await textOf(page.getByTestId('sheet-skipped'))).toBe('Row 20 is a total row and was skipped');
    expect(await textOf(page.getByTestId('sheet-constants-used'))).toBe('Set for all rows: Household registration = Non-agricultural, Address = Jiefangqiao');
    await waitForText(page.getByTestId('sheet-row-19'), 'Excel stored the ID number as a number (shown as 3.70102E+17)');
    await page.getByText('All', { exact: true }).click();
    await waitForText(page.getByTestId('sheet-row-18'), 'already registered here as “周一”, but the sheet says “周亦”');
    await shot(page, 'roster-preview-en');
  });
});
