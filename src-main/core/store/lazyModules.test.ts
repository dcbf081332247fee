import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);

/** Whether a package's main file is in Node's module cache. */
function loaded(name: string): boolean {
  return require.cache[require.resolve(name)] !== undefined;
}

function forget(name: string): void {
  delete require.cache[require.resolve(name)];
}

describe('packages loaded when first used (issue 18)', () => {
  it('the core starts without exceljs and pinyin-pro; a workbook and a name load them', async () => {
    forget('exceljs');
    forget('pinyin-pro');
    vi.resetModules();
    await import('../core');
    const { pinyinKeys } = await import('../search/pinyinKeys');
    const { excel } = await import('./lazyModules');
    expect(loaded('exceljs')).toBe(false);
    expect(loaded('pinyin-pro')).toBe(false);
    expect(pinyinKeys('张三')).toEqual(['zs', 'zhangsan']);
    expect(loaded('pinyin-pro')).toBe(true);
    expect(new (excel().Workbook)().worksheets).toEqual([]);
    expect(loaded('exceljs')).toBe(true);
  });
});
