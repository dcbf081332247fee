// The renderer's zh-CN resource: every domain's shared zh-CN texts (../shared/i18n/resources.zh-CN.ts)
// and the zh-CN tables only a screen uses, kept next to the screen (the 待办 screen's). Loaded by
// ./i18n.ts with import() when Chinese is in use; a screen adds its table here and in
// rendererTexts.en.ts (rendererTexts.test.ts checks both languages and that no key is defined twice).

import { mergeTexts } from '../shared/i18n/merge';
import { resourcesZhCN } from '../shared/i18n/resources.zh-CN';
import { worklistScreenZhCN } from './worklist/texts';

/** The screens' own zh-CN tables. */
export const rendererZhCNTables = [worklistScreenZhCN] as const;

export const rendererZhCN = mergeTexts(resourcesZhCN, ...rendererZhCNTables);
