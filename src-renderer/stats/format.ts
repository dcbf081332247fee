// How the dashboard writes its rates: as the rest of the app does (shared/stats/percent), and a
// training rate whose sessions have not ended yet says so instead of a number that is not final.
import type { TFunction } from 'i18next';
import type { TrainingCounts } from '../../shared/stats/contract';
import { percentText } from '../../shared/stats/percent';

export const percent = (rate: number | null): string => percentText(rate);

/** The subsidy-eligible rate, or "training in progress" while no trainee's session has ended. */
export function eligibilityText(t: TFunction, training: TrainingCounts): string {
  if (training.eligibilityRate === null && training.runningSessions > 0) return t('stats.inProgress');
  return percentText(training.eligibilityRate);
}
