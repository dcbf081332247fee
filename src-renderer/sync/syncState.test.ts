import dayjs from 'dayjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../shared/rpc/handlers';
import { syncZhCN } from '../../shared/sync/texts';
import { syncEn } from '../../shared/sync/texts.en';
import { FAILURE_REASONS, syncLabel } from './syncState';

const NOW = '2025-03-10T08:00:00.000Z';
const FIVE_MIN_AGO = '2025-03-10T07:55:00.000Z';

function status(over: Partial<SyncStatus> = {}): SyncStatus {
  return {
    connected: true,
    server: { url: 'https://county.example', username: 'station_370102001001', placeCode: '370102001001' },
    state: 'idle',
    lastSuccessAt: FIVE_MIN_AGO,
    lastAttemptAt: FIVE_MIN_AGO,
    waiting: 0,
    progress: null,
    failure: null,
    nextAttemptAt: null,
    ...over,
  };
}

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('syncLabel', () => {
  beforeAll(() => {
    dayjs.locale('en');
  });

  it('says not connected, grey, when the station has no county server', () => {
    const label = syncLabel(status({ connected: false, server: null, state: 'never', lastSuccessAt: null, lastAttemptAt: null }), NOW);
    expect(label).toEqual({ tone: 'default', spinning: false, label: { key: 'sync.label.notConnected' }, detail: null, waiting: 0 });
  });

  it('says unknown while the status is not loaded', () => {
    expect(syncLabel(undefined, NOW).label.key).toBe('sync.label.unknown');
  });

  it('says never synced when connected but no sync succeeded yet', () => {
    const label = syncLabel(status({ state: 'never', lastSuccessAt: null }), NOW);
    expect(label.label.key).toBe('sync.label.never');
    expect(label.tone).toBe('default');
  });

  it('spins and shows the progress while syncing', () => {
    const label = syncLabel(status({ state: 'syncing', progress: { pushed: 12, pulled: 3 } }), NOW);
    expect(label).toMatchObject({ tone: 'processing', spinning: true, label: { key: 'sync.label.syncing', params: { pushed: 12, pulled: 3 } } });
    expect(syncLabel(status({ state: 'syncing', progress: null }), NOW).label.params).toEqual({ pushed: 0, pulled: 0 });
  });

  it('says synced with the time since the last success when idle', () => {
    const label = syncLabel(status(), NOW);
    expect(label).toMatchObject({ tone: 'success', spinning: false, label: { key: 'sync.label.idle', params: { ago: '5 minutes ago' } }, detail: null });
  });

  it('shows the failure, and the earlier success apart from it, never "synced"', () => {
    const label = syncLabel(
      status({ state: 'failed', lastSuccessAt: '2025-03-10T05:00:00.000Z', failure: { reason: 'unreachable', messageKey: 'errors.sync.unreachable', refused: [] } }),
      NOW,
    );
    expect(label.tone).toBe('error');
    expect(label.label.key).toBe('sync.label.failed.unreachable');
    expect(label.label.key).not.toBe('sync.label.idle');
    expect(label.detail).toEqual({ key: 'sync.label.lastSuccess', params: { ago: '3 hours ago' } });
  });

  it('says no success yet when the first sync failed', () => {
    const label = syncLabel(status({ state: 'failed', lastSuccessAt: null, failure: { reason: 'offline', messageKey: 'errors.sync.offline', refused: [] } }), NOW);
    expect(label.label.key).toBe('sync.label.failed.offline');
    expect(label.detail).toEqual({ key: 'sync.label.neverSucceeded' });
  });

  it('counts the refused records of a refused sync', () => {
    const failure = { reason: 'refused' as const, messageKey: 'errors.sync.refused', refused: [{ id: 'a', reason: 'x' }, { id: 'b', reason: 'y' }] };
    expect(syncLabel(status({ state: 'failed', failure, waiting: 2 }), NOW)).toMatchObject({
      label: { key: 'sync.label.failed.refused', params: { count: 2 } },
      waiting: 2,
    });
  });

  it('carries the waiting count for the badge in every state', () => {
    expect(syncLabel(status({ waiting: 7 }), NOW).waiting).toBe(7);
    expect(syncLabel(status({ connected: false, server: null, state: 'never', waiting: 4 }), NOW).waiting).toBe(4);
    expect(syncLabel(status({ state: 'syncing', waiting: 9 }), NOW).waiting).toBe(9);
    expect(syncLabel(status({ waiting: 0 }), NOW).waiting).toBe(0);
  });
});

describe('sync UI texts', () => {
  it('label every failure reason and have the same non-empty keys in both languages', () => {
    for (const texts of [syncZhCN, syncEn]) expect(Object.keys(texts.sync.label.failed).sort()).toEqual([...FAILURE_REASONS].sort());
    expect(keysOf(syncEn)).toEqual(keysOf(syncZhCN));
    for (const texts of [syncZhCN, syncEn]) {
      for (const key of keysOf(texts)) expect(key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], texts), key).toBeTruthy();
    }
  });

  it('read as the station expects in Chinese', () => {
    expect(syncZhCN.sync.label.notConnected).toBe('未连接县级');
    expect(syncZhCN.sync.label.syncing).toBe('上传 {{pushed}} · 下载 {{pulled}}');
    expect(syncZhCN.sync.label.idle).toBe('已同步 · {{ago}}');
    expect(syncZhCN.sync.waiting).toBe('待上报 {{count}}');
  });
});
