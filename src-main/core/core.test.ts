import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core, type Session } from './core';
import { openStationDb } from './store/db';
import { readSnapshot, writeSnapshot } from './search/snapshot';
import { durabilityStats } from './store/durableLeveldown';
import { FIXED_NOW, idNumber, openStation, registration, tempDir, VILLAGE, refusal } from './testing/fixtures';

const open: Core[] = [];
async function station(dataDir?: string) {
  const s = await openStation(dataDir);
  open.push(s.core);
  return s;
}
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});


describe('first run and login', () => {
  it('refuses handlers before setup and login, then logs in with the scrypt-hashed password', async () => {
    const core = await Core.open({ dataDir: tempDir(), clock: () => FIXED_NOW });
    open.push(core);
    const session: Session = { user: null };
    expect(await core.call(session, 'station.status', {})).toMatchObject({ setUp: false, user: null });
    expect((await refusal(core.call(session, 'residents.search', {}))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(core.call(session, 'auth.login', { loginName: 'x', password: 'y' }))).code).toBe('STATION_NOT_SET_UP');
    // A station is a county (6 digits), township (9) or village (12): a city is none of them.
    const bad = await refusal(core.call(session, 'station.setup', { placeCode: '3701', clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } }));
    expect(bad).toMatchObject({ code: 'VALIDATION', field: 'placeCode', messageKey: 'errors.placeCode' });
    const unknown = await refusal(core.call(session, 'station.setup', { placeCode: '370102999999', clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } }));
    expect(unknown).toMatchObject({ code: 'VALIDATION', field: 'placeCode', messageKey: 'errors.placeUnknown' });
    const status = await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } });
    expect(status.station?.placePath).toEqual(['山东省', '济南市', '历下区', '解放路街道', '解放桥社区居民委员会']);
    expect(status.station?.level).toBe('village');
    expect(status.user).toBeNull();
    expect((await refusal(core.call(session, 'auth.login', { loginName: 'wangli', password: 'wrong-pass' }))).code).toBe('BAD_CREDENTIALS');
    const users = await core.db.get<{ users: Record<string, { passwordHash: string }> }>('_local/users');
    expect(users.users.wangli?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(users)).not.toContain('secret-123');
    const loggedIn = await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    expect(loggedIn.user).toEqual({ loginName: 'wangli', displayName: '王丽', role: 'admin' });
    expect((await refusal(core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: { loginName: 'b', displayName: 'b', password: 'secret-123' } }))).code).toBe('STATION_ALREADY_SET_UP');
  });
});

describe('registering residents', () => {
  it('stores a typed, stamped document keyed by a hash that does not contain the ID number', async () => {
    const { core, session } = await station();
    const view = await core.call(session, 'residents.register', registration());
    expect(view).toMatchObject({ name: '张三', sex: 'male', birthDate: '1990-05-20', age: 36, idNumberMasked: '3701**********' + idNumber('19900520').slice(-4), phoneMasked: '138****5678' });
    expect(view.id).toMatch(/^resident:[a-z2-7]{26}$/);
    expect(view.id).not.toContain('19900520');
    const doc = await core.db.get<Record<string, unknown>>(view.id);
    expect(doc).toMatchObject({ type: 'resident', schemaVersion: 1, placeCode: VILLAGE, createdBy: 'wangli', updatedBy: 'wangli', createdAt: FIXED_NOW.toISOString() });
  });

  it('refuses the same person twice with a link to the existing record', async () => {
    const { core, session } = await station();
    const first = await core.call(session, 'residents.register', registration());
    const error = await refusal(core.call(session, 'residents.register', registration({ name: '张叁', idNumber: idNumber('19900520').toLowerCase() })));
    expect(error).toMatchObject({ code: 'DUPLICATE_RESIDENT', field: 'idNumber', details: { residentId: first.id, name: '张三' } });
    expect((await core.call(session, 'residents.search', { query: '' })).total).toBe(1);
  });

  const badInputs: [string, Record<string, unknown>, string, string][] = [
    ['bad check digit', { idNumber: '110105194912310021' }, 'idNumber', 'errors.idNumber.checksum'],
    ['impossible birth date', { idNumber: idNumber('19900230') }, 'idNumber', 'errors.idNumber.birthDate'],
    ['a birth date after today', { idNumber: idNumber('20270101') }, 'idNumber', 'errors.idNumber.birthDate'],
    ['too young', { idNumber: idNumber('20150101') }, 'idNumber', 'errors.age.tooYoung'],
    ['malformed phone', { phone: '1381234567' }, 'phone', 'errors.phone'],
    ['missing name', { name: '' }, 'name', 'errors.required'],
    ['missing address', { address: undefined }, 'address', 'errors.required'],
    ['oversized text', { skills: '电'.repeat(201) }, 'skills', 'errors.tooLong'],
    ['script in a name', { name: '<script>alert(1)</script>' }, 'name', 'errors.name.markup'],
    ['control characters', { address: '东街\u0007号' }, 'address', 'errors.controlChars'],
    ['unknown field', { isAdmin: true }, 'isAdmin', 'errors.unknownField'],
    ['wrong type', { targetGroups: 'graduate' }, 'targetGroups', 'errors.invalidType'],
    ['keyCare without sub-category', { targetGroups: ['keyCare'], careCategories: [] }, 'careCategories', 'errors.careCategoryRequired'],
    ['registration in the future', { registration: { kind: 'jobSeeking', date: '2026-12-01' } }, 'registration.date', 'errors.dateInFuture'],
    ['hardship without category', { registration: { kind: 'hardship', date: '2026-11-20', hardshipCategories: [] } }, 'registration.hardshipCategories', 'errors.hardshipCategoryRequired'],
  ];
  it.each(badInputs)('refuses %s on its field and stores nothing', async (_case, override, field, messageKey) => {
    const { core, session } = await station();
    const error = await refusal(core.call(session, 'residents.register', { ...registration(), ...override }));
    expect(error.code).toBe('VALIDATION');
    expect(error.field).toBe(field);
    expect(error.messageKey).toBe(messageKey);
    const stored = await core.db.allDocs({ startkey: 'resident:', endkey: 'resident:\ufff0' });
    expect(stored.rows).toHaveLength(0);
  });

  it('limits unemployment registration to working age using the dated retirement rules', async () => {
    const { core, session } = await station();
    const unemployment = { kind: 'unemployment', date: '2026-11-20', unemploymentType: 'lostJob', unemployedSince: '2026-10-01' } as const;
    // A man born 1965-06 retires at 60 years 2 months (2025-08): past it by 2026.
    const old = await refusal(core.call(session, 'residents.register', registration({ idNumber: idNumber('19650615', '131'), registration: unemployment })));
    expect(old).toMatchObject({ field: 'idNumber', messageKey: 'errors.age.pastRetirement', params: { age: 61, retirementDate: '2025-08-15' } });
    // The same man may still register as a job seeker.
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19650615', '131'), registration: { kind: 'jobSeeking', date: '2026-11-20' } }));
    // A man born 1966-06 retires at 60 years 5 months, on 2026-11-15: just past it.
    const justPast = await refusal(core.call(session, 'residents.register', registration({ idNumber: idNumber('19660615', '131'), registration: unemployment })));
    expect(justPast.params).toMatchObject({ retirementDate: '2026-11-15' });
    // A man born 1967-06 retires at 60 years 8 months (2028-02): still of working age.
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19670615', '131'), registration: unemployment }));
  });

  it('edits keep the identity and the phone when it is omitted; closing locks the registration', async () => {
    const { core, session } = await station();
    const view = await core.call(session, 'residents.register', registration());
    const { id, rev } = view;
    const edited = await core.call(session, 'residents.update', {
      id, rev, name: '张三丰', householdType: 'nonAgricultural', address: '新址 1 号', education: 'bachelor',
      targetGroups: ['graduate'], careCategories: [], registration: { kind: 'jobSeeking', date: '2026-11-20' },
    });
    expect(edited).toMatchObject({ id, name: '张三丰', phoneMasked: '138****5678', householdType: 'nonAgricultural' });
    const { idNumber: _omit, ...rest } = registration();
    // The first revision is stale now: a second window's edit is refused, not merged blindly.
    expect((await refusal(core.call(session, 'residents.update', { ...rest, id, rev }))).code).toBe('CONFLICT');
    const closeArgs = { id, rev: edited.rev, reason: 'employed', date: '2026-11-21', note: '在县城就业' } as const;
    expect(await refusal(core.call(session, 'residents.close', { ...closeArgs, date: '2026-11-19' }))).toMatchObject({ field: 'date', messageKey: 'errors.closeBeforeRegistration' });
    const closed = await core.call(session, 'residents.close', closeArgs);
    expect(closed).toMatchObject({ status: 'closed', closure: { reason: 'employed', date: '2026-11-21', by: 'wangli' } });
    expect((await refusal(core.call(session, 'residents.update', { ...rest, id, rev: closed.rev }))).messageKey).toBe('errors.registrationClosed');
    expect((await core.call(session, 'residents.search', { status: 'closed' })).total).toBe(1);
  });

  it('returns null for a resident that does not exist', async () => {
    const { core, session } = await station();
    expect(await core.call(session, 'residents.get', { id: 'resident:aaaaaaaaaaaaaaaaaaaaaaaaaa' })).toBeNull();
  });

  it('reveals a full number only after logging the view on disk', async () => {
    const { core, session } = await station();
    const view = await core.call(session, 'residents.register', registration());
    expect(await core.call(session, 'residents.reveal', { id: view.id, field: 'idNumber' })).toEqual({ value: idNumber('19900520') });
    const audit = await core.db.allDocs<Record<string, unknown>>({ startkey: 'audit:', endkey: 'audit:\ufff0', include_docs: true });
    expect(audit.rows.map((r) => r.doc)).toEqual([expect.objectContaining({ type: 'audit', action: 'reveal', targetId: view.id, field: 'idNumber', createdBy: 'wangli' })]);
    expect(JSON.stringify(audit)).not.toContain(idNumber('19900520'));
  });

  it('acknowledges a registration only after a synced LevelDB write', async () => {
    const { core, session } = await station();
    const before = durabilityStats.syncedWrites;
    await core.call(session, 'residents.register', registration());
    expect(durabilityStats.syncedWrites).toBeGreaterThan(before);
  });
});

describe('searching residents', () => {
  it('finds people by pinyin initials (with surname readings), full pinyin, name and the digits the ID mask shows', async () => {
    const { core, session } = await station();
    await core.call(session, 'residents.register', registration());
    await core.call(session, 'residents.register', registration({ name: '曾小明', idNumber: idNumber('19880101', '111') }));
    await core.call(session, 'residents.register', registration({ name: '单田芳', idNumber: idNumber('19850303', '222') }));
    const names = async (query: string) => (await core.call(session, 'residents.search', { query, sort: 'name', order: 'asc' })).items.map((r) => r.name);
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('zxm')).toEqual(['曾小明']);
    expect(await names('stf')).toEqual(['单田芳']);
    expect(await names('zhangsan')).toEqual(['张三']);
    expect(await names('小明')).toEqual(['曾小明']);
    // Only the digits the ID mask shows find someone (search/idSearch.test.ts).
    expect(await names(idNumber('19850303', '222').slice(-4))).toEqual(['单田芳']);
    expect(await names('0303')).toEqual([]);
    expect(await names('')).toEqual(['单田芳', '曾小明', '张三']);
    expect(await names('zzzz')).toEqual([]);
  });

  it('filters, sorts and pages', async () => {
    const { core, session } = await station();
    await core.call(session, 'residents.register', registration());
    await core.call(session, 'residents.register', registration({ name: '李四', idNumber: idNumber('20000101', '222'), targetGroups: ['graduate'] }));
    await core.call(session, 'residents.register', registration({ name: '王五', idNumber: idNumber('19700101', '333'), targetGroups: ['keyCare'], careCategories: ['elderly'] }));
    const graduates = await core.call(session, 'residents.search', { targetGroup: 'graduate' });
    expect(graduates.items.map((r) => r.name)).toEqual(['李四']);
    const byAge = await core.call(session, 'residents.search', { sort: 'age', order: 'desc' });
    expect(byAge.items.map((r) => r.age)).toEqual([56, 36, 26]);
    const page = await core.call(session, 'residents.search', { sort: 'age', order: 'asc', offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, items: [{ name: '张三' }] });
    expect((await core.call(session, 'residents.search', { careCategory: 'elderly' })).items.map((r) => r.name)).toEqual(['王五']);
  });

  it('rebuilds the index from disk after a restart', async () => {
    const dir = tempDir();
    const first = await openStation(dir);
    await first.core.call(first.session, 'residents.register', registration());
    await first.core.close();
    const second = await station(dir);
    expect((await second.core.call(second.session, 'residents.search', { query: 'zs' })).total).toBe(1);
  });
});

describe('the search index snapshot', () => {
  it('starts from the snapshot and replays documents written after it', async () => {
    const dir = tempDir();
    const first = await openStation(dir);
    const a = await first.core.call(first.session, 'residents.register', registration());
    const doc = await first.core.db.get<Record<string, unknown>>(a.id);
    await first.core.close();
    expect(fs.existsSync(path.join(dir, 'search-index.json'))).toBe(true);
    // Written behind the snapshot's back, as replication would: a second person.
    const db = openStationDb(dir);
    await db.put({ ...doc, _id: 'resident:bbbbbbbbbbbbbbbbbbbbbbbbbb', _rev: undefined, name: '李四', idNumber: idNumber('19800101', '222') });
    await db.close();
    const second = await station(dir);
    const found = await second.core.call(second.session, 'residents.search', { sort: 'name', order: 'asc' });
    expect(found.items.map((r) => r.name)).toEqual(['李四', '张三']);
  });

  it('rebuilds from the database when the snapshot is damaged', async () => {
    const dir = tempDir();
    const first = await openStation(dir);
    await first.core.call(first.session, 'residents.register', registration());
    await first.core.close();
    fs.writeFileSync(path.join(dir, 'search-index.json'), '{"version":1,"seq":');
    const second = await station(dir);
    expect((await second.core.call(second.session, 'residents.search', { query: 'zs' })).total).toBe(1);
  });
});

describe('a snapshot from other data', () => {
  it('is ignored when it is ahead of the database', async () => {
    const dir = tempDir();
    const first = await openStation(dir);
    await first.core.call(first.session, 'residents.register', registration());
    await first.core.close();
    const file = path.join(dir, 'search-index.json');
    const snapshot = (await readSnapshot(file))!;
    // Another folder's snapshot: other people, and a sequence this database never reached.
    snapshot.seq = Number(snapshot.seq) + 1000;
    snapshot.columns.name[0] = '李四';
    snapshot.columns.pinyin[0] = '\u0001ls\u0001lisi';
    await writeSnapshot(file, snapshot);
    const second = await station(dir);
    expect((await second.core.call(second.session, 'residents.search', { query: 'zs' })).total).toBe(1);
    expect(second.core.residentCount).toBe(1);
  });
});
