// One language loaded at a time: the renderer's i18n module fetches only the language in use
// (the stored choice, else zh-CN) before it finishes, and fetches the other one on a switch,
// changing the language only once its texts are there (a later choice wins over a slower one).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const stored = new Map<string, string>();

beforeEach(() => {
  stored.clear();
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => stored.get(key) ?? null,
    setItem: (key: string, value: string) => void stored.set(key, value),
  });
  vi.stubGlobal('document', { documentElement: { lang: '' } });
  vi.resetModules();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const load = () => import('./i18n');

describe("the renderer's languages", () => {
  it('start in zh-CN with only the Chinese texts loaded; English is fetched by the switch, then shown', async () => {
    const { default: i18n, switchLanguage, currentLanguage } = await load();
    expect(currentLanguage()).toBe('zh-CN');
    expect(i18n.t('app.title')).toBe('乐业驿站');
    expect(i18n.t('worklistScreen.refresh')).toBe('刷新');
    expect(i18n.hasResourceBundle('zh-CN', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    expect(document.documentElement.lang).toBe('zh-CN');

    const switching = switchLanguage('en');
    // Until the English texts are there the screens stay Chinese.
    expect(currentLanguage()).toBe('zh-CN');
    await switching;
    expect(currentLanguage()).toBe('en');
    expect(i18n.t('app.title')).toBe('Leye Station');
    // The shared tables and a screen's own (the 待办 screen's) alike.
    expect(i18n.t('worklistScreen.refresh')).toBe('Refresh');
    expect(document.documentElement.lang).toBe('en');
    expect(stored.get('leye.language')).toBe('en');

    await switchLanguage('zh-CN');
    expect(i18n.t('app.title')).toBe('乐业驿站');
    expect(stored.get('leye.language')).toBe('zh-CN');
  });

  it('load a stored choice of English before the first render, without the Chinese texts', async () => {
    stored.set('leye.language', 'en');
    const { default: i18n, currentLanguage } = await load();
    expect(currentLanguage()).toBe('en');
    expect(i18n.t('login.title')).toBe('Log in');
    expect(i18n.hasResourceBundle('zh-CN', 'translation')).toBe(false);
    expect(document.documentElement.lang).toBe('en');
  });

  it('keep the last choice when an earlier switch is still loading', async () => {
    const { switchLanguage, currentLanguage } = await load();
    const toEnglish = switchLanguage('en');
    const backToChinese = switchLanguage('zh-CN');
    await Promise.all([toEnglish, backToChinese]);
    expect(currentLanguage()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(stored.get('leye.language')).toBe('zh-CN');
  });
});
