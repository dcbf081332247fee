// The print routes the screens build are routes Electron's print window accepts (PRINT_HASH):
// a service record's id is long (place, resident key, time, random) and is encoded in the hash.
import { describe, expect, it } from 'vitest';
import { docId } from '../../shared/documents/registry';
import { PRINT_HASH } from '../../shared/print/contract';
import { routeHash } from '../route';
import { printRoute } from './printing';

describe('print routes of the follow-up ledger', () => {
  it('a visit record of a real service id and a service card pass the print window’s check', () => {
    const residentId = `resident:${'a'.repeat(26)}`;
    const serviceId = docId.service('370102001002', residentId, '2026-11-22T02:00:00.000Z', 'abcdefgh');
    expect(PRINT_HASH.test(routeHash(printRoute('visitRecord', serviceId)))).toBe(true);
    expect(PRINT_HASH.test(routeHash(printRoute('serviceCard', residentId)))).toBe(true);
  });
});
