import { describe, expect, it } from 'vitest';
import type { SignInRecordView } from '../../shared/rpc/handlers';
import { addLocal, pushRecent, signedSets } from './signInState';

const record = (residentId: string, signedIn: boolean, signedOut: boolean): SignInRecordView => ({
  residentId,
  name: residentId,
  idNumberMasked: '3701**********0011',
  in: signedIn ? { at: '2025-06-02T00:31:00.000Z', method: 'idCard', by: 'demo', machine: 'm' } : null,
  out: signedOut ? { at: '2025-06-02T03:31:00.000Z', method: 'typedId', by: 'demo', machine: 'm' } : null,
  lateMinutes: 0,
  earlyLeaveMinutes: 0,
});

describe('signed-in bookkeeping', () => {
  it("merges the core's records with local successes, counting each person once", () => {
    const sets = signedSets([record('a', true, false), record('b', true, true), record('c', false, false)], { in: ['a', 'd'], out: ['a'] });
    expect([...sets.in].sort()).toEqual(['a', 'b', 'd']);
    expect([...sets.out].sort()).toEqual(['a', 'b']);
    expect(signedSets(undefined, undefined).in.size).toBe(0);
  });

  it('adds a local success once per direction', () => {
    let local = addLocal(undefined, 'in', 'a');
    local = addLocal(local, 'in', 'a');
    local = addLocal(local, 'out', 'a');
    expect(local).toEqual({ in: ['a'], out: ['a'] });
  });

  it('keeps the last ten, newest first', () => {
    let list: number[] = [];
    for (let i = 1; i <= 12; i++) list = pushRecent(list, i);
    expect(list).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
  });
});
