import { describe, expect, it } from 'vitest';
import { textKeys } from './merge';
import { resources, textTables } from './resources';

const get = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

describe('merged UI texts', () => {
  it('have the same keys in both languages, none empty', () => {
    const zh = textKeys(resources['zh-CN']).sort();
    expect(textKeys(resources.en).sort()).toEqual(zh);
    for (const language of ['zh-CN', 'en'] as const) {
      for (const key of zh) expect(get(resources[language], key), `${language} ${key}`).toBeTruthy();
    }
  });

  it('pair up table by table: the zh-CN and English lists (loaded apart) hold the same tables in the same order', () => {
    expect(textTables.en.length).toBe(textTables['zh-CN'].length);
    textTables['zh-CN'].forEach((table, i) => expect(textKeys(textTables.en[i]).sort(), `table ${i}`).toEqual(textKeys(table).sort()));
  });

  it('define no key in two domains (a later table would silently replace it)', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const all = textTables[language].flatMap((table) => textKeys(table));
      expect(all.filter((key, i) => all.indexOf(key) !== i), language).toEqual([]);
      expect(textKeys(resources[language]).length).toBe(all.length);
    }
  });

  it('keep the app shell, the station, the residents, the policy and the side menu texts', () => {
    expect(get(resources['zh-CN'], 'app.title')).toBe('乐业驿站');
    expect(get(resources['zh-CN'], 'login.title')).toBe('登录');
    expect(get(resources['zh-CN'], 'enums.kind.unemployment')).toBe('失业登记');
    expect(get(resources['zh-CN'], 'fields.placeCode')).toBe('所在村（社区）');
    expect(get(resources['zh-CN'], 'fields.from')).toBe('起始月份');
    expect(get(resources['zh-CN'], 'policy.title')).toBe('政策参数');
    expect(get(resources['zh-CN'], 'errors.required')).toBe('{{field}}为必填项');
    expect(get(resources['zh-CN'], 'errors.access.passwordWeak')).toBeTruthy();
    expect(get(resources['zh-CN'], 'nav.groups.sync')).toBe('同步与审核');
    expect(get(resources.en, 'nav.groups.sync')).toBe('Sync & review');
    expect(get(resources.en, 'nav.conflicts')).toBe('Conflicts');
  });
});
