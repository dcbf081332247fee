// Every domain's English texts merged into the one i18next resource the renderer loads for
// English, in the order of resources.zh-CN.ts (a domain adds its table to both). The renderer
// imports this module only when English is in use, so a Chinese screen never loads it.

import { accessEn, accessErrorsEn } from '../access/texts.en';
import { backupEn, backupErrorsEn } from '../backup/texts.en';
import { countyEn, countyErrorsEn } from '../county/texts.en';
import { diagnosticsEn } from '../diagnostics/texts.en';
import { employmentEn, employmentErrorsEn } from '../employment/texts.en';
import { labelsEn } from '../documents/labelsTexts.en';
import { policyEn, policyErrorsEn } from '../policy/texts.en';
import { postsErrorsEn } from '../posts/errorTexts.en';
import { postsAndAttendanceEn } from '../posts/texts.en';
import { printEn, printErrorsEn } from '../print/texts.en';
import { residentsEn } from '../residents/texts.en';
import { servicesEn, servicesErrorsEn } from '../services/texts.en';
import { sheetsEn, sheetsErrorsEn } from '../sheets/texts.en';
import { stationEn } from '../station/texts.en';
import { statsEn, statsErrorsEn } from '../stats/texts.en';
import { syncEn, syncErrorsEn } from '../sync/texts.en';
import { trainingEn, trainingErrorsEn } from '../training/texts.en';
import { transferEn, transferErrorsEn } from '../transfer/texts.en';
import { payrollEn, payrollErrorsEn } from '../payroll/texts.en';
import { assessmentEn, assessmentErrorsEn } from '../assessment/texts.en';
import { recruitmentEn, recruitmentErrorsEn } from '../recruitment/texts.en';
import { worklistEn, worklistErrorsEn } from '../worklist/texts.en';
import { commonErrorsEn } from './errors.en';
import { shellEn } from './en';
import { mergeTexts } from './merge';

/** The English tables, in the order of resources.zh-CN.ts. */
export const enTables = [
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
] as const;

/** The UI's English texts: the same tree of keys as resourcesZhCN. */
export const resourcesEn = mergeTexts(...enTables);
