// Every domain's zh-CN texts merged into the one i18next resource the renderer loads for Chinese
// (the default language). A domain adds its table here and in resources.en.ts at the same place
// (resources.test.ts checks that the two lists match table by table, key by key); `errors` tables
// are nested under `errors`. The renderer imports this module only when Chinese is in use.

import { accessErrorsZhCN, accessZhCN } from '../access/texts';
import { backupErrorsZhCN, backupZhCN } from '../backup/texts';
import { countyErrorsZhCN, countyZhCN } from '../county/texts';
import { diagnosticsZhCN } from '../diagnostics/texts';
import { employmentErrorsZhCN, employmentZhCN } from '../employment/texts';
import { labelsZhCN } from '../documents/labelsTexts';
import { policyErrorsZhCN, policyZhCN } from '../policy/texts';
import { postsErrorsZhCN } from '../posts/errorTexts';
import { postsAndAttendanceZhCN } from '../posts/texts';
import { printErrorsZhCN, printZhCN } from '../print/texts';
import { residentsZhCN } from '../residents/texts';
import { servicesErrorsZhCN, servicesZhCN } from '../services/texts';
import { sheetsErrorsZhCN, sheetsZhCN } from '../sheets/texts';
import { stationZhCN } from '../station/texts';
import { statsErrorsZhCN, statsZhCN } from '../stats/texts';
import { syncErrorsZhCN, syncZhCN } from '../sync/texts';
import { trainingErrorsZhCN, trainingZhCN } from '../training/texts';
import { transferErrorsZhCN, transferZhCN } from '../transfer/texts';
import { payrollErrorsZhCN, payrollZhCN } from '../payroll/texts';
import { assessmentErrorsZhCN, assessmentZhCN } from '../assessment/texts';
import { recruitmentErrorsZhCN, recruitmentZhCN } from '../recruitment/texts';
import { worklistErrorsZhCN, worklistZhCN } from '../worklist/texts';
import { commonErrorsZhCN } from './errors';
import { mergeTexts } from './merge';
import { shellZhCN } from './zh-CN';

/** The zh-CN tables, in the order of resources.en.ts (the tests check that no key is defined twice). */
export const zhCNTables = [
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
] as const;

/** The UI's zh-CN texts: one tree of keys (`nav.groups.people`, `errors.required`…). */
export const resourcesZhCN = mergeTexts(...zhCNTables);
