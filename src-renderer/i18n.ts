// i18next set-up: zh-CN first, English second; the choice is remembered on this machine.
// One language is loaded at a time: each language's texts are a chunk of their own
// (rendererTexts.zh-CN.ts, rendererTexts.en.ts, see ./languageTexts.ts) fetched with import() when
// first used, so a Chinese screen never downloads or parses the English texts; the page's first
// script (./boot.ts) has asked for the language in use already. The language in use is loaded
// before this module finishes (top-level await), so main.tsx renders nothing before the texts are
// there and a stored choice of English shows no Chinese first. Switching waits for the other
// language's texts, then changes every screen at once.

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { rememberLanguage, storedLanguage, textsOf, type Language } from './languageTexts';

export { LANGUAGES, type Language } from './languageTexts';

function applyDayjs(language: Language) {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
}

const initial = storedLanguage();

/** The languages whose texts i18next holds or is fetching (a failed fetch is forgotten, to be tried again). */
const loaded = new Map<Language, Promise<void>>();

/** Gives i18next a language's texts, fetching them once. */
export function loadLanguage(language: Language): Promise<void> {
  let loading = loaded.get(language);
  if (!loading) {
    loading = textsOf[language]().then(
      (texts) => {
        i18n.addResourceBundle(language, 'translation', texts);
      },
      (error: unknown) => {
        loaded.delete(language);
        throw error;
      },
    );
    loaded.set(language, loading);
  }
  return loading;
}

const initialTexts = await textsOf[initial]();
loaded.set(initial, Promise.resolve());
await i18n.use(initReactI18next).init({
  resources: { [initial]: { translation: initialTexts } },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
applyDayjs(initial);

/** The language last asked for: a slower earlier switch must not undo a later one. */
let wanted: Language = initial;

/** Switches the UI once the language's texts are there; resolves when every screen shows it. */
export async function switchLanguage(language: Language): Promise<void> {
  wanted = language;
  await loadLanguage(language);
  if (wanted !== language) return;
  rememberLanguage(language);
  applyDayjs(language);
  await i18n.changeLanguage(language);
}

/** The header's switch: the screens keep the current language until the other one's texts are loaded. */
export function setLanguage(language: Language): void {
  // A failed fetch (the app's files unreadable) leaves the current language; choosing again retries.
  switchLanguage(language).catch(() => undefined);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
