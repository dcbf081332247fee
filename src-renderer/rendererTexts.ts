// The renderer's resources: every domain's shared texts (../shared/i18n/resources.ts) and the
// tables only a screen uses, kept next to the screen (the 待办 screen's). A screen adds its table
// to both lists; rendererTexts.test.ts checks both languages and that no key is defined twice.

import { mergeTexts } from '../shared/i18n/merge';
import { resources } from '../shared/i18n/resources';
import { worklistScreenEn, worklistScreenZhCN } from './worklist/texts';

export const rendererTextTables = {
  'zh-CN': [worklistScreenZhCN],
  en: [worklistScreenEn],
} as const;

export const rendererResources = {
  'zh-CN': mergeTexts(resources['zh-CN'], ...rendererTextTables['zh-CN']),
  en: mergeTexts(resources.en, ...rendererTextTables.en),
};
