// A day at the station (issue 14), village → township → county → village, through the embedded
// county server (PouchDB Server) in Chromium at 1366×768:
// - a village that has never been online is set up with its setup code, registers a person at
//   the form, imports a roster that lacks two required columns (one value given for each), fills
//   and closes a month of its post, and sends everything on a USB file;
// - the township window imports the file and carries it to the county, and hands back a receipt;
// - the county office reviews the batch: it returns one person's record with a reason and accepts
//   the rest;
// - the village takes the receipt in, gets a network, syncs, finds the returned record by the
//   person's name, answers it, and the county accepts the correction;
// - the clerk's screen locks when idle and the password unlocks it.
// Every screen it passes is photographed in both languages (LEYE_E2E_SHOTS=/dir keeps them), and
// no screen shows an internal id or a raw enum value in either language.

import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { createServerAdmin, freePort, startPouchServer, type PouchServer } from '../../county/pouchServer';
import { parseSetupCode, provisionCounty, setupCode as makeSetupCode, type CreatedAccount } from '../../county/provision';
import { docId } from '../../shared/documents/registry';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { closeDrawer, eventually, launchBrowser, logInIfAsked, openSyncDrawer, pickDate, registerAtForm, setUpStation, startHost, syncUntil, tempDir, textOf, waitForCount, waitForText, type RunningHost, setLanguage } from './harness';

const COUNTY = '370102';
const TOWNSHIP = '370102001';
const VILLAGE = '370102001002';
const STAFF = 'county-li';
const ADMIN = { user: 'admin', password: 'e2e-day-admin' };
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];
const TOWNSHIP_PATH = ['济南市', '历下区', '解放路街道'];
const COUNTY_PATH = ['济南市', '历下区'];
const VILLAGE_CLERK = { loginName: 'wangli', displayName: '王丽', password: 'Leye-2025-pass' };
const TOWNSHIP_CLERK = { loginName: 'zhaomin', displayName: '赵敏', password: 'Leye-2025-pass' };
const COUNTY_CLERK = { loginName: 'likz', displayName: '李科长', password: 'Leye-2025-pass' };
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

/** Registered at the form; the county returns this record. */
const ZHANG = { name: '张三', id: withCheck('37010219900307003'), phone: '13800138000' };
/** Registered at the form; holds the post. Born 1972: 大龄 for a rural post. */
const WANG = { name: '王大山', id: withCheck('37010219720315003'), phone: '13800138001' };
/** The roster's people. */
const ZHAO = { name: '赵六', id: withCheck('37010219850305003') };
const QIAN = { name: '钱八', id: withCheck('37010219920611004') };

const SHOTS = process.env.LEYE_E2E_SHOTS ?? tempDir('leye-day-shots-');
const pad = (n: number) => String(n).padStart(2, '0');

function previousMonth(): { month: string; workingDays: number } {
  const now = new Date();
  const first = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const y = first.getFullYear();
  const m = first.getMonth() + 1;
  let workingDays = 0;
  for (let d = 1; d <= new Date(y, m, 0).getDate(); d += 1) {
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (weekday !== 0 && weekday !== 6) workingDays += 1;
  }
  return { month: `${y}-${pad(m)}`, workingDays };
}

/** Internal ids, raw enum values and untranslated keys a person must never read, in any language. */
const RAW = [
  /\b(resident|post|assignment|attendance|monthClose|training|enrolment|signIn|batch|decision|policy|station|audit|resolution):[a-z0-9]/,
  /\b(jobSeeking|sickLeave|personalLeave|nonAgricultural|migrantWorker|monthClose|signIn|idNumber|householdType|targetGroups|careCategories|createdBy|updatedBy|placeCode)\b/,
  /\bundefined\b|\bnull\b|\[object Object\]|\bNaN\b/,
  /\b[a-z]+(\.[a-zA-Z]+){2,}\b/, // an untranslated i18n key such as county.batch.title
];
/** Enum values that are plain English words: wrong only on a Chinese screen. */
const RAW_IN_CHINESE = /\b(present|rest|absent|agricultural|hardship|unemployment|closed|reopened|accepted|returned|pending|delivered|am|pm|new|updated)\b/;
async function visibleText(page: Page): Promise<string> {
  return page.evaluate<string>('document.body.innerText');
}

/**
 * Photographs the screen in Chinese and in English (and back to Chinese), and fails if either
 * shows an internal id, a raw enum value or an untranslated key.
 */
async function both(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  // A drawer or a modal still sliding in is photographed where it ends.
  await page.waitForFunction('document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity)', undefined, { timeout: 5_000 }).catch(() => undefined);
  for (const language of ['中文', 'English'] as const) {
    if (language === 'English') await setLanguage(page, 'English');
    const text = await visibleText(page);
    for (const raw of language === '中文' ? [...RAW, RAW_IN_CHINESE] : RAW) expect(text, `${name} (${language}) shows ${String(raw.exec(text)?.[0])}`).not.toMatch(raw);
    await page.screenshot({ path: path.join(SHOTS, `day-${name}-${language === '中文' ? 'zh' : 'en'}.png`) });
  }
  await setLanguage(page, '中文');
}

/** The roster a township hands out: no 户籍性质 and no 现居住址 columns, and a total row. */
async function roster(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.addRow(['序号', '姓名', '身份证号', '联系电话', '文化程度', '求职意向']);
  ws.addRow([1, ZHAO.name, ZHAO.id, '13800138011', '初中', '保洁']);
  ws.addRow([2, QIAN.name, QIAN.id, '13800138012', '大专', '会计']);
  ws.addRow(['合计', '', '', '', '', '']);
  ws.getCell('C4').value = { formula: 'COUNTA(C2:C3)', result: 2 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function saveDownload(download: Download, dir: string): Promise<{ path: string; name: string }> {
  const name = download.suggestedFilename();
  const file = path.join(dir, name);
  await download.saveAs(file);
  return { path: file, name };
}

describe('a day at the station: village → township → county → village', () => {
  const dirs = { server: tempDir('leye-day-county-'), village: tempDir('leye-day-village-'), township: tempDir('leye-day-township-'), county: tempDir('leye-day-countyst-'), files: tempDir('leye-day-files-') };
  const { month, workingDays } = previousMonth();
  let server: PouchServer;
  let accounts: CreatedAccount[] = [];
  let hosts: { village: RunningHost; township: RunningHost; county: RunningHost };
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let village: Page;
  let township: Page;
  let county: Page;
  let batchFile: { path: string; name: string };
  let receiptFile: { path: string; name: string };

  const setupCode = (name: string) => {
    const found = accounts.find((a) => a.name === name);
    if (!found) throw new Error(`no account ${name} provisioned`);
    return found.setupCode;
  };

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    const port = await freePort();
    server = await startPouchServer({ dir: dirs.server, port });
    await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
    const result = await provisionCounty(server.url, ADMIN, {
      county: COUNTY,
      townships: [{ code: TOWNSHIP, villages: [VILLAGE] }],
      staff: [{ name: STAFF, displayName: '李科长' }],
    });
    accounts = result.created;
    const [v, t, c] = await Promise.all([startHost({ dataDir: dirs.village }), startHost({ dataDir: dirs.township }), startHost({ dataDir: dirs.county })]);
    hosts = { village: v, township: t, county: c };
    browser = await launchBrowser();
    village = await newPage();
    // The village page's timers run on a clock the test moves: the idle lock without waiting.
    await village.clock.install();
  }, 60_000);

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const name = context.task.name.slice(0, 30).replace(/[^\w]+/g, '-');
    for (const [who, page] of [['village', village], ['township', township], ['county', county]] as const) {
      if (page) await page.screenshot({ path: path.join(SHOTS, `day-failed-${who}-${name}.png`) }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await Promise.all([hosts?.village.stop(), hosts?.township.stop(), hosts?.county.stop(), server?.stop()]);
    for (const dir of Object.values(dirs)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sets up the village with its setup code, never online', async () => {
    await village.goto(hosts.village.url);
    await both(village, '01-setup');
    await setUpStation(village, VILLAGE_PATH, VILLAGE_CLERK);
    // The county is out of reach all day for this village: its server address is not this one.
    await openSyncDrawer(village);
    const real = parseSetupCode(setupCode(`station-${VILLAGE}`));
    await village.getByTestId('sync-connect-code').fill(makeSetupCode('http://127.0.0.1:9', real.user, real.password, real.place, real.key!, real.signingKey));
    await village.getByTestId('sync-connect-submit').click();
    await village.locator('[data-testid=sync-indicator][data-state=failed]').waitFor({ timeout: 20_000 });
    // Kept for the USB transfer, and never called connected.
    await waitForText(village.locator('.ant-message'), '设置码已保存；县级服务器暂时连不上');
    expect(await textOf(village.locator('.ant-message'))).not.toContain('已连接');
    await both(village, '02-sync-offline');
    await closeDrawer(village);
  });

  it('registers two people at the form', async () => {
    await registerAtForm(village, ZHANG, () => both(village, '03-register-form'));
    await registerAtForm(village, WANG);
    await waitForText(village.getByTestId('resident-total'), '共 2 人');
    await both(village, '04-residents');
  });

  it('imports a roster that lacks 户籍性质 and 现居住址, one value given for each', async () => {
    await village.getByTestId('nav-sheets').click();
    await village.getByTestId('sheet-file').setInputFiles({ name: '花名册.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await roster() });
    const constants = village.getByTestId('sheet-constants');
    await constants.getByTestId('sheet-constant-householdType').click();
    await village.locator('.ant-select-item-option[title="农业"]').click();
    await village.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await constants.getByTestId('sheet-constant-address').fill('解放桥社区');
    await both(village, '05-import-mapping');
    await village.getByTestId('sheet-check').click();
    await waitForText(village.getByTestId('sheet-table-count'), '共 2 行，可导入 2 行');
    expect(await textOf(village.getByTestId('sheet-skipped'))).toBe('第 4 行是合计行，已跳过');
    await both(village, '06-import-preview');
    await village.getByTestId('sheet-confirm').click();
    await village.getByTestId('sheet-confirm-ok').click();
    await waitForText(village.getByTestId('sheet-result'), '已导入 2 人');
    await village.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await both(village, '07-import-result');
    await village.getByTestId('sheet-view-residents').click();
    await waitForText(village.getByTestId('resident-total'), '共 4 人');
  });

  it('creates a post, assigns a holder, fills last month and closes it', async () => {
    await village.getByTestId('nav-posts').click();
    await village.getByTestId('post-new').click();
    await village.getByTestId('post-field-code').fill('GY-001');
    await village.getByTestId('post-field-name').fill('村庄保洁员');
    await village.getByTestId('post-field-category').click();
    await village.locator('.ant-select-item-option', { hasText: '乡村保洁' }).click();
    await village.getByTestId('post-field-employerName').fill('解放桥社区居民委员会');
    await village.getByTestId('post-field-plannedHoursPerMonth').fill('40');
    await village.getByTestId('post-field-payPerMonth').fill('1000');
    await pickDate(village, 'post-field-startDate', `${month}-01`);
    await both(village, '08-post-form');
    await village.getByTestId('post-save').click();
    await waitForText(village.getByTestId('post-title'), '村庄保洁员');

    await village.getByTestId('assign-resident').click();
    await village.keyboard.type(WANG.name);
    await village.locator('[data-testid=assign-option]', { hasText: WANG.name }).click();
    await pickDate(village, 'assign-start', `${month}-01`);
    await village.getByTestId('assign-contract').fill('HT-001');
    await village.getByTestId('assign-submit').click();
    await waitForCount(village.getByTestId('holder-row'), 1);
    await both(village, '09-post-detail');

    await village.getByTestId('open-attendance').click();
    await village.getByTestId('attendance-prev').click();
    await village.locator(`[data-testid=attendance-screen][data-month="${month}"]`).waitFor();
    // 2 hours every working day: 1000 yuan over 2 × working days hours stays above 21 yuan an hour.
    await village.getByTestId('fill-hours').fill('2');
    await village.getByTestId('fill-hours').press('Tab');
    await village.getByTestId('row-fill-0').click();
    await waitForText(village.getByTestId('row-total-0'), `${workingDays * 2} 小时`);
    await waitForText(village.getByTestId('summary-row'), String(workingDays * 2));
    await both(village, '10-attendance');
    await village.getByTestId('close-month').click();
    await village.getByTestId('month-closed-tag').waitFor();
    await both(village, '11-month-closed');
  });

  it('sends everything on a USB file', async () => {
    await openSyncDrawer(village);
    const [download] = await Promise.all([village.waitForEvent('download'), village.getByTestId('transfer-export').click()]);
    batchFile = await saveDownload(download, dirs.files);
    expect(batchFile.name).toMatch(/\.leye$|\.lyb$|\.json$|\w/);
    await both(village, '12-usb-exported');
    await closeDrawer(village);
  });

  it('the township window carries the file to the county and hands back a receipt', async () => {
    township = await newPage();
    await township.goto(hosts.township.url);
    await setUpStation(township, TOWNSHIP_PATH, TOWNSHIP_CLERK);
    await openSyncDrawer(township);
    await township.getByTestId('sync-connect-code').fill(setupCode(`station-${TOWNSHIP}`));
    await township.getByTestId('sync-connect-submit').click();
    await syncUntil(township);
    await township.getByTestId('transfer-import').setInputFiles(batchFile.path);
    await township.locator('[data-testid=transfer-result][data-kind=batch]').waitFor({ timeout: 20_000 });
    expect(Number(await township.getByTestId('transfer-imported').innerText())).toBeGreaterThan(0);
    await both(township, '13-township-imported');
    const [download] = await Promise.all([township.waitForEvent('download'), township.getByTestId('transfer-receipt-download').click()]);
    receiptFile = await saveDownload(download, dirs.files);
    await closeDrawer(township);
  });

  it('the county returns one person’s record with a reason and accepts the rest', async () => {
    county = await newPage();
    await county.goto(hosts.county.url);
    await setUpStation(county, COUNTY_PATH, COUNTY_CLERK);
    await openSyncDrawer(county);
    await county.getByTestId('sync-connect-code').fill(setupCode(STAFF));
    await county.getByTestId('sync-connect-submit').click();
    await county.locator('[data-testid=sync-indicator][data-state]:not([data-state=notConnected])').waitFor();
    await closeDrawer(county);

    await county.getByTestId('nav-county').click();
    await county.getByTestId('county-batches').waitFor();
    // The village's batch, carried by the township: the only batch waiting for a decision (the
    // township's own audit entries and setup travel without asking anyone to review them).
    const row = county.locator(`[data-testid=county-batch-row][data-status=new]`).filter({ hasText: '解放桥社区' });
    await eventually('the village batch on the county screen', async () => {
      if ((await row.count()) > 0) return true;
      const refresh = county.getByTestId('county-refresh');
      if (await refresh.isEnabled()) await refresh.click();
      return false;
    });
    // Who sent it, by name: the county has no copy of the village's accounts.
    expect(await textOf(row.first())).toContain(VILLAGE_CLERK.displayName);
    expect(await textOf(row.first())).not.toContain(VILLAGE_CLERK.loginName);
    await both(county, '14-county-batches');
    await row.first().click();
    const zhang = county.getByTestId('batch-record-row').filter({ hasText: ZHANG.name }).first();
    await zhang.waitFor();
    await both(county, '15-county-batch');
    const index = await zhang.getAttribute('data-index');
    await county.getByTestId(`record-decision-${index}`).getByText('退回', { exact: true }).click();
    await county.getByTestId(`record-reason-${index}`).fill('现居住址不详，请补充门牌号');
    await county.getByTestId('submit-review').click();
    await county.locator('[data-testid=batch-status][data-status=partial]').waitFor({ timeout: 15_000 });
    await both(county, '16-county-decided');
  });

  it('the village takes the receipt in, gets a network, and finds the returned record by name', async () => {
    await openSyncDrawer(village);
    await village.getByTestId('transfer-import').setInputFiles(receiptFile.path);
    await village.locator('[data-testid=transfer-result][data-kind=receipt]').waitFor();
    await both(village, '17-receipt');
    // The network is back: the real setup code.
    await village.getByTestId('sync-disconnect').click().catch(() => undefined);
    await village.getByTestId('sync-connect-code').fill(setupCode(`station-${VILLAGE}`));
    await village.getByTestId('sync-connect-submit').click();
    await syncUntil(village);
    const returned = village.locator('[data-testid=sync-batch-row][data-status=partial]');
    await returned.first().waitFor({ timeout: 30_000 });
    await returned.first().locator('.ant-table-row-expand-icon').click();
    await waitForText(village.getByTestId('sync-returned-label').first(), ZHANG.name);
    expect(await textOf(village.getByTestId('sync-batch-returned'))).toContain('现居住址不详，请补充门牌号');
    await both(village, '18-returned');
  });

  it('the clerk answers the return and the county accepts the correction', async () => {
    await village.getByTestId('sync-returned-open').first().click();
    await village.getByTestId('sync-drawer').waitFor({ state: 'hidden' });
    await waitForText(village.getByTestId('detail-name'), ZHANG.name);
    await waitForText(village.getByTestId('returned-reason'), '现居住址不详，请补充门牌号');
    await both(village, '19-returned-record');
    await village.getByTestId('returned-edit').click();
    await village.getByTestId('field-address').fill('解放桥社区 3 号楼 2 单元 301');
    await village.getByTestId('form-submit').click();
    await waitForText(village.getByTestId('detail-name'), ZHANG.name);
    await village.keyboard.press('Escape');
    await openSyncDrawer(village);
    await syncUntil(village);
    await closeDrawer(village);

    await county.getByTestId('county-batch-back').click();
    // The returned USB batch reads 部分退回 at once; the correction came online.
    await county.locator('[data-testid=county-batch-row][data-status=partial]').filter({ hasText: 'U 盘文件' }).waitFor();
    const next = county.locator('[data-testid=county-batch-row][data-status=new]').filter({ hasText: '解放桥社区' }).filter({ hasText: '联网同步' });
    await eventually('the correction on the county screen', async () => {
      if ((await next.count()) > 0) return true;
      const refresh = county.getByTestId('county-refresh');
      if (await refresh.isEnabled()) await refresh.click();
      return false;
    });
    await next.first().click();
    await county.getByTestId('batch-record-row').filter({ hasText: ZHANG.name }).first().waitFor();
    await county.getByTestId('accept-batch').click();
    const confirm = county.getByTestId('accept-batch-confirm');
    const accepted = county.locator('[data-testid=batch-status][data-status=accepted]');
    await confirm.or(accepted).first().waitFor({ timeout: 15_000 });
    if (await confirm.isVisible()) await confirm.click();
    await accepted.waitFor({ timeout: 15_000 });
    await both(county, '20-county-accepted');
  });

  it('the village sees the correction accepted, and the record locked before anyone types', async () => {
    await openSyncDrawer(village);
    await syncUntil(village);
    await village.locator('[data-testid=sync-batch-row][data-status=accepted][data-via=sync]').waitFor({ timeout: 30_000 });
    expect(await village.locator('[data-testid=sync-batch-row][data-status=partial][data-via=file]').count()).toBe(1);
    await both(village, '21-village-accepted');
    await closeDrawer(village);
    await village.getByTestId('nav-residents').click();
    await village.getByTestId('resident-row').filter({ hasText: ZHANG.name }).first().click();
    await waitForText(village.getByTestId('detail-name'), ZHANG.name);
    await village.getByTestId('detail-locked').waitFor();
    expect(await village.getByTestId('detail-edit').isDisabled()).toBe(true);
    await both(village, '22-village-locked');
    await village.keyboard.press('Escape');
    // The month the county accepted reads as locked by the county, with nothing to reopen here.
    await village.evaluate(`window.location.hash = ${JSON.stringify(`#/posts/${encodeURIComponent(docId.post(VILLAGE, 'GY-001'))}/attendance/${month}`)}`);
    await village.getByTestId('attendance-county-locked').waitFor();
    await village.locator('[data-testid=attendance-screen][data-locked=true]').waitFor();
    expect(await village.getByTestId('reopen-month').count()).toBe(0);
    await both(village, '23-month-county-locked');
  });

  it('locks the clerk’s screen when idle, and the password unlocks it', async () => {
    await village.clock.fastForward('31:00');
    await village.getByTestId('lock-screen').waitFor();
    await village.screenshot({ path: path.join(SHOTS, 'day-24-idle-locked-zh.png') });
    await village.getByTestId('lock-password').fill(VILLAGE_CLERK.password);
    await village.getByTestId('lock-unlock').click();
    await village.getByTestId('lock-screen').waitFor({ state: 'detached' });
    await logInIfAsked(village, VILLAGE_CLERK);
    await both(village, '25-unlocked');
  });
});
