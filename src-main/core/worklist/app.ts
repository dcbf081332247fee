// The work list (待办): the handlers. The counts also go to the county with the heartbeat.
import { createApp } from '../app';
import type { ModuleDeps } from '../modules';
import { reportWorklist } from '../sync/heartbeat';
import { WorklistService } from './service';

export function worklistApp(deps: ModuleDeps) {
  const worklist = new WorklistService(deps);
  reportWorklist(deps.ctx, () => worklist.heartbeatReport());
  deps.sync.onRelayFilling((place, page) => worklist.takeFilled(place, page));
  return createApp('worklist', {
    'worklist.list': async (args) => worklist.list(args),
    'worklist.mark': async (args, session) => worklist.mark(args, session.user!),
    'worklist.overview': async () => worklist.overview(),
  });
}
