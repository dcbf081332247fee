// 关于与诊断 in the browser preview, on the demo station: the screen shows the station, the
// version and the record counts the core reports, and the diagnostics file it downloads holds
// the log of a refused registration but not the ID number or the phone typed into it.

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { idNumberCheckChar } from '../../shared/id/idNumber';
import { connectToUrl } from '../../src-main/host/socketClient';
import { launchBrowser, localToday, logInIfAsked, shot, startHost, tempDir, textOf, type RunningHost } from './harness';

const FAKE_ID = (() => {
  const first17 = '37010219800214551';
  return first17 + idNumberCheckChar(first17);
})();
const FAKE_PHONE = '13905318888';

describe('about and diagnostics', () => {
  const dataDir = tempDir();
  let host: RunningHost;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('shows the station, the version and the records by type', async () => {
    await page.goto(host.url);
    await page.getByTestId('setup-demo').click();
    await logInIfAsked(page, { loginName: 'demo', password: 'demo1234' });
    // A resident registered, then the same person again: refused, and logged as such.
    const { client, close } = await connectToUrl(host.url);
    try {
      await client.call('auth.login', { loginName: 'demo', password: 'demo1234' });
      const person = {
        idNumber: FAKE_ID,
        name: '赵测试',
        phone: FAKE_PHONE,
        householdType: 'agricultural' as const,
        address: '解放桥社区 9 号',
        education: 'juniorHigh' as const,
        targetGroups: ['migrantWorker' as const],
        registration: { kind: 'jobSeeking' as const, date: localToday() },
      };
      await client.call('residents.register', person);
      await expect(client.call('residents.register', person)).rejects.toMatchObject({ rpc: { code: 'DUPLICATE_RESIDENT' } });
    } finally {
      close();
    }

    await page.getByTestId('nav-about').click();
    await page.getByTestId('about-details').waitFor();
    expect(await textOf(page.getByTestId('about-version'))).toMatch(/乐业驿站 \d+\.\d+\.\d+/);
    expect(await textOf(page.getByTestId('about-station'))).toContain('370102001002');
    expect(await textOf(page.getByTestId('about-sync'))).toContain('未连接县级服务器');
    const residents = page.getByTestId('about-documents').locator('tr', { hasText: '居民登记' });
    // The demo's 60 fake residents and the one registered above.
    expect(await textOf(residents)).toContain('61');
    await shot(page, 'about');
  });

  it('downloads a diagnostics file with the log, without the ID number or the phone', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('about-bundle').click()]);
    expect(download.suggestedFilename()).toMatch(/^乐业驿站诊断-370102001002-\d{8}-\d{4}\.json\.gz$/);
    const file = await download.path();
    const json = gunzipSync(readFileSync(file)).toString('utf8');
    const bundle = JSON.parse(json) as { documents: { type: string; count: number }[]; logLines: string[] };
    expect(bundle.documents).toContainEqual({ type: 'resident', count: 61 });
    expect(bundle.logLines.some((line) => line.includes('DUPLICATE_RESIDENT'))).toBe(true);
    expect(json).not.toContain(FAKE_ID);
    expect(json).not.toContain(FAKE_PHONE);
    expect(json).not.toContain('赵测试');
  });
});
