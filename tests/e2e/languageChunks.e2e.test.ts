// One language loaded at a time (issue 18): the built renderer keeps each language's texts in a
// chunk of its own, the entry chunk (and whatever index.html or the entry import statically)
// holds no English text, and a Chinese screen never requests the English chunk. Switching to
// English fetches it and changes the screen; a stored choice of English loads English only, before
// anything is shown. Needs `npm run build` first. LEYE_E2E_SHOTS=/dir keeps the screenshots.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { textKeys } from '../../shared/i18n/merge';
import { resources } from '../../shared/i18n/resources';
import { launchBrowser, setLanguage, setUpStation, shot, startHost, tempDir, type RunningHost } from './harness';

const DIST = path.resolve(import.meta.dirname, '../../dist/renderer');
const ASSETS = path.join(DIST, 'assets');

/** A text at a dotted key of a resource tree. */
const textAt = (tree: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

/**
 * English texts that can only come from the English tables: long plain sentences (a minifier
 * writes them unchanged) that no Chinese text contains.
 */
function englishOnlyTexts(): string[] {
  const chinese = new Set(textKeys(resources['zh-CN']).map((key) => textAt(resources['zh-CN'], key)));
  return textKeys(resources.en)
    .map((key) => textAt(resources.en, key))
    .filter((text): text is string => typeof text === 'string' && text.length >= 30 && /^[A-Za-z0-9 ,.;:()/–—’-]+$/.test(text) && !chinese.has(text));
}

/** The chunks a page loads before any import(): index.html's scripts and preloads and their static imports, transitively. */
function chunksLoadedAtStart(): Set<string> {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const chunk = pending.pop()!;
    if (seen.has(chunk)) continue;
    seen.add(chunk);
    const code = fs.readFileSync(path.join(ASSETS, chunk), 'utf8');
    // Static imports only (`import{…}from"./x.js"`, `import"./x.js"`, `export{…}from"./x.js"`); import(…) is lazy.
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([^"']+\.js)["']/g)) pending.push(match[1]!);
  }
  return seen;
}

let chunks: Map<string, string> | undefined;

/** The chunks whose code holds a text. */
function chunksHolding(text: string): string[] {
  chunks ??= new Map(fs.readdirSync(ASSETS).filter((file) => file.endsWith('.js')).map((file) => [file, fs.readFileSync(path.join(ASSETS, file), 'utf8')]));
  return [...chunks].filter(([, code]) => code.includes(text)).map(([file]) => file);
}

/** A chunk's name without its content hash. */
const unhashed = (file: string) => file.replace(/-[\w-]{8}\.js$/, '');

/** Records the login card's titles as they are painted, from the page's first script on. */
const RECORD_TITLES = `
  window.seenTitles = [];
  new MutationObserver(() => {
    const title = document.querySelector('.ant-card-head-title')?.textContent;
    if (title && window.seenTitles.at(-1) !== title) window.seenTitles.push(title);
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

describe('one language loaded at a time', () => {
  let host: RunningHost;
  let browser: Browser;
  let context: BrowserContext;
  const requested: string[] = [];
  const english = englishOnlyTexts();
  const zh = resources['zh-CN'];
  const en = resources.en;

  /** The language chunks a page has requested so far. */
  const languageChunks = () => ({
    zh: requested.filter((url) => /\/assets\/rendererTexts\.zh-CN-[^/]+\.js$/.test(url)).length,
    en: requested.filter((url) => /\/assets\/rendererTexts\.en-[^/]+\.js$/.test(url)).length,
  });

  async function openPage(): Promise<Page> {
    const page = await context.newPage();
    page.on('request', (request) => void requested.push(request.url()));
    return page;
  }

  beforeAll(async () => {
    host = await startHost({ dataDir: tempDir('leye-e2e-languages-') });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await host?.stop();
  });

  it('builds the English texts into a chunk of their own, which the entry does not import', () => {
    expect(english.length).toBeGreaterThan(200);
    const atStart = chunksLoadedAtStart();
    expect(atStart.size).toBeGreaterThan(0);
    for (const chunk of atStart) {
      const code = fs.readFileSync(path.join(ASSETS, chunk), 'utf8');
      expect(english.filter((text) => code.includes(text)), `English texts in ${chunk}, loaded at start`).toEqual([]);
    }
    // Every English-only text is in the one English chunk.
    const holders = new Set(english.flatMap(chunksHolding));
    expect([...holders].map(unhashed)).toEqual(['rendererTexts.en']);
    expect(atStart.has([...holders][0]!)).toBe(false);
    // The Chinese texts are a chunk of their own too, loaded with import() like the English one.
    expect(chunksHolding(zh.nav.groups.sync).map(unhashed)).toEqual(['rendererTexts.zh-CN']);
  });

  it('opens the Chinese first-run and login screens without requesting the English texts', async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const setup = await openPage();
    await setup.goto(host.url);
    await setup.getByTestId('setup-submit').waitFor();
    expect((await setup.getByTestId('setup-submit').innerText()).replace(/\s/g, '')).toBe(zh.setup.submit);
    await setUpStation(setup, ['济南市', '历下区', '解放路街道', '解放桥社区居民委员会'], { loginName: 'wangli', displayName: '王丽', password: 'secret-123' });
    await setup.close();

    // A new browser profile: the login screen.
    await context.close();
    requested.length = 0;
    context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await openPage();
    await page.goto(host.url);
    await page.getByTestId('login-name').waitFor();
    expect(await page.locator('.ant-card-head-title').first().innerText()).toBe(zh.login.title);
    expect(await page.evaluate('document.documentElement.lang')).toBe('zh-CN');
    expect(languageChunks()).toEqual({ zh: 1, en: 0 });
    await shot(page, 'languages-login-zh');

    // The header's switch fetches English, then every text on the screen changes.
    await setLanguage(page, 'English');
    expect(languageChunks()).toEqual({ zh: 1, en: 1 });
    expect(await page.locator('.ant-card-head-title').first().innerText()).toBe(en.login.title);
    expect(await page.getByTestId('login-submit').innerText()).toBe(en.login.submit);
    await shot(page, 'languages-login-en');
    await page.close();
  });

  it('starts in a stored English with only the English texts, and switches back to Chinese', async () => {
    requested.length = 0;
    const page = await openPage();
    // No Chinese login text may be painted before the English one.
    await page.addInitScript(RECORD_TITLES);
    await page.goto(host.url);
    await page.getByTestId('login-name').waitFor();
    expect(await page.locator('.ant-card-head-title').first().innerText()).toBe(en.login.title);
    expect(await page.evaluate('window.seenTitles')).toEqual([en.login.title]);
    expect(languageChunks()).toEqual({ zh: 0, en: 1 });

    await setLanguage(page, '中文');
    expect(await page.locator('.ant-card-head-title').first().innerText()).toBe(zh.login.title);
    expect(languageChunks()).toEqual({ zh: 1, en: 1 });
    await page.close();
  });
});
