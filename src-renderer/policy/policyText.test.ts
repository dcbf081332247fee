import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n/resources';
import { tierText, updatedText, wageSummary } from './policyText';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);
const names = (login: string) => ({ wangxy: '王小云' })[login] ?? login;

describe('a policy entry as a person reads it', () => {
  it('names the county and the wage tier in words, in both languages', async () => {
    const wage = { countyCode: '370102', tier: '一类', monthly: 2100, hourly: 21 };
    await i18n.changeLanguage('zh-CN');
    expect(wageSummary(t, wage)).toBe('历下区 第一档：月 2100.00 元，小时 21.00 元');
    expect(tierText(t, '三档')).toBe('第三档');
    expect(tierText(t, '特区标准')).toBe('特区标准');
    await i18n.changeLanguage('en');
    expect(wageSummary(t, wage)).toMatch(/^历下区 Tier 1: ¥2100\.00\/month/);
    expect(wageSummary(t, wage)).not.toContain('370102');
  });

  it('says a shipped default is one, with its date, and names whoever changed an entry', async () => {
    await i18n.changeLanguage('zh-CN');
    const entry = { isDefault: true, effectiveFrom: '2021-10-01', updatedBy: 'wangxy', updatedAt: '2026-11-01T02:00:00.000Z' };
    expect(updatedText(t, entry, names)).toBe('系统默认值（2021-10-01 起施行）');
    expect(updatedText(t, { ...entry, isDefault: false }, names)).toMatch(/^王小云 2026-11-01/);
    await i18n.changeLanguage('en');
    expect(updatedText(t, entry, names)).toBe('Shipped default (effective 2021-10-01)');
  });
});
