import { describe, expect, it } from 'vitest';
import { textKeys } from '../shared/i18n/merge';
import { resources } from '../shared/i18n/resources';
import { rendererResources, rendererTextTables } from './rendererTexts';

const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe("the renderer's own texts", () => {
  it('have the same keys in both languages, none empty', () => {
    const zh = textKeys(rendererResources['zh-CN']).sort();
    expect(textKeys(rendererResources.en).sort()).toEqual(zh);
    for (const language of ['zh-CN', 'en'] as const) {
      for (const key of zh) expect(get(rendererResources[language], key), `${language} ${key}`).toBeTruthy();
    }
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
