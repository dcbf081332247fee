import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n/resources';
import { placeLabelOf } from './placeLabel';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });

describe('a place on the payroll', () => {
  it('is its name, or an unknown village / township with its code in the reader’s language', async () => {
    const label = () => placeLabelOf(i18n.t.bind(i18n));
    expect(label()('370102001002', '解放桥社区')).toBe('解放桥社区');
    expect(label()('370102001999', null)).toBe('未知村（370102001999）');
    expect(label()('370102099', null)).toBe('未知乡镇（370102099）');
    await i18n.changeLanguage('en');
    expect(label()('370102001999', null)).toBe('Unknown village (370102001999)');
    expect(label()('370102099', null)).toBe('Unknown township (370102099)');
  });
});
