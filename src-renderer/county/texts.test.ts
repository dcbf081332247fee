import { describe, expect, it } from 'vitest';
import { countyZhCN } from '../../shared/county/texts';
import { countyEn } from '../../shared/county/texts.en';
import { transferZhCN } from '../../shared/transfer/texts';
import { transferEn } from '../../shared/transfer/texts.en';
import { COUNTY_BATCH_STATUSES, COUNTY_TYPES } from './countyView';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function valueAt(texts: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], texts);
}

describe('county and transfer UI texts', () => {
  it('have the same non-empty keys in both languages', () => {
    for (const [zh, en] of [
      [countyZhCN, countyEn],
      [transferZhCN, transferEn],
    ] as const) {
      expect(keysOf(en)).toEqual(keysOf(zh));
      for (const texts of [zh, en]) for (const key of keysOf(texts)) expect(valueAt(texts, key), key).toBeTruthy();
    }
  });

  it('label every type, status, level and decision', () => {
    for (const texts of [countyZhCN, countyEn]) {
      expect(Object.keys(texts.county.types).sort()).toEqual([...COUNTY_TYPES].sort());
      expect(Object.keys(texts.county.status).sort()).toEqual([...COUNTY_BATCH_STATUSES].sort());
      expect(Object.keys(texts.county.level).sort()).toEqual(['county', 'township', 'village']);
      expect(Object.keys(texts.county.setup.levels).sort()).toEqual(['county', 'township', 'village']);
    }
  });

  it('read as the county expects in Chinese', () => {
    expect(countyZhCN.county.types).toMatchObject({ resident: '登记人员', post: '公益岗位', assignment: '上岗', monthClose: '月结', batch: '批次' });
    expect(countyZhCN.county.status).toEqual({ new: '待审核', accepted: '已通过', returned: '已退回', partial: '部分退回' });
    expect(countyZhCN.county.batch.acceptAll).toBe('全部通过');
    expect(countyZhCN.county.batch.submit).toBe('提交审核结果');
    expect(countyZhCN.county.batch.unlock).toBe('解锁');
    expect(countyZhCN.county.conflicts.resolve).toBe('解决冲突');
    expect(countyZhCN.county.stations.never).toBe('从未同步');
    expect(transferZhCN.transfer.export).toBe('导出上报文件');
    expect(transferZhCN.transfer.import).toBe('导入文件或回执');
  });
});
