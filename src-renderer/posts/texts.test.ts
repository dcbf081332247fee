import { describe, expect, it } from 'vitest';
import { postsZhCN } from '../../shared/posts/texts';
import { postsEn } from '../../shared/posts/texts.en';
import { POLICY_KINDS, POST_QUALIFYING_GROUPS } from '../../shared/policy/parameters';
import { ATTENDANCE_MARKS, POST_CATEGORIES, POST_KINDS } from '../../shared/posts/schema';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('posts UI texts', () => {
  it('label every post kind, category, mark, target group and policy kind in both languages', () => {
    for (const texts of [postsZhCN, postsEn]) {
      expect(Object.keys(texts.posts.enums.kind).sort()).toEqual([...POST_KINDS].sort());
      expect(Object.keys(texts.posts.enums.category).sort()).toEqual([...POST_CATEGORIES].sort());
      expect(Object.keys(texts.attendance.marks).sort()).toEqual([...ATTENDANCE_MARKS].sort());
      expect(Object.keys(texts.attendance.short).sort()).toEqual([...ATTENDANCE_MARKS].sort());
      expect(Object.keys(texts.posts.assign.groups).sort()).toEqual([...POST_QUALIFYING_GROUPS].sort());
      expect(Object.keys(texts.policy.kinds).sort()).toEqual([...POLICY_KINDS].sort());
    }
    expect(postsZhCN.posts.enums.kind).toEqual({ rural: '乡村', urban: '城镇' });
    expect(Object.values(postsZhCN.attendance.short)).toEqual(['出', '事', '病', '旷', '休']);
  });

  it('have no empty text and the same keys in both languages', () => {
    expect(keysOf(postsEn)).toEqual(keysOf(postsZhCN));
    for (const texts of [postsZhCN, postsEn]) {
      for (const key of keysOf(texts)) expect(key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], texts), key).toBeTruthy();
    }
  });
});
