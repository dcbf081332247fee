// Records by label at the station (records.labels) and the audit log in words: the person an
// assignment is about, the post's name, a record's lock, who did what by display name.
import { afterEach, describe, expect, it } from 'vitest';
import { formatAuditDetail, formatRecordLabel } from '../../../shared/documents/labelsFormat';
import type { Core } from '../core';
import { CLEANING_POST, openStation, registration, VILLAGE } from '../testing/fixtures';
import i18next from 'i18next';
import { resources } from '../../../shared/i18n/resources';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const i18n = i18next.createInstance();
void i18n.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: resources['zh-CN'] } }, interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);
const county = { schemaVersion: 1, placeCode: VILLAGE, createdBy: 'county-li', updatedBy: 'county-li' };

describe('records by label', () => {
  it('name the person and the post of an assignment, and say which records the county locked', async () => {
    const { core, session } = await openStation();
    open.push(core);
    const person = await core.call(session, 'residents.register', registration({ registration: { kind: 'hardship', date: '2026-11-20', hardshipCategories: ['povertyAlleviated'] } }));
    const post = await core.call(session, 'posts.save', CLEANING_POST);
    const assigned = await core.call(session, 'posts.assign', { postId: post.id, residentId: person.id, startDate: '2026-11-01', endDate: '2026-12-31', contractNo: 'HT-1' });
    const assignmentId = (assigned as { id: string }).id;
    await core.db.put({
      _id: 'review:batch:1', type: 'review', ...county, createdAt: '2026-11-22T01:00:00Z', updatedAt: '2026-11-22T01:00:00Z',
      batchId: 'batch:1', decision: 'partial', records: [{ id: person.id, rev: person.rev, decision: 'accepted', reason: '' }, { id: assignmentId, rev: '1-x', decision: 'returned', reason: '协议编号有误' }],
    });
    await core.whenIndexed();

    const info = await core.call(session, 'records.labels', { ids: [assignmentId, person.id, 'resident:aaaaaaaaaaaaaaaaaaaaaaaaaa'] });
    expect(formatRecordLabel(t, info[0]!.label)).toBe('张三 3701**********' + registration().idNumber.slice(-4) + ' · 解放桥社区保洁 · 2026-11-01 至 2026-12-31');
    expect(info.map((i) => [i.found, i.lockedAt])).toEqual([[true, null], [true, '2026-11-22'], [false, null]]);
    expect(formatRecordLabel(t, info[2]!.label)).toBe('居民登记');
  });

  it('list audit entries by display name and what they did in words', async () => {
    const { core, session } = await openStation();
    open.push(core);
    const person = await core.call(session, 'residents.register', registration());
    await core.call(session, 'residents.reveal', { id: person.id, field: 'idNumber' });
    await core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: 'lisi-pass-1' });
    const { items } = await core.call(session, 'audit.list', {});
    const texts = items.map((e) => `${e.byName} ${t(`access.audit.actions.${e.action}`)} ${formatAuditDetail(t, e.what, e.target)}`);
    expect(texts.sort()).toEqual([`${session.user!.displayName} 查看完整号码 身份证号：张三 3701**********${registration().idNumber.slice(-4)}`, `${session.user!.displayName} 账号变更 新建账号 李四（村级经办人）`].sort());
    expect(JSON.stringify(items.map((e) => [e.byName, e.what, e.target]))).not.toContain(session.user!.loginName === session.user!.displayName ? '\u0000' : `"${session.user!.loginName}"`);
  });
});
