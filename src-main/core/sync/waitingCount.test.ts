// "待上报" counts the clerk's records (issue 14 item 14): a new station shows nothing waiting, and
// audit entries (an export, a print) do not add to it, though both still travel with the next batch.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../core';
import { idNumber, openStation } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe('what a station counts as waiting', () => {
  it('is nothing at a new station, one record after one registration, and an export adds nothing', async () => {
    const { core, session } = await openStation();
    open.push(core);
    const waiting = async () => (await core.call(session, 'sync.status', {})).waiting;
    expect(await waiting()).toBe(0);
    await core.call(session, 'residents.register', {
      idNumber: idNumber('19800101', '321'), name: '张三', phone: '13800000000', householdType: 'agricultural', address: '解放桥社区 1 号',
      education: 'juniorHigh', targetGroups: [], registration: { kind: 'jobSeeking', date: '2026-11-20' },
    });
    expect(await waiting()).toBe(1);
    await core.call(session, 'sheets.exportLedger', { full: false, status: 'all' });
    expect(await waiting()).toBe(1);
    // The station entry and the audit entry still go up with that record.
    const sync = (core as unknown as { sync: { waitingDocs(): Promise<{ id: string }[]> } }).sync;
    const prefixes = (await sync.waitingDocs()).map((d) => d.id.split(':')[0]);
    expect(new Set(prefixes)).toEqual(new Set(['audit', 'resident', 'station']));
  });
});
