// End-to-end harness: the built core host as a child process (the browser preview exactly as a
// user starts it) and Debian's Chromium driven by playwright-core.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { idNumberCheckChar } from '../../shared/id/idNumber';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function tempDir(prefix = 'leye-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface RunningHost {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function startHost(options: { dataDir: string; port?: number }): Promise<RunningHost> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist/host/node-host.cjs'), '--data-dir', options.dataDir, '--renderer', path.join(ROOT, 'dist/renderer'), '--port', String(options.port ?? 0)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((l) => l.startsWith('LEYE_HOST_READY '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('LEYE_HOST_READY '.length)) as { url: string; port: number });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited with ${code}:\n${output}`));
    });
  });
  return {
    ...ready,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

// ── page helpers shared by the specs ───────────────────────────────────────────────────────

/** Today as the browser and the core see it (local time). */
export function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The backup tests' clerk and a job seeker registered today (ID number from the 3-digit sequence). */
export const BACKUP_CLERK = { loginName: 'wangli', displayName: '王丽', password: 'secret-123' };
export function jobSeeker(name: string, seq: string) {
  const first17 = `37010219800101${seq}`;
  return {
    idNumber: first17 + idNumberCheckChar(first17),
    name,
    phone: '13900001111',
    householdType: 'agricultural' as const,
    address: '解放桥社区 1 号',
    education: 'juniorHigh' as const,
    targetGroups: ['migrantWorker' as const],
    registration: { kind: 'jobSeeking' as const, date: localToday() },
  };
}

export async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor();
  return (await locator.innerText()).trim();
}

/** Waits until the locator's text contains `text` (playwright-core has no auto-retrying expect). */
export async function waitForText(locator: Locator, text: string, timeout = 10_000): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout });
}

export async function waitForCount(locator: Locator, count: number, timeout = 10_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const n = await locator.count();
    if (n === count) return;
    if (Date.now() > until) throw new Error(`expected ${count} elements, found ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** With LEYE_E2E_SHOTS=/some/dir, keeps a full-page screenshot of a step there. */
export async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.LEYE_E2E_SHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/** After a reload or a restart the core may or may not remember the session: log in if asked. */
export async function logInIfAsked(page: Page, account: { loginName: string; password: string }): Promise<void> {
  const login = page.getByTestId('login-name');
  const app = page.getByTestId('current-user');
  await login.or(app).first().waitFor();
  if (!(await login.isVisible())) return;
  await login.fill(account.loginName);
  await page.getByTestId('login-password').fill(account.password);
  await page.getByTestId('login-submit').click();
  await app.waitFor();
}

/**
 * First-run setup through the setup screen: the place chosen along `placePath` (a village, a
 * township or a county: the cascader accepts any level) and the first account, then logged in.
 */
export async function setUpStation(
  page: Page,
  placePath: string[],
  clerk: { loginName: string; displayName: string; password: string },
): Promise<void> {
  const cascader = page.getByTestId('place-cascader');
  await cascader.click();
  for (const name of placePath) {
    await page.locator('.ant-cascader-menu-item', { hasText: name }).first().click();
  }
  await waitForText(cascader, placePath.join(' / '));
  // Above village level the menu stays open for the next level down.
  const menu = page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)');
  if (await menu.isVisible()) {
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
  }
  await page.getByTestId('setup-loginName').fill(clerk.loginName);
  await page.getByTestId('setup-displayName').fill(clerk.displayName);
  await page.getByTestId('setup-password').fill(clerk.password);
  await page.getByTestId('setup-confirm').fill(clerk.password);
  await page.getByTestId('setup-submit').click();
  await logInIfAsked(page, clerk);
}

// ── steps shared by the journeys ───────────────────────────────────────────────────────────

/** Polls `check` until it holds (each round may act, e.g. press a refresh button). */
export async function eventually(what: string, check: () => Promise<boolean>, timeout = 30_000, every = 250): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

export async function openSyncDrawer(page: Page): Promise<void> {
  await page.getByTestId('sync-indicator').click();
  await page.getByTestId('sync-drawer').waitFor();
}

export async function closeDrawer(page: Page): Promise<void> {
  await page.getByTestId('sync-drawer').locator('.ant-drawer-close').click();
  await page.getByTestId('sync-drawer').waitFor({ state: 'hidden' });
}

/**
 * Presses 立即同步 (in the open drawer) until the indicator shows `state`. A live sync attempt
 * that began just before the server answered may still fail; the button then runs a fresh one.
 */
export async function syncUntil(page: Page, state = 'idle', timeout = 30_000): Promise<void> {
  const button = page.getByTestId('sync-now');
  const indicator = page.getByTestId('sync-indicator');
  let pressed = false;
  await eventually(`the sync indicator to show ${state}`, async () => {
    const now = await indicator.getAttribute('data-state');
    if (pressed && now === state) return true;
    if ((!pressed || now === 'failed') && (await button.isEnabled())) {
      await button.click();
      pressed = true;
    }
    return false;
  }, timeout);
}

/** Types an ISO day into an antd date picker wrapped in a test id. */
export async function pickDate(page: Page, testId: string, date: string): Promise<void> {
  const input = page.getByTestId(testId).locator('input');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
  if ((await input.inputValue()) !== date) throw new Error(`the date picker ${testId} shows ${await input.inputValue()}, not ${date}`);
}

/**
 * Registers a job seeker at the form (农业, 初中, 农村务工人员); `beforeSave` runs on the filled
 * form (e.g. to photograph it). Leaves the detail drawer closed.
 */
export async function registerAtForm(page: Page, person: { name: string; id: string; phone: string }, beforeSave?: () => Promise<void>): Promise<void> {
  await page.getByTestId('nav-register').click();
  await page.getByTestId('field-name').fill(person.name);
  await page.getByTestId('field-idNumber').fill(person.id);
  await page.getByTestId('field-phone').fill(person.phone);
  await page.getByTestId('field-householdType').getByText('农业', { exact: true }).click();
  await page.getByTestId('field-education').click();
  await page.locator('.ant-select-item-option', { hasText: '初中' }).click();
  await page.getByTestId('field-address').fill('解放桥社区 1 号');
  await page.getByTestId('field-targetGroups').getByText('农村务工人员').click();
  if (beforeSave) await beforeSave();
  await page.getByTestId('form-submit').click();
  await waitForText(page.getByTestId('detail-name'), person.name);
  await page.keyboard.press('Escape');
}

/** Switches the UI's language (dispatched: an open drawer or modal covers the header, and the switch still works under it). */
export async function setLanguage(page: Page, language: '中文' | 'English'): Promise<void> {
  await page.getByTestId('language-switch').getByText(language, { exact: true }).dispatchEvent('click');
  await page.waitForFunction(`document.documentElement.lang === ${JSON.stringify(language === '中文' ? 'zh-CN' : 'en')}`, undefined, { timeout: 5_000 }).catch(() => undefined);
  await page.waitForTimeout(150);
}
