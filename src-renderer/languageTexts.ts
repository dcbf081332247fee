// The language the renderer starts in and where each language's texts are (issue 18), apart from
// i18next so the page's first script (./boot.ts) can fetch the texts before the app's code has
// loaded: each language's texts are a chunk of their own (rendererTexts.zh-CN.ts,
// rendererTexts.en.ts), fetched with import() when first used; the same import() from ./i18n.ts
// then finds the module the first script asked for.

import type { rendererZhCN } from './rendererTexts.zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One language's texts (English is typed by the Chinese tables). */
export type Texts = typeof rendererZhCN;

const LANGUAGE_KEY = 'leye.language';

/** Each language's texts, fetched the first time the language is used. */
export const textsOf: Record<Language, () => Promise<Texts>> = {
  'zh-CN': () => import('./rendererTexts.zh-CN').then((module) => module.rendererZhCN),
  en: () => import('./rendererTexts.en').then((module) => module.rendererEn),
};

/** The language chosen last on this machine, else zh-CN. */
export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function rememberLanguage(language: Language) {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}
