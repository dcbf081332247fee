// The county station is the county (issue 14 item 14): its header never says "not connected to the county".
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../../shared/i18n/resources';
import type { SyncStatus } from '../../shared/rpc/handlers';
import { syncLabel } from './syncState';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: resources['zh-CN'] }, en: { translation: resources.en } }, interpolation: { escapeValue: false } });
const notConnected = { connected: false, server: null, state: 'never', lastSuccessAt: null, lastAttemptAt: null, waiting: 0, progress: null, failure: null, nextAttemptAt: null } as SyncStatus;

describe('the sync label of a county station', () => {
  it('speaks of its own county database, not of "the county", in both languages', async () => {
    const county = syncLabel(notConnected, 0, 'county').label;
    expect(i18n.t(county.key)).toBe('县级汇总库未连接');
    await i18n.changeLanguage('en');
    expect(i18n.t(county.key)).toBe('County database not connected');
    // A village still says it is not connected to the county.
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t(syncLabel(notConnected, 0, 'village').label.key)).toBe('未连接县级');
  });
});
