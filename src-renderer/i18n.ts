// i18next set-up: zh-CN first, English second; the choice is remembered on this machine.

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { errorsEn, errorsZhCN } from '../shared/i18n/errors';
import { zhCN } from '../shared/i18n/zh-CN';
import { en } from '../shared/i18n/en';
import { postsEn, postsZhCN } from '../shared/posts/texts';
import { trainingEn, trainingZhCN } from '../shared/training/texts';
import { syncEn, syncZhCN } from '../shared/sync/texts';
import { countyEn, countyZhCN } from '../shared/county/texts';
import { transferEn, transferZhCN } from '../shared/transfer/texts';
import { printEn, printErrorsEn, printErrorsZhCN, printZhCN } from '../shared/print/texts';
import { sheetsEn, sheetsErrorsEn, sheetsErrorsZhCN, sheetsZhCN } from '../shared/sheets/texts';
import { statsEn, statsErrorsEn, statsErrorsZhCN, statsZhCN } from '../shared/stats/texts';
import { backupEn, backupErrorsEn, backupErrorsZhCN, backupZhCN } from '../shared/backup/texts';
import { diagnosticsEn, diagnosticsZhCN } from '../shared/diagnostics/texts';
import { accessEn, accessErrorsEn, accessErrorsZhCN, accessZhCN } from '../shared/access/texts';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const LANGUAGE_KEY = 'leye.language';

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(LANGUAGE_KEY);
    return value === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyDayjs(language: Language) {
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = language;
}

const initial = storedLanguage();

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': {
      translation: {
        ...zhCN,
        ...postsZhCN,
        ...trainingZhCN,
        ...syncZhCN,
        ...countyZhCN,
        ...transferZhCN,
        ...printZhCN,
        ...sheetsZhCN,
        ...statsZhCN,
        ...backupZhCN,
        errors: { ...errorsZhCN, ...printErrorsZhCN, ...sheetsErrorsZhCN, ...statsErrorsZhCN, ...backupErrorsZhCN, ...accessErrorsZhCN },
        ...diagnosticsZhCN,
        ...accessZhCN,
      },
    },
    en: {
      translation: {
        ...en,
        ...postsEn,
        ...trainingEn,
        ...syncEn,
        ...countyEn,
        ...transferEn,
        ...printEn,
        ...sheetsEn,
        ...statsEn,
        ...backupEn,
        errors: { ...errorsEn, ...printErrorsEn, ...sheetsErrorsEn, ...statsErrorsEn, ...backupErrorsEn, ...accessErrorsEn },
        ...diagnosticsEn,
        ...accessEn,
      },
    },
  },
  lng: initial,
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});
applyDayjs(initial);

export function setLanguage(language: Language) {
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyDayjs(language);
  void i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
