// Sync with the county, end to end (issue 4): a village station connects with its setup code
// while the county server is down and registers a resident offline; the header shows it waiting
// and the failure, never "synced". The server comes back, the sync goes through and the batch is
// delivered. A county station (county staff account) finds the batch on its review screen,
// accepts it, and the village sees the batch accepted and its resident locked.
//
// Set LEYE_E2E_SHOTS=/some/dir to keep screenshots of each step.

import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createServerAdmin, freePort, startPouchServer, type PouchServer } from '../../county/pouchServer';
import { provisionCounty, type CreatedAccount } from '../../county/provision';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { closeDrawer, eventually, launchBrowser, openSyncDrawer, setUpStation, shot, startHost, syncUntil, tempDir, textOf, waitForText, type RunningHost } from './harness';

const COUNTY = '370102';
const TOWNSHIP = '370102001';
const VILLAGE = '370102001002';
const STAFF = 'county-li';
const ADMIN = { user: 'admin', password: 'e2e-county-admin' };

/** 解放桥社区居民委员会 and 历下区 as `places.children` lists them. */
const VILLAGE_PATH = ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'];
const COUNTY_PATH = ['济南市', '历下区'];
const VILLAGE_CLERK = { loginName: 'admin01', displayName: '王丽', password: 'Leye-2025-pass' };
const COUNTY_CLERK = { loginName: 'li01', displayName: '李科长', password: 'Leye-2025-pass' };

/** 张三, born 1990-03-07 in 历下区, male. */
const ZHANG_SAN = { name: '张三', id: '37010219900307003' + idNumberCheckChar('37010219900307003'), phone: '13800138000' };

/** 李四, born 1985-06-01 in 历下区: registered and closed at once, returned by the county. */
const LI_SI = { name: '李四', id: '37010219850601005' + idNumberCheckChar('37010219850601005'), phone: '13900139000' };

// Page scripts as strings: the e2e tests compile without the DOM library.
const RECORD_STATES = `(() => {
  const seen = [];
  window.__syncStates = seen;
  const note = () => {
    const state = document.querySelector('[data-testid=sync-indicator]')?.getAttribute('data-state');
    if (state && seen[seen.length - 1] !== state) seen.push(state);
  };
  note();
  new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
})()`;

/**
 * Records every state the header's indicator takes from now on (in the page, so a state shown
 * for a moment between two checks is not missed). Read with `seenStates`.
 */
async function recordIndicatorStates(page: Page): Promise<void> {
  await page.evaluate(RECORD_STATES);
}

async function seenStates(page: Page): Promise<string[]> {
  return page.evaluate<string[]>('window.__syncStates ?? []');
}

/** The count on the header's "待上报 n" badge; 0 when there is none. */
async function waitingCount(page: Page): Promise<number> {
  const badge = page.getByTestId('sync-indicator').getByTestId('sync-waiting');
  if ((await badge.count()) === 0) return 0;
  const match = /待上报\s*(\d+)/.exec(await badge.innerText());
  return match ? Number(match[1]) : 0;
}

describe('sync with the county, end to end', () => {
  const countyDir = tempDir('leye-e2e-county-');
  const villageDir = tempDir();
  const countyStationDir = tempDir();
  let serverPort = 0;
  let server: PouchServer | null = null;
  let accounts: CreatedAccount[] = [];
  let villageHost: RunningHost;
  let countyHost: RunningHost | null = null;
  let browser: Browser;
  let village: Page;
  let countyContext: BrowserContext | null = null;
  let county: Page | null = null;
  let batchId = '';
  let returnedBatchId = '';
  let waitingBefore = 0;

  const setupCode = (name: string) => {
    const found = accounts.find((a) => a.name === name);
    if (!found) throw new Error(`no account ${name} provisioned`);
    return found.setupCode;
  };

  beforeAll(async () => {
    // The county server: provisioned once, then stopped; it comes back on the same port and folder.
    serverPort = await freePort();
    server = await startPouchServer({ dir: countyDir, port: serverPort });
    await createServerAdmin(server.url, ADMIN.user, ADMIN.password);
    const result = await provisionCounty(server.url, ADMIN, {
      county: COUNTY,
      townships: [{ code: TOWNSHIP, villages: [VILLAGE] }],
      staff: [{ name: STAFF, displayName: '李科长' }],
    });
    expect(result.replication).toBe('replicator');
    accounts = result.created;
    await server.stop();
    server = null;

    villageHost = await startHost({ dataDir: villageDir });
    browser = await launchBrowser();
    village = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const name = context.task.name.slice(0, 40);
    await shot(village, `sync-failed-village-${name}`).catch(() => undefined);
    if (county) await shot(county, `sync-failed-county-${name}`).catch(() => undefined);
  });

  afterAll(async () => {
    await countyContext?.close().catch(() => undefined);
    await browser?.close();
    await Promise.all([villageHost?.stop(), countyHost?.stop(), server?.stop()]);
    for (const dir of [countyDir, villageDir, countyStationDir]) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('connects a village with its setup code while the county server is down', async () => {
    await village.goto(villageHost.url);
    await setUpStation(village, VILLAGE_PATH, VILLAGE_CLERK);
    expect(await textOf(village.getByTestId('station-name'))).toContain('解放桥社区居民委员会');
    await village.locator('[data-testid=sync-indicator][data-state=notConnected]').waitFor();

    await openSyncDrawer(village);
    // The USB panel says the setup code alone (no network) is enough to export, and what the county does with the file.
    expect(await textOf(village.getByTestId('transfer-setup-code'))).toContain('设置码即可导出上报文件，不需要联网');
    expect(await textOf(village.getByTestId('transfer-county-side'))).toContain('上报批次进入县级审核');
    await shot(village, 'sync-00-not-connected');
    await village.getByTestId('sync-connect-code').fill(setupCode(`station-${VILLAGE}`));
    await village.getByTestId('sync-connect-submit').click();
    await recordIndicatorStates(village);
    // The code carries the county secret: the connection is kept, the sync waits for the server.
    await village.locator('[data-testid=sync-indicator][data-state=failed]').waitFor();
    expect(await textOf(village.getByTestId('sync-indicator'))).toContain('同步失败：连不上县级');
    await village.getByTestId('sync-failure').waitFor();
    expect(await textOf(village.getByTestId('sync-drawer'))).toContain(`station-${VILLAGE}`);
    await village.getByTestId('transfer-setup-code').waitFor({ state: 'hidden' });
    await shot(village, 'sync-01-connected-offline');
    await closeDrawer(village);
    // The station's own setup (its directory entry, the policy defaults) waits to go up already.
    waitingBefore = await waitingCount(village);
  });

  it('registers a resident offline: the header shows it waiting and the failure, never synced', async () => {
    await village.getByTestId('nav-register').click();
    await village.getByTestId('field-name').fill(ZHANG_SAN.name);
    await village.getByTestId('field-idNumber').fill(ZHANG_SAN.id);
    await village.getByTestId('field-phone').fill(ZHANG_SAN.phone);
    await village.getByTestId('field-householdType').getByText('农业', { exact: true }).click();
    await village.getByTestId('field-education').click();
    await village.locator('.ant-select-item-option', { hasText: '高中' }).click();
    await village.getByTestId('field-address').fill('解放桥社区 3 号楼 2 单元');
    await village.getByTestId('field-targetGroups').getByText('农村务工人员').click();
    await village.getByTestId('form-submit').click();
    await waitForText(village.getByTestId('detail-name'), ZHANG_SAN.name);
    await village.keyboard.press('Escape');
    await waitForText(village.getByTestId('resident-total'), '共 1 人');

    const indicator = village.getByTestId('sync-indicator');
    // Counted at the next live sync attempt (backing off from 5 s) or status poll (30 s).
    await eventually('the resident counted as waiting', async () => (await waitingCount(village)) > waitingBefore, 35_000);
    await village.locator('[data-testid=sync-indicator][data-state=failed]').waitFor({ timeout: 20_000 });
    const text = await textOf(indicator);
    expect(text).toContain('同步失败');
    expect(text).toContain('从未成功同步');
    expect(text).not.toContain('已同步');
    // Offline, the indicator never once claimed to be synced.
    const states = await seenStates(village);
    expect(states).toContain('failed');
    expect(states).not.toContain('idle');
    await shot(village, 'sync-02-waiting-offline');
  });

  it('syncs once the county server is back: synced, nothing waiting, the batch delivered', async () => {
    server = await startPouchServer({ dir: countyDir, port: serverPort });

    expect(await seenStates(village)).not.toContain('idle');

    await openSyncDrawer(village);
    await syncUntil(village, 'idle');
    await waitForText(village.getByTestId('sync-indicator'), '已同步');
    expect(await village.getByTestId('sync-waiting').count()).toBe(0);
    expect(await village.getByTestId('sync-failure').count()).toBe(0);
    expect(await textOf(village.getByTestId('sync-drawer'))).toContain('0 条');

    const row = village.getByTestId('sync-batch-row');
    await village.locator('[data-testid=sync-batch-row][data-status=delivered]').waitFor();
    expect(await row.count()).toBe(1);
    batchId = (await row.first().getAttribute('data-batch-id')) ?? '';
    expect(batchId).toMatch(new RegExp(`^batch:${VILLAGE}:`));
    expect(await textOf(row.first().getByTestId('sync-batch-status'))).toBe('已送达');
    expect(await textOf(row.first())).toContain('登记人员 1');
    await shot(village, 'sync-03-delivered');
    await closeDrawer(village);
  });

  it('shows the batch on the county review screen, where the county accepts it', async () => {
    countyHost = await startHost({ dataDir: countyStationDir });
    countyContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = (county = await countyContext.newPage());
    await page.goto(countyHost.url);
    await setUpStation(page, COUNTY_PATH, COUNTY_CLERK);
    expect(await textOf(page.getByTestId('station-name'))).toContain('历下区');

    await openSyncDrawer(page);
    await page.getByTestId('sync-connect-code').fill(setupCode(STAFF));
    await page.getByTestId('sync-connect-submit').click();
    await page.locator('[data-testid=sync-indicator][data-state]:not([data-state=notConnected])').waitFor();
    expect(await page.getByTestId('sync-failure').count()).toBe(0);
    await closeDrawer(page);

    await page.getByTestId('nav-county').click();
    await page.getByTestId('county-batches').waitFor();
    // The aggregate is filled by the server's continuous replication: refresh until it is there.
    const row = page.locator(`[data-testid=county-batch-row][data-batch-id="${batchId}"]`);
    await eventually('the village batch on the county screen', async () => {
      if ((await row.count()) > 0) return true;
      const refresh = page.getByTestId('county-refresh');
      if (await refresh.isEnabled()) await refresh.click();
      return false;
    }, 30_000, 500);
    expect(await row.getAttribute('data-status')).toBe('new');
    expect(await textOf(row.getByTestId('county-batch-station'))).toContain('解放桥社区');
    expect(await textOf(row.locator('[data-type=resident]'))).toContain('1');
    await shot(page, 'sync-04-county-batches');

    await row.click();
    await page.locator('[data-testid=batch-status][data-status=new]').waitFor();
    // Every record of the batch (the station's setup went up with it), the resident among them.
    await page.getByTestId('batch-record-row').filter({ hasText: ZHANG_SAN.name }).waitFor();
    await page.getByTestId('accept-batch').click();
    // Asked only when some record fails the county's rules.
    const confirm = page.getByTestId('accept-batch-confirm');
    const accepted = page.locator('[data-testid=batch-status][data-status=accepted]');
    await confirm.or(accepted).first().waitFor({ timeout: 15_000 });
    if (await confirm.isVisible()) await confirm.click();
    await accepted.waitFor({ timeout: 15_000 });
    await shot(page, 'sync-05-county-accepted');

    await page.getByTestId('county-batch-back').click();
    await page.locator(`[data-testid=county-batch-row][data-batch-id="${batchId}"][data-status=accepted]`).waitFor();
  });

  it('shows the batch accepted at the village after the next sync, and its resident locked', async () => {
    await openSyncDrawer(village);
    await syncUntil(village, 'idle');
    const accepted = village.locator(`[data-testid=sync-batch-row][data-batch-id="${batchId}"][data-status=accepted]`);
    await accepted.waitFor({ timeout: 30_000 });
    expect(await textOf(accepted.getByTestId('sync-batch-status'))).toBe('已通过');
    await village.locator('[data-testid=sync-indicator][data-state=idle]').waitFor();
    await shot(village, 'sync-06-village-accepted');
    await closeDrawer(village);

    await village.getByTestId('nav-residents').click();
    await village.getByTestId('resident-row').first().click();
    await waitForText(village.getByTestId('detail-name'), ZHANG_SAN.name);
    // Locked before anyone types: 编辑 is disabled and the page says why.
    await village.getByTestId('detail-locked').waitFor();
    expect(await textOf(village.getByTestId('detail-locked'))).toContain('审核通过');
    expect(await village.getByTestId('detail-edit').isDisabled()).toBe(true);
    expect(await village.getByTestId('detail-close').isDisabled()).toBe(true);
    await shot(village, 'sync-07-village-locked');
    await village.keyboard.press('Escape');
  });

  it('labels the records of a batch at the county by person, and returns a closed registration with a reason', async () => {
    // 李四 is registered and his registration closed at once (a mistake the county spots).
    await village.getByTestId('nav-register').click();
    await village.getByTestId('field-name').fill(LI_SI.name);
    await village.getByTestId('field-idNumber').fill(LI_SI.id);
    await village.getByTestId('field-phone').fill(LI_SI.phone);
    await village.getByTestId('field-householdType').getByText('农业', { exact: true }).click();
    await village.getByTestId('field-education').click();
    await village.locator('.ant-select-item-option', { hasText: '高中' }).click();
    await village.getByTestId('field-address').fill('解放桥社区 8 号楼');
    await village.getByTestId('field-targetGroups').getByText('农村务工人员').click();
    await village.getByTestId('form-submit').click();
    await waitForText(village.getByTestId('detail-name'), LI_SI.name);
    await village.getByTestId('detail-close').click();
    await village.getByTestId('close-reason').click();
    await village.locator('.ant-select-item-option', { hasText: '本人申请' }).click();
    await village.getByTestId('close-confirm').click();
    await village.getByTestId('closure').waitFor();
    await village.keyboard.press('Escape');

    await openSyncDrawer(village);
    await syncUntil(village, 'idle');
    const delivered = village.locator('[data-testid=sync-batch-row][data-status=delivered]');
    await delivered.first().waitFor({ timeout: 30_000 });
    returnedBatchId = (await delivered.first().getAttribute('data-batch-id')) ?? '';
    await closeDrawer(village);

    const page = county!;
    await page.getByTestId('nav-county').click();
    const row = page.locator(`[data-testid=county-batch-row][data-batch-id="${returnedBatchId}"]`);
    await eventually('the second batch on the county screen', async () => {
      if ((await row.count()) > 0) return true;
      const refresh = page.getByTestId('county-refresh');
      if (await refresh.isEnabled()) await refresh.click();
      return false;
    }, 30_000, 500);
    await row.click();
    const liRow = page.getByTestId('batch-record-row').filter({ hasText: LI_SI.name });
    await liRow.waitFor();
    // Every record by what a person knows it by: names and masked numbers, never an internal id or a code.
    const labels = await page.getByTestId('record-label').allInnerTexts();
    expect(labels.some((l) => l.startsWith(`${LI_SI.name} 3701`))).toBe(true);
    for (const label of labels) expect(label).not.toMatch(/[a-z]+:[a-z0-9]|present|closed|\bam\b/);
    await shot(page, 'sync-08-county-labels');
    const index = (await liRow.getAttribute('data-index')) ?? '';
    await page.getByTestId(`record-decision-${index}`).getByText('退回').click();
    await page.getByTestId(`record-reason-${index}`).fill('注销日期与登记同日，请核实');
    await page.getByTestId('submit-review').click();
    await page.locator('[data-testid=batch-status][data-status=returned]').waitFor({ timeout: 15_000 });
    await shot(page, 'sync-09-county-returned');
  });

  it('shows the returned record at the village by its label, opening where the clerk can reopen it', async () => {
    await openSyncDrawer(village);
    await syncUntil(village, 'idle');
    const batchRow = village.locator(`[data-testid=sync-batch-row][data-batch-id="${returnedBatchId}"][data-status=returned]`);
    await batchRow.waitFor({ timeout: 30_000 });
    await batchRow.locator('.ant-table-row-expand-icon').click();
    const label = village.getByTestId('sync-returned-label').first();
    await waitForText(label, LI_SI.name);
    expect(await textOf(label)).toMatch(new RegExp(`^居民登记 ${LI_SI.name} 3701\\*+\\d{3}[\\dX]$`));
    expect(await textOf(village.getByTestId('sync-batch-returned'))).toContain('注销日期与登记同日');
    expect(await textOf(batchRow)).toContain(VILLAGE_CLERK.displayName);
    await shot(village, 'sync-10-village-returned');
    await village.getByTestId('sync-returned-open').first().click();
    await village.getByTestId('sync-drawer').waitFor({ state: 'hidden' });

    // The registration is closed: the notice offers to reopen it, and 编辑 says why it waits.
    await waitForText(village.getByTestId('detail-name'), LI_SI.name);
    await village.locator('[data-testid=returned-reason][data-state=toCorrect]').waitFor();
    expect(await textOf(village.getByTestId('returned-action'))).toContain('请先重新打开登记');
    expect(await village.getByTestId('detail-edit').isDisabled()).toBe(true);
    // Who registered and closed it, by name.
    expect(await textOf(village.getByTestId('resident-detail'))).toContain(`经办人：${VILLAGE_CLERK.displayName}`);
    expect(await textOf(village.getByTestId('resident-detail'))).not.toContain(VILLAGE_CLERK.loginName);
    await shot(village, 'sync-11-village-returned-closed');
    await village.getByTestId('returned-reopen').click();
    await village.getByTestId('reopen-reason').fill('县级退回：注销有误');
    await village.getByTestId('reopen-confirm').click();
    await village.getByTestId('closure').waitFor({ state: 'detached' });
    await eventually('编辑 enabled once reopened', async () => village.getByTestId('detail-edit').isEnabled());
    await shot(village, 'sync-12-village-reopened');
    await village.keyboard.press('Escape');

    // The audit log names who reopened whom, by name.
    await village.getByTestId('nav-audit').click();
    const reopened = village.locator('[data-testid=audit-row][data-action=reopen]').first();
    await reopened.waitFor();
    expect(await textOf(reopened.getByTestId('audit-by'))).toBe(VILLAGE_CLERK.displayName);
    expect(await textOf(reopened.getByTestId('audit-what'))).toContain(`${LI_SI.name} 3701`);
    expect(await textOf(village.getByTestId('audit-screen'))).not.toMatch(/resident:|user:|idNumber|admin01/);
    await shot(village, 'sync-13-village-audit');

    // The same in English, at 1366×768: the audit log, the returned record, the county's labels.
    await village.setViewportSize({ width: 1366, height: 768 });
    await village.getByTestId('language-switch').getByText('English').click();
    await waitForText(reopened.getByTestId('audit-what'), 'closed');
    expect(await textOf(village.getByTestId('audit-screen'))).not.toMatch(/resident:|user:|idNumber|admin01|重新打开/);
    await shot(village, 'sync-14-village-audit-en');
    await openSyncDrawer(village);
    // Still open from before (the drawer keeps its rows' state).
    if (!(await village.getByTestId('sync-returned-label').first().isVisible())) {
      await village.locator(`[data-testid=sync-batch-row][data-batch-id="${returnedBatchId}"]`).locator('.ant-table-row-expand-icon').click();
    }
    await waitForText(village.getByTestId('sync-returned-label').first(), '(resident)');
    expect(await textOf(village.getByTestId('sync-returned-label').first())).toMatch(new RegExp(`^${LI_SI.name} 3701\\*+\\d{3}[\\dX] \\(resident\\)$`));
    await village.waitForTimeout(500);
    await shot(village, 'sync-15-village-returned-en');
    await closeDrawer(village);
    await village.getByTestId('language-switch').getByText('中文').click();
    const page = county!;
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.getByTestId('language-switch').getByText('English').click();
    await waitForText(page.getByTestId('record-label').first(), LI_SI.name);
    await shot(page, 'sync-16-county-labels-en');
    await page.getByTestId('language-switch').getByText('中文').click();
  });
});
