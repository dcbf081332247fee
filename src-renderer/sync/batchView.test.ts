import { describe, expect, it } from 'vitest';
import { syncZhCN } from '../../shared/sync/texts';
import { syncEn } from '../../shared/sync/texts.en';
import { docId, legacyId } from '../../shared/documents/registry';
import type { BatchView } from '../../shared/rpc/handlers';
import { BATCH_STATUSES, DOC_TYPES, countTags, hasReturned, recordRoute, returnedState, statusTag, typeLabel, typeOfId } from './batchView';

function lookup(texts: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined), texts);
}

describe('statusTag', () => {
  it('maps each status to its colour and label key', () => {
    expect(BATCH_STATUSES.map((status) => statusTag(status).color)).toEqual(['default', 'blue', 'green', 'red', 'orange']);
    expect(statusTag('partial').key).toBe('sync.batches.status.partial');
  });

  it('has a label for every status in both languages', () => {
    expect(BATCH_STATUSES.map((status) => lookup(syncZhCN, statusTag(status).key))).toEqual(['待上报', '已送达', '已通过', '已退回', '部分退回']);
    for (const status of BATCH_STATUSES) expect(lookup(syncEn, statusTag(status).key)).toEqual(expect.any(String));
  });
});

describe('typeLabel', () => {
  it('labels known types and falls back to the raw type', () => {
    expect(typeLabel('resident')).toEqual({ key: 'sync.batches.type.resident', raw: 'resident' });
    expect(typeLabel('review')).toEqual({ key: null, raw: 'review' });
  });

  it('has every known type in both languages', () => {
    for (const type of DOC_TYPES) {
      const key = typeLabel(type).key ?? '';
      expect(lookup(syncZhCN, key)).toEqual(expect.any(String));
      expect(lookup(syncEn, key)).toEqual(expect.any(String));
    }
    expect(lookup(syncZhCN, 'sync.batches.type.monthClose')).toBe('月结');
  });
});

describe('typeOfId', () => {
  it('takes the prefix of a typed id', () => {
    expect(typeOfId('signIn:t1:2025-03-10:am:r1')).toBe('signIn');
    expect(typeOfId('resident:abc')).toBe('resident');
    expect(typeOfId('odd')).toBe('odd');
  });
});

describe('countTags', () => {
  it('orders known types first, then others by name, and leaves out zeros', () => {
    const tags = countTags({ zeta: 1, audit: 2, resident: 5, attendance: 0, alpha: 3 });
    expect(tags.map((tag) => [tag.type, tag.count])).toEqual([
      ['resident', 5],
      ['audit', 2],
      ['alpha', 3],
      ['zeta', 1],
    ]);
    expect(tags[0]?.label.key).toBe('sync.batches.type.resident');
    expect(tags[2]?.label).toEqual({ key: null, raw: 'alpha' });
    expect(countTags({})).toEqual([]);
  });
});

describe('hasReturned', () => {
  const returned = [{ id: 'resident:a', rev: '2-x', reason: '身份证号有误' }];
  it('opens returned and partly returned batches with records only', () => {
    expect(hasReturned({ status: 'returned', returned })).toBe(true);
    expect(hasReturned({ status: 'partial', returned })).toBe(true);
    expect(hasReturned({ status: 'partial', returned: [] })).toBe(false);
    expect(hasReturned({ status: 'accepted', returned })).toBe(false);
  });
});

describe('returnedState', () => {
  const resident = { id: 'resident:a', rev: '2-x', updatedAt: '2025-03-10T08:00:00.000Z' };
  const batch = (id: string, createdAt: string, status: BatchView['status'], returned: BatchView['returned'] = []) => ({ id, createdAt, status, returned });

  it('is nothing for a record never returned', () => {
    expect(returnedState([batch('b1', '2025-03-10T09:00:00.000Z', 'accepted')], resident)).toBeNull();
    // A pending batch's "returned" list means nothing yet.
    expect(returnedState([batch('b1', '2025-03-10T09:00:00.000Z', 'accepted', [{ id: 'resident:a', rev: '2-x', reason: 'x' }])], resident)).toBeNull();
  });

  it('asks for a correction while the returned revision is the current one, newest reason first', () => {
    const state = returnedState(
      [
        batch('b1', '2025-03-01T09:00:00.000Z', 'returned', [{ id: 'resident:a', rev: '1-w', reason: '姓名有误' }]),
        batch('b2', '2025-03-11T09:00:00.000Z', 'partial', [
          { id: 'resident:b', rev: '1-y', reason: '别人' },
          { id: 'resident:a', rev: '2-x', reason: '身份证号有误' },
        ]),
      ],
      resident,
    );
    expect(state?.state).toBe('toCorrect');
    expect(state?.reasons.map((r) => [r.batchId, r.reason])).toEqual([
      ['b2', '身份证号有误'],
      ['b1', '姓名有误'],
    ]);
  });

  it('says corrected once saved, resent once a later batch carries it, and nothing once that batch is decided', () => {
    const returned = batch('b1', '2025-03-05T09:00:00.000Z', 'partial', [{ id: 'resident:a', rev: '1-w', reason: '姓名有误' }]);
    expect(returnedState([returned], resident)?.state).toBe('corrected');
    // A batch made before the correction did not carry it.
    expect(returnedState([returned, batch('b2', '2025-03-08T09:00:00.000Z', 'accepted')], resident)?.state).toBe('corrected');
    expect(returnedState([returned, batch('b3', '2025-03-10T09:00:00.000Z', 'delivered')], resident)?.state).toBe('resent');
    expect(returnedState([returned, batch('b3', '2025-03-10T09:00:00.000Z', 'pending')], resident)?.state).toBe('resent');
    expect(returnedState([returned, batch('b3', '2025-03-10T09:00:00.000Z', 'accepted')], resident)).toBeNull();
    expect(returnedState([returned, batch('b3', '2025-03-10T09:00:00.000Z', 'partial', [{ id: 'resident:z', rev: '1-q', reason: 'x' }])], resident)).toBeNull();
  });
});

describe('where a returned record opens', () => {
  it('opens a resident, the post month of an attendance or a month close, the post of an assignment, the session of an enrolment or a sign-in', () => {
    const key = 'vjbek35abcdefghijklmnopqrs';
    expect(recordRoute(`resident:${key}`)).toEqual({ name: 'resident', id: `resident:${key}` });
    expect(recordRoute(`attendance:GY-001:2026-11:${key}:05`)).toEqual({ name: 'attendance', postId: 'post:GY-001', month: '2026-11' });
    expect(recordRoute('monthClose:GY-001:2026-11')).toEqual({ name: 'attendance', postId: 'post:GY-001', month: '2026-11' });
    expect(recordRoute(`assignment:GY-001:${key}:2026-11-01`)).toEqual({ name: 'post', id: 'post:GY-001' });
    expect(recordRoute('enrolment:ieq7ycrjd2zzqdpy:' + key)).toEqual({ name: 'session', id: 'training:ieq7ycrjd2zzqdpy' });
    expect(recordRoute(`signIn:ieq7ycrjd2zzqdpy:2026-12-06:am:${key}`)).toEqual({ name: 'session', id: 'training:ieq7ycrjd2zzqdpy' });
    expect(recordRoute('audit:2026-12-06T02:03:04.000Z:abcdefgh')).toBeNull();
  });

  it('reads the parent from ids that carry their place (as the registry builds them), a numeric post code too', () => {
    const resident = 'resident:vjbek35abcdefghijklmnopqrs';
    for (const post of [docId.post('370102001002', 'GY-001'), docId.post('370102001002', '123456'), legacyId.post('123456')]) {
      expect(recordRoute(docId.attendance(post, resident, '2026-11-05'))).toEqual({ name: 'attendance', postId: post, month: '2026-11' });
      expect(recordRoute(docId.monthClose(post, '2026-11'))).toEqual({ name: 'attendance', postId: post, month: '2026-11' });
      expect(recordRoute(docId.assignment(post, resident, '2026-11-01'))).toEqual({ name: 'post', id: post });
    }
    const session = docId.training('370102001002', 'ieq7ycrjd2zzqdpy');
    expect(recordRoute(docId.enrolment(session, resident))).toEqual({ name: 'session', id: session });
    expect(recordRoute(docId.signIn(session, '2026-12-06', 'pm', resident))).toEqual({ name: 'session', id: session });
    expect(recordRoute(docId.audit('370102001002', '2026-12-06T02:03:04.000Z', 'abcdefgh'))).toBeNull();
  });
});
