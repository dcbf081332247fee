import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n/resources';
import { eligibilityText } from './format';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);

const counts = { sessions: 1, trainees: 5, eligible: 0, finishedTrainees: 0, runningSessions: 1, eligibilityRate: null };

describe('the eligible rate on the dashboard', () => {
  it('says a course still running is in progress, in both languages, rather than a rate', async () => {
    expect(eligibilityText(t, counts)).toBe('培训进行中');
    await i18n.changeLanguage('en');
    expect(eligibilityText(t, counts)).toBe('Training in progress');
    expect(eligibilityText(t, { ...counts, eligible: 1, finishedTrainees: 3, eligibilityRate: 1 / 3 })).toBe('33.3%');
    expect(eligibilityText(t, { ...counts, runningSessions: 0, trainees: 0 })).toBe('–');
  });

  it('labels the registrations KPI with the months it counts', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(t('stats.kpi.registrations')).toContain('所选月份');
    await i18n.changeLanguage('en');
    expect(t('stats.kpi.registrations')).toContain('in range');
  });
});
