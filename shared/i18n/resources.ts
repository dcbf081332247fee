// Every domain's texts merged into the one i18next resource per language the renderer loads.
// A domain adds its table to both lists; `errors` tables are nested under `errors`.

import { accessEn, accessErrorsEn, accessErrorsZhCN, accessZhCN } from '../access/texts';
import { backupEn, backupErrorsEn, backupErrorsZhCN, backupZhCN } from '../backup/texts';
import { countyEn, countyErrorsEn, countyErrorsZhCN, countyZhCN } from '../county/texts';
import { diagnosticsEn, diagnosticsZhCN } from '../diagnostics/texts';
import { employmentEn, employmentErrorsEn, employmentErrorsZhCN, employmentZhCN } from '../employment/texts';
import { labelsEn, labelsZhCN } from '../documents/labelsTexts';
import { policyEn, policyErrorsEn, policyErrorsZhCN, policyZhCN } from '../policy/texts';
import { postsErrorsEn, postsErrorsZhCN } from '../posts/errorTexts';
import { postsAndAttendanceEn, postsAndAttendanceZhCN } from '../posts/texts';
import { printEn, printErrorsEn, printErrorsZhCN, printZhCN } from '../print/texts';
import { residentsEn, residentsZhCN } from '../residents/texts';
import { servicesEn, servicesErrorsEn, servicesErrorsZhCN, servicesZhCN } from '../services/texts';
import { sheetsEn, sheetsErrorsEn, sheetsErrorsZhCN, sheetsZhCN } from '../sheets/texts';
import { stationEn, stationZhCN } from '../station/texts';
import { statsEn, statsErrorsEn, statsErrorsZhCN, statsZhCN } from '../stats/texts';
import { syncEn, syncErrorsEn, syncErrorsZhCN, syncZhCN } from '../sync/texts';
import { trainingEn, trainingErrorsEn, trainingErrorsZhCN, trainingZhCN } from '../training/texts';
import { transferEn, transferErrorsEn, transferErrorsZhCN, transferZhCN } from '../transfer/texts';
import { payrollEn, payrollErrorsEn, payrollErrorsZhCN, payrollZhCN } from '../payroll/texts';
import { assessmentEn, assessmentErrorsEn, assessmentErrorsZhCN, assessmentZhCN } from '../assessment/texts';
import { recruitmentEn, recruitmentErrorsEn, recruitmentErrorsZhCN, recruitmentZhCN } from '../recruitment/texts';
import { worklistEn, worklistErrorsEn, worklistErrorsZhCN, worklistZhCN } from '../worklist/texts';
import { commonErrorsEn, commonErrorsZhCN } from './errors';
import { shellEn } from './en';
import { mergeTexts } from './merge';
import { shellZhCN } from './zh-CN';

/** The tables of each language, in the same order (the tests check that no key is defined twice). */
export const textTables = {
  'zh-CN': [
    shellZhCN,
    stationZhCN,
    residentsZhCN,
    postsAndAttendanceZhCN,
    policyZhCN,
    trainingZhCN,
    syncZhCN,
    countyZhCN,
    transferZhCN,
    printZhCN,
    sheetsZhCN,
    statsZhCN,
    backupZhCN,
    diagnosticsZhCN,
    accessZhCN,
    labelsZhCN,
    servicesZhCN,
    { errors: commonErrorsZhCN },
    { errors: postsErrorsZhCN },
    { errors: policyErrorsZhCN },
    { errors: trainingErrorsZhCN },
    { errors: syncErrorsZhCN },
    { errors: countyErrorsZhCN },
    { errors: transferErrorsZhCN },
    { errors: printErrorsZhCN },
    { errors: sheetsErrorsZhCN },
    { errors: statsErrorsZhCN },
    { errors: backupErrorsZhCN },
    { errors: accessErrorsZhCN },
    employmentZhCN,
    { errors: employmentErrorsZhCN },
    { errors: servicesErrorsZhCN },
    worklistZhCN,
    { errors: worklistErrorsZhCN },
    payrollZhCN,
    { errors: payrollErrorsZhCN },
    assessmentZhCN,
    { errors: assessmentErrorsZhCN },
    recruitmentZhCN,
    { errors: recruitmentErrorsZhCN },
  ],
  en: [
    shellEn,
    stationEn,
    residentsEn,
    postsAndAttendanceEn,
    policyEn,
    trainingEn,
    syncEn,
    countyEn,
    transferEn,
    printEn,
    sheetsEn,
    statsEn,
    backupEn,
    diagnosticsEn,
    accessEn,
    labelsEn,
    servicesEn,
    { errors: commonErrorsEn },
    { errors: postsErrorsEn },
    { errors: policyErrorsEn },
    { errors: trainingErrorsEn },
    { errors: syncErrorsEn },
    { errors: countyErrorsEn },
    { errors: transferErrorsEn },
    { errors: printErrorsEn },
    { errors: sheetsErrorsEn },
    { errors: statsErrorsEn },
    { errors: backupErrorsEn },
    { errors: accessErrorsEn },
    employmentEn,
    { errors: employmentErrorsEn },
    { errors: servicesErrorsEn },
    worklistEn,
    { errors: worklistErrorsEn },
    payrollEn,
    { errors: payrollErrorsEn },
    assessmentEn,
    { errors: assessmentErrorsEn },
    recruitmentEn,
    { errors: recruitmentErrorsEn },
  ],
} as const;

/** The UI's texts: `{ 'zh-CN': {...}, en: {...} }`, each one tree of keys (`nav.groups.people`, `errors.required`…). */
export const resources = {
  'zh-CN': mergeTexts(...textTables['zh-CN']),
  en: mergeTexts(...textTables.en),
};
