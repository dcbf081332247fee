import { describe, expect, it } from 'vitest';
import { textKeys } from '../shared/i18n/merge';
import { resources } from '../shared/i18n/resources';
import { rendererResources, rendererTextTables } from './rendererTexts';

describe("the renderer's own texts", () => {
  it('have the same keys in both languages, none empty', () => {
    expect(textKeys(rendererResources.en).sort()).toEqual(textKeys(rendererResources['zh-CN']).sort());
    for (const language of ['zh-CN', 'en'] as const) expect(JSON.stringify(rendererTextTables[language]), language).not.toMatch(/:""/);
  });

  it('define no key that a shared table (or another screen) defines too', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const shared = new Set(textKeys(resources[language]));
      const own = rendererTextTables[language].flatMap((table) => textKeys(table));
      expect(own.filter((key) => shared.has(key)), language).toEqual([]);
      expect(own.filter((key, i) => own.indexOf(key) !== i), language).toEqual([]);
      expect(own.length).toBeGreaterThan(0);
    }
  });
});
