// What the header's sync indicator says, as a pure function of the core's SyncStatus: the honest
// state (never "synced" after a failure), the waiting badge, and the last success shown apart.

import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { SyncFailure, SyncStatus } from '../../shared/rpc/handlers';

dayjs.extend(relativeTime);

export type SyncTone = 'default' | 'processing' | 'success' | 'error';

export interface Text {
  key: string;
  params?: Record<string, string | number>;
}

export interface SyncLabel {
  tone: SyncTone;
  spinning: boolean;
  /** The main, compact label. */
  label: Text;
  /** A second, separate text (the last success next to a failure); null when none. */
  detail: Text | null;
  /** The count for the "waiting" badge; 0 hides it. */
  waiting: number;
}

export const FAILURE_REASONS: readonly SyncFailure['reason'][] = ['offline', 'unreachable', 'credentials', 'refused', 'other'];

/** "5 minutes ago" in the current dayjs locale. */
export function ago(at: string, now: Date | number | string): string {
  return dayjs(at).from(dayjs(now));
}

/** `level`: the station's; a county station is the county, so it never reads "not connected to the county". */
export function syncLabel(status: SyncStatus | undefined, now: Date | number | string, level?: 'village' | 'township' | 'county'): SyncLabel {
  if (!status) return { tone: 'default', spinning: false, label: { key: 'sync.label.unknown' }, detail: null, waiting: 0 };
  const waiting = Math.max(0, status.waiting);
  if (!status.connected) return { tone: 'default', spinning: false, label: { key: level === 'county' ? 'countyStation.notConnected' : 'sync.label.notConnected' }, detail: null, waiting };
  switch (status.state) {
    case 'syncing':
      return {
        tone: 'processing',
        spinning: true,
        label: { key: 'sync.label.syncing', params: { pushed: status.progress?.pushed ?? 0, pulled: status.progress?.pulled ?? 0 } },
        detail: null,
        waiting,
      };
    case 'failed': {
      const reason = status.failure?.reason ?? 'other';
      const refused = status.failure?.refused.length ?? 0;
      return {
        tone: 'error',
        spinning: false,
        label: { key: `sync.label.failed.${reason}`, params: { count: refused } },
        // The last success stays apart from the failure: never read as "done".
        detail: status.lastSuccessAt ? { key: 'sync.label.lastSuccess', params: { ago: ago(status.lastSuccessAt, now) } } : { key: 'sync.label.neverSucceeded' },
        waiting,
      };
    }
    case 'idle':
      return status.lastSuccessAt
        ? { tone: 'success', spinning: false, label: { key: 'sync.label.idle', params: { ago: ago(status.lastSuccessAt, now) } }, detail: null, waiting }
        : { tone: 'default', spinning: false, label: { key: 'sync.label.never' }, detail: null, waiting };
    case 'never':
    default:
      return { tone: 'default', spinning: false, label: { key: 'sync.label.never' }, detail: null, waiting };
  }
}
