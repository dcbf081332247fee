// The work list (待办): the handlers.
import type { WorklistView } from '../../../shared/worklist/contract';
import { createApp } from '../app';
import { fail } from '../context';
import type { ModuleDeps } from '../modules';
import { fieldError } from '../validation';

export function worklistApp(deps: ModuleDeps) {
  const { ctx } = deps;
  return createApp('worklist', {
    'worklist.list': async (args): Promise<WorklistView> => {
      const placeCode = ctx.station().placeCode;
      if (args.placeCode && args.placeCode !== placeCode) fail(fieldError('placeCode', 'errors.worklist.notYourVillage'));
      return { placeCode, today: ctx.today(), readOnly: false, items: [], marked: [], counts: { due: 0, overdue: 0 } };
    },
    'worklist.mark': async (args) => {
      if (args.kind === 'snoozed' && args.until !== null && args.until <= ctx.today()) fail(fieldError('until', 'errors.worklist.untilNotAfterToday'));
      return fail(fieldError('key', 'errors.worklist.noSuchRow'));
    },
    'worklist.overview': async () => [],
  });
}
