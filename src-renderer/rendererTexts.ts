// The renderer's resources in both languages, for the tests: ./i18n.ts loads one language at a
// time (rendererTexts.zh-CN.ts or rendererTexts.en.ts). Every domain's shared texts
// (../shared/i18n/resources.*.ts) and the tables only a screen uses, kept next to the screen (the
// 待办 screen's). A screen adds its table to both languages' modules; rendererTexts.test.ts checks
// both languages and that no key is defined twice.

import { rendererEn, rendererEnTables } from './rendererTexts.en';
import { rendererZhCN, rendererZhCNTables } from './rendererTexts.zh-CN';

export const rendererTextTables = {
  'zh-CN': rendererZhCNTables,
  en: rendererEnTables,
} as const;

/** English typed by zh-CN. */
export const rendererResources: { 'zh-CN': typeof rendererZhCN; en: typeof rendererZhCN } = {
  'zh-CN': rendererZhCN,
  en: rendererEn,
};
