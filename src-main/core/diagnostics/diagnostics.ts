// What sync did, in the station's log (the support bundle carries it: diagnostics/app.ts).
import type { SyncStatus } from '../../../shared/rpc/handlers';
import type { StationLog } from '../log/log';

/**
 * Logs what sync did, once per outcome: a success (what moved), a failure (its reason), never
 * the server's password or a refused document's content.
 */
export function syncLogger(log: StationLog): (status: SyncStatus) => void {
  let last = '';
  return (status) => {
    if (status.state === 'syncing') return;
    const key = `${status.state}|${status.lastSuccessAt}|${status.failure?.reason ?? ''}`;
    if (key === last) return;
    last = key;
    if (status.state === 'failed') {
      log.warn('sync.failed', { reason: status.failure?.reason ?? 'other', messageKey: status.failure?.messageKey, refused: status.failure?.refused.length ?? 0, waiting: status.waiting });
    } else if (status.state === 'idle') {
      log.info('sync.ok', { pushed: status.progress?.pushed, pulled: status.progress?.pulled, waiting: status.waiting });
    }
  };
}
