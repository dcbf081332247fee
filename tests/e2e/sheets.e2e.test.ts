// Spreadsheets in the browser preview: a roster uploaded through the file picker, the mapping
// suggested from its Chinese headers, the preview showing the bad row with its reason, the
// confirm storing only the valid rows, the residents found in the list; then the ledger
// downloaded and read back with exceljs.

import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { launchBrowser, setUpStation, shot, startHost, tempDir, textOf, waitForText } from './harness';

const CLERK = { loginName: 'clerk01', displayName: '王丽', password: 'Leye-2025-pass' };
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
const ZHAO = withCheck('37010219850305003');
const QIAN = withCheck('37010219920611004');
/** Check character should be X; 1 is a typo. */
const BAD = '110105194912310021';

async function roster(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['解放桥社区求职登记花名册']);
  ws.mergeCells('A1:H1');
  ws.addRow(['序号', '姓名', '身份证号', '联系电话', '户籍性质', '现居住址', '文化程度', '求职意向']);
  ws.addRow([1, '赵六', ZHAO, '13800138001', '农业', '解放桥社区 1 号', '初中', '保洁']);
  ws.addRow([2, '孙七', BAD, '13800138002', '非农业', '解放桥社区 2 号', '高中', '电工']);
  ws.addRow([3, '钱八', QIAN, '13800138003', '非农业', '解放桥社区 3 号', '大专', '会计']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('spreadsheets, end to end', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;

  beforeAll(async () => {
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    await page.goto(host.url);
    await setUpStation(page, VILLAGE_PATH, CLERK);
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('imports a roster: mapping, preview with the bad row and its reason, confirm, residents in the list', async () => {
    await page.getByTestId('nav-sheets').click();
    await page.getByTestId('sheet-file').setInputFiles({ name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await roster() });
    await waitForText(page.getByTestId('sheet-file-info'), '表头在第 2 行，共 3 行数据');
    // Suggested from the headers: 序号 is not imported, 身份证号 goes to the ID number.
    expect(await textOf(page.getByTestId('sheet-map-A'))).toBe('不导入');
    expect(await textOf(page.getByTestId('sheet-map-C'))).toBe('身份证号');
    await shot(page, 'sheets-mapping');
    await page.getByTestId('sheet-check').click();
    await waitForText(page.getByTestId('sheet-counts'), '共 3 行：可导入 2 行，有错误 1 行');
    const bad = page.getByTestId('sheet-row-4');
    await waitForText(bad, 'C 列“身份证号”：身份证号校验位不正确');
    // Nothing is stored before the confirm, and the confirm needs the clerk's choice to skip the bad row.
    expect(await page.getByTestId('sheet-confirm').isDisabled()).toBe(true);
    await shot(page, 'sheets-preview');

    const errorDownload = page.waitForEvent('download');
    await page.getByTestId('sheet-error-download').click();
    const errors = await errorDownload;
    const errorBook = new ExcelJS.Workbook();
    await errorBook.xlsx.load(fs.readFileSync((await errors.path())!) as unknown as ArrayBuffer);
    expect(errorBook.worksheets[0]!.getRow(2).getCell(1).value).toBe(4);
    expect(String(errorBook.worksheets[0]!.getRow(2).getCell(2).value)).toContain('身份证号校验位不正确');

    await page.getByTestId('sheet-skip-invalid').click();
    await page.getByTestId('sheet-confirm').click();
    await page.getByTestId('sheet-confirm-ok').click();
    await waitForText(page.getByTestId('sheet-result'), '已导入 2 人');
    await page.getByTestId('sheet-view-residents').click();
    await waitForText(page.getByTestId('resident-total'), '共 2 人');
    const names = await page.getByTestId('resident-name').allInnerTexts();
    expect(names.sort()).toEqual(['赵六', '钱八'].sort());
  });

  it('a second import of the same file reports the rows as already registered and adds nobody', async () => {
    await page.getByTestId('nav-sheets').click();
    await page.getByTestId('sheet-file').setInputFiles({ name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await roster() });
    await page.getByTestId('sheet-check').click();
    await waitForText(page.getByTestId('sheet-counts'), '可导入 0 行，有错误 1 行，文件内重复 0 行，已登记 2 行');
    expect(await page.getByTestId('sheet-confirm').isDisabled()).toBe(true);
  });

  it('refuses a CSV renamed to .xlsx with a clear message', async () => {
    await page.getByTestId('nav-sheets').click();
    await page.getByTestId('sheet-file').setInputFiles({ name: '花名册.xlsx', mimeType: 'text/csv', buffer: Buffer.from('姓名,身份证号\n赵六,' + ZHAO + '\n') });
    await waitForText(page.getByTestId('sheet-error'), '这不是 Excel 工作簿（.xlsx）');
  });

  it('exports the ledger with Chinese headers and masked numbers', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('sheet-export-ledger').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^实名制登记台账-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const row = (n: number) => Array.from({ length: 20 }, (_, i) => ws.getRow(n).getCell(i + 1).value ?? '');
    // A title row (station, date, masked), then the header.
    expect(String(row(1)[0])).toContain('已脱敏');
    expect(row(2)).toEqual(['序号', '姓名', '性别', '年龄', '文化程度', '身份证号', '户籍性质', '现居住址', '人员类别', '登记类型', '登记日期', '技能特长', '就业创业证号', '失业人员类型', '失业时间', '求职意向', '培训意向', '就业服务需求', '联系电话', '状态']);
    const rows = [row(3), row(4)];
    const zhao = rows.find((r) => r[1] === '赵六')!;
    expect(zhao[2]).toBe('男');
    expect(zhao[4]).toBe('初中');
    expect(zhao[5]).toBe(`3701**********${ZHAO.slice(-4)}`);
    expect(zhao[15]).toBe('保洁');
    expect(zhao[18]).toBe('138****8001');
    expect(zhao[19]).toBe('有效');
    expect(ws.rowCount).toBe(4);
  });
});
