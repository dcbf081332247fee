// Text from other stations is rendered as text. The resident form refuses markup in a name, so
// the hostile record is written straight into the station's database before the host starts, as
// replication from the county would bring it; then the residents list, the resident drawer and
// the printed registration form must show the literal text, create no element from it, and
// raise no dialog.

import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createServerAdmin, startPouchServer, type PouchServer } from '../../county/pouchServer';
import { Core, type Session } from '../../src-main/core/core';
import { FIXED_NOW, idNumber, registration, VILLAGE, villagePost } from '../../src-main/core/testing/fixtures';
import { launchBrowser, logInIfAsked, shot, startHost, tempDir, textOf, waitForText } from './harness';

const CLERK = { loginName: 'clerk01', displayName: '王丽', password: 'Leye-2025-pass' };
const HOSTILE = {
  name: '<img src=x onerror=alert(1)>',
  address: '<script>alert("address")</script>东街 1 号',
  skills: '<b onmouseover=alert(2)>焊工</b><svg onload=alert(3)>',
};
const READY_PROBE = () => {
  const page = globalThis as unknown as { location: { hash: string }; document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } };
  return page.document.querySelector('[data-print-ready="true"]')?.getAttribute('data-print-hash') === page.location.hash;
};

/** A station with one resident whose text fields carry markup, as if replicated in. */
async function seedHostileStation(dataDir: string): Promise<string> {
  const core = await Core.open({ dataDir, clock: () => new Date(Math.max(Date.now(), FIXED_NOW.getTime())) });
  try {
    const session: Session = { user: null };
    await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: CLERK });
    await core.call(session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
    const view = await core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', '555'), registration: { kind: 'jobSeeking', date: '2026-11-20' } }));
    const stored = await core.db.get<Record<string, unknown>>(view.id);
    await core.db.put({ ...stored, ...HOSTILE });
    await core.whenIndexed();
    return view.id;
  } finally {
    await core.close();
  }
}

/** Nothing the markup asked for exists in the page: no image, script, svg or handler from it. */
async function noInjectedElements(page: Page): Promise<void> {
  const injected = await page.evaluate<number>(
    `document.querySelectorAll('img[src="x"], [onerror], [onload], [onmouseover], svg[onload], b[onmouseover]').length + [...document.scripts].filter((s) => s.textContent.includes('alert')).length`,
  );
  expect(injected).toBe(0);
}

describe('hostile text from other stations, end to end', () => {
  const dataDir = tempDir();
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;
  let residentId: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    residentId = await seedHostileStation(dataDir);
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('shows the name literally in the residents list', async () => {
    await page.goto(host.url);
    await logInIfAsked(page, CLERK);
    await page.getByTestId('nav-residents').click();
    await waitForText(page.getByTestId('resident-total'), '共 1 人');
    expect(await textOf(page.getByTestId('resident-row').first().getByTestId('resident-name'))).toBe(HOSTILE.name);
    await noInjectedElements(page);
  });

  it('shows name, address and skills literally in the resident drawer', async () => {
    await page.getByTestId('resident-row').first().click();
    await waitForText(page.getByTestId('detail-name'), HOSTILE.name);
    const detail = await textOf(page.getByTestId('resident-detail'));
    expect(detail).toContain(HOSTILE.address);
    expect(detail).toContain(HOSTILE.skills);
    await noInjectedElements(page);
    await page.keyboard.press('Escape');
  });

  it('prints the registration form with the literal text', async () => {
    await page.evaluate(`window.location.hash = ${JSON.stringify(`#/print/registration/${encodeURIComponent(residentId)}`)}`);
    await page.waitForFunction(READY_PROBE, undefined, { timeout: 30_000 });
    expect(await textOf(page.getByTestId('pf-name'))).toBe(HOSTILE.name);
    const form = await textOf(page.getByTestId('print-route'));
    expect(form).toContain(HOSTILE.address);
    expect(form).toContain(HOSTILE.skills);
    await noInjectedElements(page);
    // The printed PDF carries it as text too.
    const pdf = path.join(tempDir('leye-hostile-pdf-'), 'registration.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const printed = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(printed).toContain(HOSTILE.name.replace(/\s+/g, ''));
    expect(dialogs).toEqual([]);
  });
});

describe('county data that fails its schema, in the sync drawer', () => {
  const dataDir = tempDir();
  const ADMIN = { username: 'county-admin', password: 'county-secret' };
  let county: PouchServer;
  let browser: Browser;
  let host: Awaited<ReturnType<typeof startHost>>;
  let page: Page;

  beforeAll(async () => {
    county = await startPouchServer({ dir: tempDir('leye-hostile-county-') });
    await createServerAdmin(county.url, ADMIN.username, ADMIN.password);
    const auth = { authorization: 'Basic ' + Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64'), 'content-type': 'application/json' };
    for (const db of [`station_${VILLAGE}`, 'county_ref']) await fetch(`${county.url}/${db}`, { method: 'PUT', headers: auth });
    // A post the county's admin wrote past validation: markup for a name, hours that are not a number.
    await fetch(`${county.url}/county_ref/${villagePost('XC-BAD')}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({
        type: 'post', schemaVersion: 1, placeCode: VILLAGE, createdBy: 'county', createdAt: '2026-11-01T02:00:00.000Z', updatedBy: 'county', updatedAt: '2026-11-01T02:00:00.000Z',
        code: 'XC-BAD', name: HOSTILE.name, kind: 'rural', category: 'ruralCleaning', employer: { name: '街道办', creditCode: '' },
        plannedHoursPerMonth: 'lots', payPerMonthFen: 100_000, startDate: '2026-01-01', endDate: '2026-12-31',
      }),
    });
    const core = await Core.open({ dataDir });
    try {
      const session: Session = { user: null };
      await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: CLERK });
      await core.call(session, 'auth.login', { loginName: CLERK.loginName, password: CLERK.password });
      await core.call(session, 'sync.connect', { url: county.url, ...ADMIN });
      await core.call(session, 'sync.now', {});
    } finally {
      await core.close();
    }
    host = await startHost({ dataDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
    await county?.stop();
  });

  it('lists it as a warning in the sync drawer, with its source and the field at fault', async () => {
    await page.goto(host.url);
    await logInIfAsked(page, CLERK);
    await page.getByTestId('sync-indicator').click();
    const warning = page.getByTestId('sync-quarantine');
    await waitForText(warning, '未采用的县级数据');
    const row = warning.getByTestId('sync-quarantine-row');
    expect(await row.getAttribute('data-id')).toBe(villagePost('XC-BAD'));
    const text = await textOf(row);
    // Named in words: the post by its code, the source by what it is.
    expect(text).toContain('公益性岗位 XC-BAD');
    expect(text).toContain('县级参考数据');
    expect(text).toContain('plannedHoursPerMonth');
    await shot(page, 'sync-quarantine');
    await noInjectedElements(page);
  });
});
