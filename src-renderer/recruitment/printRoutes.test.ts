// The recruitment print routes carry ids Electron's print window accepts (PRINT_HASH): a 公示's id
// is long (place, post code, opening, time, random) and is encoded in the hash.
import { describe, expect, it } from 'vitest';
import { docId } from '../../shared/documents/registry';
import { PRINT_HASH } from '../../shared/print/contract';
import { parseRoute, routeHash } from '../route';
import { printRoute } from '../print/printing';

describe('recruitment print routes', () => {
  it('the notice of an opening and the 公示 of a long post code pass the print window’s check', () => {
    const opening = docId.opening(docId.post('370102001002', 'ABCDEFGHIJ-KLMNOPQRS'), 'abcd2345');
    const publicity = docId.recruitEntry(opening, '2026-11-22T02:00:00.000Z', 'efgh2345');
    expect(PRINT_HASH.test(routeHash(printRoute('recruitNotice', opening)))).toBe(true);
    expect(PRINT_HASH.test(routeHash(printRoute('recruitPublicity', publicity)))).toBe(true);
  });

  it('an opening’s screen has its own route under the post', () => {
    const route = { name: 'opening' as const, postId: 'post:370102001002:XC-001', id: 'opening:370102001002:XC-001:abcd2345' };
    expect(routeHash(route)).toBe('#/posts/post%3A370102001002%3AXC-001/recruitment/opening%3A370102001002%3AXC-001%3Aabcd2345');
    expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
