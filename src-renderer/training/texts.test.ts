import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { trainingZhCN } from '../../shared/training/texts';
import { trainingEn } from '../../shared/training/texts.en';
import { handlers } from '../../shared/rpc/handlers';
import { HALF_DAYS, SIGN_DIRECTIONS, SIGN_IN_METHODS, TRAINING_LEVELS } from '../../shared/training/schema';

function lookup(root: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), root);
}

describe('training texts', () => {
  it('label every level, half-day, direction and method in both languages', () => {
    const enums: [string, readonly string[]][] = [
      ['levels', TRAINING_LEVELS],
      ['half', HALF_DAYS],
      ['direction', SIGN_DIRECTIONS],
      ['methods', SIGN_IN_METHODS],
    ];
    for (const texts of [trainingZhCN, trainingEn]) {
      for (const [group, values] of enums) {
        const labels = texts.training[group as keyof typeof texts.training] as Record<string, string>;
        expect(Object.keys(labels).sort(), group).toEqual([...values].sort());
        for (const value of values) expect(labels[value], `${group}.${value}`).toBeTruthy();
      }
    }
    expect(trainingZhCN.training.levels.level5).toBe('五级/初级工');
    expect(trainingZhCN.training.methods.list).toBe('名单点选');
  });

  it('have every literal training.* key the screens use, in both languages', () => {
    const dir = import.meta.dirname;
    const used = new Set<string>();
    for (const file of fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))) {
      const source = fs.readFileSync(path.join(dir, file), 'utf8');
      for (const match of source.matchAll(/['"`](training\.[A-Za-z0-9_.]+)['"`]/g)) {
        // Handler names ('training.attendance') are not texts.
        if (!Object.hasOwn(handlers, match[1]!)) used.add(match[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) {
      expect(typeof lookup(trainingZhCN, key), `zh-CN ${key}`).toBe('string');
      expect(typeof lookup(trainingEn, key), `en ${key}`).toBe('string');
    }
  });

  it('use the same placeholders in both languages', () => {
    const walk = (zh: unknown, en: unknown, at: string) => {
      if (typeof zh === 'string') {
        const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        expect(names(en as string), at).toEqual(names(zh));
        return;
      }
      for (const key of Object.keys(zh as object)) walk((zh as Record<string, unknown>)[key], (en as Record<string, unknown>)[key], `${at}.${key}`);
    };
    walk(trainingZhCN, trainingEn, '');
  });
});
