// The follow-up ledgers in the browser preview: a clerk records a home visit for a registered
// unemployed person and closes the registration as employed (both in the UI), then exports the
// 援助台账 and the 就业失业动态台账 from the export panel; the downloaded .xlsx files are opened
// here with exceljs and their rows checked, in Chinese and in English. Screenshots of the export
// panel at 1366×768 in both languages.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep the screenshots.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { connectToUrl } from '../../src-main/host/socketClient';
import { launchBrowser, localToday, setLanguage, setUpStation, shot, startHost, tempDir, waitForCount, waitForText } from './harness';

const CLERK = { loginName: 'wangli', displayName: '王丽', password: 'secret-123' };
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);
const ZHANG = withCheck('37010219800101011');
const LI = withCheck('37010219750202022');

async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

/** The download a click starts, opened with exceljs: each sheet's rows below its title row, as objects by header. */
async function download(page: Page, testId: string): Promise<{ fileName: string; sheets: { name: string; title: string; rows: Record<string, unknown>[] }[] }> {
  const started = page.waitForEvent('download');
  await page.getByTestId(testId).click();
  const file = await started;
  // Kept beside the screenshots to open in Excel/WPS.
  if (process.env.LEYE_E2E_SHOTS) fs.copyFileSync((await file.path())!, `${process.env.LEYE_E2E_SHOTS}/${file.suggestedFilename()}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
  const sheets = wb.worksheets.map((ws) => {
    const cells = (n: number) => Array.from({ length: ws.columnCount }, (_, i) => ws.getRow(n).getCell(i + 1).value ?? '');
    const header = cells(2).map(String);
    const rows = Array.from({ length: ws.rowCount - 2 }, (_, i) => Object.fromEntries(header.map((h, c) => [h, cells(i + 3)[c]])));
    return { name: ws.name, title: String(ws.getRow(1).getCell(1).value ?? ''), rows };
  });
  return { fileName: file.suggestedFilename(), sheets };
}

describe('follow-up ledgers, end to end', () => {
  const dataDir = tempDir('leye-ledgers-e2e-');
  const today = localToday();
  const month = today.slice(0, 7);
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  let core: { leye: LeyeBridge; close(): void };

  beforeAll(async () => {
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    await page.goto(host.url);
    await setUpStation(page, VILLAGE_PATH, CLERK);
    const { client, close } = await connectToUrl(host.url);
    core = { leye: client, close };
    await client.call('auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    const person = { phone: '13800138001', address: '解放桥社区 1 号', education: 'seniorHigh' as const, targetGroups: [] };
    await client.call('residents.register', {
      ...person,
      idNumber: ZHANG,
      name: '张大山',
      householdType: 'nonAgricultural',
      registration: { kind: 'unemployment', date: today, unemploymentType: 'lostJob', unemployedSince: `${today.slice(0, 4)}-01-01` },
    });
    await client.call('residents.register', {
      ...person,
      idNumber: LI,
      name: '李小花',
      householdType: 'agricultural',
      targetGroups: ['keyCare'],
      careCategories: ['hardToEmploy'],
      registration: { kind: 'hardship', date: today, hardshipCategories: ['zeroEmploymentFamily'] },
    });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await shot(page, `ledgers-failed-${context.task.name.slice(0, 40)}`);
  });

  afterAll(async () => {
    core?.close();
    await browser?.close();
    await host?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('records a home visit and closes the 失业登记 as employed, in the UI', async () => {
    await page.getByTestId('nav-residents').click();
    await page.getByTestId('resident-row').filter({ hasText: '张大山' }).click();
    await waitForText(page.getByTestId('detail-name'), '张大山');
    await page.getByTestId('tab-services').click();
    await page.getByTestId('service-new').click();
    await choose(page, 'service-channel-input', '入户走访');
    await choose(page, 'service-kind-input', '职业指导');
    await page.getByTestId('service-content-input').fill('入户了解求职意向，推荐物业电工岗位');
    await page.getByTestId('service-outcome-input').fill('愿意面试');
    await page.getByTestId('service-save').click();
    await waitForCount(page.getByTestId('timeline-entry'), 2);
    await page.getByTestId('detail-close').click();
    await choose(page, 'close-reason', '已就业');
    await page.getByTestId('close-confirm').click();
    await page.getByTestId('detail-reopen').waitFor();
    await waitForText(page.getByTestId('timeline-entry'), '就业状况：单位就业');
    await page.keyboard.press('Escape');
  });

  it('exports the 援助台账 from the panel: both people, the visit, the current status, masked', async () => {
    await page.getByTestId('nav-sheets').click();
    await page.getByTestId('sheet-dynamics').scrollIntoViewIfNeeded();
    await shot(page, 'ledgers-01-export-panel-zh');
    const { fileName, sheets } = await download(page, 'sheet-export-assistance');
    expect(fileName).toMatch(/^援助台账-.*\.xlsx$/);
    expect(sheets.map((s) => s.name)).toEqual(['人员汇总', '服务记录', '说明']);
    expect(sheets[0]!.title).toContain('已脱敏');
    const people = sheets[0]!.rows;
    expect(people.map((r) => r['姓名']).sort()).toEqual(['张大山', '李小花'].sort());
    expect(people.find((r) => r['姓名'] === '张大山')).toMatchObject({
      身份证号: `3701**********${ZHANG.slice(-4)}`,
      '村（社区）': '解放桥社区居民委员会',
      登记类型: `失业登记（已注销，已就业，${today}）`,
      期间服务次数: 1,
      当前就业状况: '单位就业',
      状况起始日期: today,
    });
    expect(people.find((r) => r['姓名'] === '李小花')).toMatchObject({ 人员类别: '重点关爱人群（就业困难人员）', 就业困难人员类别: '零就业家庭成员', 期间服务次数: 0 });
    const services = sheets[1]!.rows;
    expect(services.find((r) => r['姓名'] === '张大山')).toMatchObject({ 服务日期: today, 服务方式: '入户走访', 服务类别: '职业指导', 服务内容: '入户了解求职意向，推荐物业电工岗位', 服务结果: '愿意面试', 经办人: '王丽' });
    expect(services.find((r) => r['姓名'] === '李小花')).toMatchObject({ 服务类别: '期间无服务记录' });
    expect(JSON.stringify(sheets)).not.toContain(ZHANG);
  });

  it('exports the 就业失业动态台账 of the month: the change into employment counted, with totals', async () => {
    const { fileName, sheets } = await download(page, 'sheet-export-dynamics');
    expect(fileName).toMatch(new RegExp(`^就业失业动态台账-.+-${month}\\.xlsx$`));
    expect(sheets[0]!.name).toBe(`动态台账 ${month}`);
    const rows = sheets[0]!.rows;
    expect(rows.find((r) => r['姓名'] === '张大山')).toMatchObject({
      列入原因: '本月就业状况变动',
      月末就业状况: '单位就业',
      变动日期: today,
      计入城镇新增就业: '是',
      计入失业人员再就业: '是',
      计入就业困难人员实现就业: '',
    });
    expect(rows.map((r) => r['姓名'])).not.toContain('李小花');
    expect(rows.at(-1)).toMatchObject({ 姓名: '合计', 身份证号: '1 人', 计入城镇新增就业: 1, 计入失业人员再就业: 1, 计入就业困难人员实现就业: 0 });
  });

  it('in English: the panel and the files speak English', async () => {
    await setLanguage(page, 'English');
    await waitForText(page.getByTestId('sheet-assistance'), 'Assistance ledger');
    await page.getByTestId('sheet-dynamics').scrollIntoViewIfNeeded();
    await shot(page, 'ledgers-02-export-panel-en');
    const { fileName, sheets } = await download(page, 'sheet-export-dynamics');
    expect(fileName).toMatch(/^Employment-changes-.*\.xlsx$/);
    const zhang = sheets[0]!.rows.find((r) => r['Name'] === '张大山')!;
    expect(zhang).toMatchObject({ 'Status at end of month': 'Employed by an employer', 'Counts as new urban employment': 'Yes', Registration: `Unemployment (Closed, Employed, ${today})` });
    const assistance = await download(page, 'sheet-export-assistance');
    expect(assistance.sheets.map((s) => s.name)).toEqual(['People', 'Services', 'Notes']);
    expect(assistance.sheets[1]!.rows.find((r) => r['Name'] === '张大山')).toMatchObject({ Channel: 'Home visit', Service: 'Career guidance', 'Recorded by': '王丽' });
    await setLanguage(page, '中文');
  });
});
