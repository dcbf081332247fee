import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES } from '../../shared/documents/registry';
import { resources } from '../../shared/i18n/resources';
import { recordTypeText } from './recordTypes';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);

describe('record types on 关于', () => {
  it('names every document type in both languages, never as its code', async () => {
    for (const language of ['zh-CN', 'en']) {
      await i18n.changeLanguage(language);
      for (const type of DOCUMENT_TYPES) {
        const text = recordTypeText(t, type);
        expect(text, type).not.toMatch(/recordType|errors\./);
        // Chinese never shows the code; English may share a plain word (resident) but not a code (monthClose, signIn).
        if (language === 'zh-CN') expect(text, type).toMatch(/[\u4e00-\u9fff]/);
        else expect(text, type).not.toMatch(/[a-z][A-Z]/);
      }
    }
    await i18n.changeLanguage('zh-CN');
    expect(recordTypeText(t, 'assignment')).toBe('岗位安置');
    expect(recordTypeText(t, 'monthClose')).toBe('月度结算');
    await i18n.changeLanguage('en');
    expect(recordTypeText(t, 'signIn')).toMatch(/^Training sign-in|^Sign-in/);
  });
});
