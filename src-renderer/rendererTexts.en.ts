// The renderer's English resource: every domain's shared English texts
// (../shared/i18n/resources.en.ts) and the screens' own English tables, in the order of
// rendererTexts.zh-CN.ts. Loaded by ./i18n.ts with import() only when English is in use.

import { mergeTexts } from '../shared/i18n/merge';
import { resourcesEn } from '../shared/i18n/resources.en';
import { worklistScreenEn } from './worklist/texts.en';

/** The screens' own English tables. */
export const rendererEnTables = [worklistScreenEn] as const;

export const rendererEn = mergeTexts(resourcesEn, ...rendererEnTables);
