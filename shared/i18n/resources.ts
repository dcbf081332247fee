// Both languages' merged texts, for the Node core (prints, spreadsheets, error texts) and the tests.
// The renderer does not import this module: it loads one language at a time
// (resources.zh-CN.ts or resources.en.ts, through src-renderer/i18n.ts).

import { enTables, resourcesEn } from './resources.en';
import { resourcesZhCN, zhCNTables } from './resources.zh-CN';

/** The tables of each language, in the same order (the tests check that no key is defined twice). */
export const textTables = {
  'zh-CN': zhCNTables,
  en: enTables,
} as const;

/** The UI's texts: `{ 'zh-CN': {...}, en: {...} }`, each one tree of keys (`nav.groups.people`, `errors.required`…); English typed by zh-CN. */
export const resources: { 'zh-CN': typeof resourcesZhCN; en: typeof resourcesZhCN } = {
  'zh-CN': resourcesZhCN,
  en: resourcesEn,
};
