import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { Core, type Session } from '../core';
import { FIXED_NOW, idNumber, openStation, refusal, registration, tempDir, VILLAGE } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

/** A station whose clock the test moves. */
async function station(dataDir = tempDir()) {
  const time = { now: FIXED_NOW.getTime() };
  // One time for both the wall clock (lockouts) and the monotonic one (idle sessions).
  const s = await openStation(dataDir, () => new Date(time.now), undefined, { monotonic: () => time.now });
  open.push(s.core);
  const advance = (minutes: number) => {
    time.now += minutes * 60_000;
  };
  return { ...s, time, advance };
}

async function login(core: Core, loginName: string, password: string): Promise<Session> {
  const session: Session = { user: null };
  await core.call(session, 'auth.login', { loginName, password });
  return session;
}

async function auditEntries(core: Core) {
  const rows = await core.db.allDocs<{ action: string; targetId: string; field: string; reason?: string; createdBy: string }>({
    startkey: 'audit:',
    endkey: 'audit:\ufff0',
    include_docs: true,
  });
  return rows.rows.map((r) => r.doc!);
}

describe('accounts', () => {
  it('admins create accounts with a minimum password strength; the new account logs in with its role', async () => {
    const { core, session } = await station();
    expect(await refusal(core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: 'short1' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'password',
      messageKey: 'errors.password.tooShort',
    });
    expect(await refusal(core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: 'onlyletters' }))).toMatchObject({
      field: 'password',
      messageKey: 'errors.access.passwordWeak',
    });
    expect(await refusal(core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'mayor', password: 'lisi-pass-1' }))).toMatchObject({ field: 'role' });
    const created = await core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: 'lisi-pass-1' });
    expect(created).toMatchObject({ loginName: 'lisi', role: 'clerk', disabled: false, lockedUntil: null });
    expect(await refusal(core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: 'lisi-pass-1' }))).toMatchObject({
      field: 'loginName',
      messageKey: 'errors.access.userExists',
    });
    // Oldest first (the same minute here: then by name).
    expect((await core.call(session, 'users.list', {})).map((u) => [u.loginName, u.role])).toEqual([
      ['lisi', 'clerk'],
      ['wangli', 'admin'],
    ]);
    const users = await core.db.get<{ users: Record<string, { passwordHash: string }> }>('_local/users');
    expect(users.users.lisi?.passwordHash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(users)).not.toContain('lisi-pass-1');

    const clerk = await login(core, 'lisi', 'lisi-pass-1');
    expect(clerk.user).toEqual({ loginName: 'lisi', displayName: '李四', role: 'clerk' });
    expect((await refusal(core.call(clerk, 'users.list', {}))).code).toBe('FORBIDDEN');
    expect((await refusal(core.call(clerk, 'users.create', { loginName: 'x', displayName: 'x', role: 'admin', password: 'abc-12345' }))).code).toBe('FORBIDDEN');
    expect(await auditEntries(core)).toEqual([expect.objectContaining({ action: 'account', targetId: 'user:lisi', field: 'create', reason: 'role clerk', createdBy: 'wangli' })]);
  });

  it('a role change or disabling ends the account’s open sessions; the last admin stays an admin', async () => {
    const { core, session } = await station();
    await core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'admin', password: 'lisi-pass-1' });
    const other = await login(core, 'lisi', 'lisi-pass-1');
    expect((await core.call(other, 'users.list', {})).length).toBe(2);
    await core.call(session, 'users.update', { loginName: 'lisi', role: 'clerk' });
    // The rights of the old role do not outlive the change.
    expect(await refusal(core.call(other, 'users.list', {}))).toMatchObject({ code: 'UNAUTHENTICATED', messageKey: 'errors.sessionEnded' });
    expect(other.user).toBeNull();
    const again = await login(core, 'lisi', 'lisi-pass-1');
    expect(again.user?.role).toBe('clerk');

    await core.call(session, 'users.update', { loginName: 'lisi', disabled: true });
    expect((await refusal(core.call(again, 'residents.search', {}))).code).toBe('UNAUTHENTICATED');
    expect(await refusal(login(core, 'lisi', 'lisi-pass-1'))).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.accountDisabled' });
    // A wrong password on a disabled account says only "wrong", like any other.
    expect((await refusal(login(core, 'lisi', 'wrong-pass-1'))).code).toBe('BAD_CREDENTIALS');

    expect(await refusal(core.call(session, 'users.update', { loginName: 'wangli', role: 'clerk' }))).toMatchObject({ field: 'role', messageKey: 'errors.access.lastAdmin' });
    expect(await refusal(core.call(session, 'users.update', { loginName: 'wangli', disabled: true }))).toMatchObject({ field: 'disabled', messageKey: 'errors.access.lastAdmin' });
    // With a second admin, the first may step down.
    await core.call(session, 'users.update', { loginName: 'lisi', role: 'admin', disabled: false });
    expect((await core.call(session, 'users.update', { loginName: 'wangli', role: 'township', displayName: '王丽丽' })).role).toBe('township');
    const actions = (await auditEntries(core)).map((e) => `${e.targetId} ${e.field} ${e.reason}`);
    expect(actions).toEqual(
      expect.arrayContaining(['user:lisi update role admin→clerk', 'user:lisi update disable', 'user:lisi update role clerk→admin, enable', 'user:wangli update displayName, role admin→township']),
    );
  });

  it('passwords: reset by an admin (ending sessions), changed by oneself with the current one', async () => {
    const { core, session } = await station();
    await core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: 'lisi-pass-1' });
    const clerk = await login(core, 'lisi', 'lisi-pass-1');
    const second = await login(core, 'lisi', 'lisi-pass-1');
    expect(await refusal(core.call(clerk, 'auth.changePassword', { currentPassword: 'nope-1234', newPassword: 'lisi-pass-2' }))).toMatchObject({
      field: 'currentPassword',
      messageKey: 'errors.access.wrongPassword',
    });
    await core.call(clerk, 'auth.changePassword', { currentPassword: 'lisi-pass-1', newPassword: 'lisi-pass-2' });
    // This window goes on; another logged in with the old password ends.
    await core.call(clerk, 'residents.search', {});
    expect((await refusal(core.call(second, 'residents.search', {}))).code).toBe('UNAUTHENTICATED');
    expect((await refusal(login(core, 'lisi', 'lisi-pass-1'))).code).toBe('BAD_CREDENTIALS');
    await login(core, 'lisi', 'lisi-pass-2');

    await core.call(session, 'users.resetPassword', { loginName: 'lisi', password: 'reset-pass-3' });
    expect((await refusal(core.call(clerk, 'residents.search', {}))).code).toBe('UNAUTHENTICATED');
    await login(core, 'lisi', 'reset-pass-3');
    const fields = (await auditEntries(core)).map((e) => `${e.createdBy} ${e.field}`);
    expect(fields).toEqual(expect.arrayContaining(['lisi changePassword', 'wangli resetPassword']));
    expect(JSON.stringify(await auditEntries(core))).not.toMatch(/pass-/);
  });
});

describe('lockout', () => {
  it('locks an account name after 5 failures for 15 minutes, the same way whether the name exists or not, across a restart', async () => {
    const dataDir = tempDir();
    const { core } = await station(dataDir);
    const answers = async (name: string) => {
      const out = [];
      for (let i = 0; i < 5; i++) out.push(await refusal(login(core, name, 'wrong-pass')));
      return out;
    };
    const real = await answers('wangli');
    const ghost = await answers('nobody-here');
    expect(real.slice(0, 4).every((e) => e.code === 'BAD_CREDENTIALS')).toBe(true);
    expect(real[4]).toMatchObject({ code: 'ACCOUNT_LOCKED', messageKey: 'errors.accountLocked', params: { retryAt: '10:15', minutes: 15 } });
    // Nothing in the answers tells which name exists.
    expect(ghost).toEqual(real);
    // Locked: even the right password is refused.
    expect((await refusal(login(core, 'wangli', 'secret-123'))).code).toBe('ACCOUNT_LOCKED');

    // A restart does not give fresh tries.
    open.splice(open.indexOf(core), 1);
    await core.close();
    const time = { now: FIXED_NOW.getTime() + 5 * 60_000 };
    const { Core: CoreClass } = await import('../core');
    const reopened = await CoreClass.open({ dataDir, clock: () => new Date(time.now), monotonic: () => time.now });
    open.push(reopened);
    const after = await refusal(login(reopened, 'wangli', 'secret-123'));
    expect(after).toMatchObject({ code: 'ACCOUNT_LOCKED', params: { retryAt: '10:15', minutes: 10 } });
    time.now += 10 * 60_000 + 1000;
    await login(reopened, 'wangli', 'secret-123');
  });

  it('logs each failed login in the name tried (never the password) and the lockout as an entry of its own', async () => {
    const { core, session } = await station();
    for (let i = 0; i < 5; i++) await refusal(login(core, 'wangli', `wrong-pass-${i}`));
    await refusal(login(core, 'nobody-here', 'guess-pass'));
    // Refused while locked: the lockout is already logged.
    await refusal(login(core, 'wangli', 'wrong-pass-x'));
    const entries = await auditEntries(core);
    // The clock stands still here: entries of one instant are in no particular order.
    expect(entries.map((e) => `${e.createdBy} ${e.action} ${e.targetId} ${e.reason}`).sort()).toEqual([
      'nobody-here loginFailed user:nobody-here 1/5',
      expect.stringMatching(/^wangli lockout user:wangli locked until 2026-/),
      'wangli loginFailed user:wangli 1/5',
      'wangli loginFailed user:wangli 2/5',
      'wangli loginFailed user:wangli 3/5',
      'wangli loginFailed user:wangli 4/5',
      'wangli loginFailed user:wangli 5/5',
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/wrong-pass|guess-pass/);
    // Each is a valid audit document (the county takes it in a batch) and the audit screen lists it.
    const { documentProblem } = await import('../store/docSchemas');
    for (const e of entries) expect(documentProblem(e as unknown as Record<string, unknown>)).toBeNull();
    expect((await core.call(session, 'audit.list', { action: 'lockout' })).items).toEqual([expect.objectContaining({ by: 'wangli', targetId: 'user:wangli' })]);
    expect((await core.call(session, 'audit.list', { action: 'loginFailed', user: 'nobody-here' })).total).toBe(1);
  });

  it('an admin lifts a lockout (audit-logged) and sees who is locked', async () => {
    const { core, session } = await station();
    await core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: 'lisi-pass-1' });
    for (let i = 0; i < 5; i++) await refusal(login(core, 'lisi', 'wrong-pass'));
    const listed = (await core.call(session, 'users.list', {})).find((u) => u.loginName === 'lisi');
    expect(listed).toMatchObject({ lockedUntil: new Date(FIXED_NOW.getTime() + 15 * 60_000).toISOString(), failedLogins: 5 });
    expect((await refusal(login(core, 'lisi', 'lisi-pass-1'))).code).toBe('ACCOUNT_LOCKED');
    expect((await core.call(session, 'users.unlock', { loginName: 'lisi' })).lockedUntil).toBeNull();
    await login(core, 'lisi', 'lisi-pass-1');
    expect(await auditEntries(core)).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'account', targetId: 'user:lisi', field: 'unlock', reason: expect.stringMatching(/^locked until /) })]),
    );
  });
});

describe('first account at setup', () => {
  it('gets the same password rules as every account created later', async () => {
    const core = await Core.open({ dataDir: tempDir(), clock: () => FIXED_NOW });
    open.push(core);
    const session: Session = { user: null };
    const setup = (loginName: string, password: string) =>
      core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: { loginName, displayName: '王丽', password } });
    for (const [password, messageKey] of [
      ['12345678', 'errors.access.passwordWeak'],
      ['onlyletters', 'errors.access.passwordWeak'],
      ['short1', 'errors.password.tooShort'],
    ] as const) {
      expect(await refusal(setup('wangli', password))).toMatchObject({ code: 'VALIDATION', field: 'clerk.password', messageKey });
    }
    expect(await refusal(setup('wangli-01', 'wangli-01'))).toMatchObject({ code: 'VALIDATION', field: 'clerk.password', messageKey: 'errors.access.passwordIsName' });
    expect((await core.call(session, 'station.status', {})).setUp).toBe(false);
    await setup('wangli', 'secret-123');
    await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    // users.create refuses the same passwords with the same keys.
    expect(await refusal(core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'clerk', password: '12345678' }))).toMatchObject({
      field: 'password',
      messageKey: 'errors.access.passwordWeak',
    });
    expect((await core.call(session, 'users.list', {})).map((u) => u.role)).toEqual(['admin']);
  });
});

describe('idle lock', () => {
  it('locks a session idle past the limit until the user’s password unlocks it', async () => {
    const { core, session, advance } = await station();
    expect((await core.call(session, 'station.status', {})).idleLockMinutes).toBe(10);
    advance(9);
    await core.call(session, 'residents.search', {});
    advance(9);
    // 18 minutes after login but 9 after the last call: still open.
    await core.call(session, 'residents.search', {});
    advance(10.01);
    expect((await core.call(session, 'station.status', {})).locked).toBe(true);
    expect(await refusal(core.call(session, 'residents.search', {}))).toMatchObject({ code: 'SESSION_LOCKED', messageKey: 'errors.sessionLocked' });
    expect((await refusal(core.call(session, 'residents.reveal', { id: `resident:${'a'.repeat(26)}`, field: 'idNumber' }))).code).toBe('SESSION_LOCKED');
    expect((await refusal(core.call(session, 'auth.unlock', { password: 'wrong-pass' }))).code).toBe('BAD_CREDENTIALS');
    expect((await refusal(core.call(session, 'residents.search', {}))).code).toBe('SESSION_LOCKED');
    await core.call(session, 'auth.unlock', { password: 'secret-123' });
    expect((await core.call(session, 'station.status', {})).locked).toBe(false);
    await core.call(session, 'residents.search', {});
    // Input the renderer reports keeps the session open without other calls.
    advance(9);
    await core.call(session, 'auth.active', {});
    advance(9);
    await core.call(session, 'residents.search', {});
    // The renderer's own timer locks at once; the admin's setting shortens the limit.
    await core.call(session, 'auth.lock', {});
    expect((await refusal(core.call(session, 'residents.search', {}))).code).toBe('SESSION_LOCKED');
    await core.call(session, 'auth.unlock', { password: 'secret-123' });
    await core.call(session, 'users.saveSettings', { idleLockMinutes: 2 });
    advance(2.01);
    expect((await refusal(core.call(session, 'residents.search', {}))).code).toBe('SESSION_LOCKED');
    // Logging out always works; the next login starts unlocked.
    await core.call(session, 'auth.logout', {});
    await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    await core.call(session, 'residents.search', {});
  });

  it('an unlock after the idle limit starts a fresh idle period: the next calls are not relocked', async () => {
    const { core, session, advance } = await station();
    // Idle far past the limit (nothing counts while the screen is locked), then the password.
    advance(10.01);
    expect((await refusal(core.call(session, 'residents.search', {}))).code).toBe('SESSION_LOCKED');
    advance(30);
    await core.call(session, 'auth.unlock', { password: 'secret-123' });
    expect((await core.call(session, 'station.status', {})).locked).toBe(false);
    await core.call(session, 'residents.search', {});
    // A whole idle period after the unlock is still open; past it, locked again.
    advance(9.99);
    expect((await core.call(session, 'station.status', {})).locked).toBe(false);
    await core.call(session, 'auth.active', {});
    advance(10.01);
    expect((await refusal(core.call(session, 'residents.search', {}))).code).toBe('SESSION_LOCKED');
  });

  it('failed unlocks count towards the lockout', async () => {
    const { core, session } = await station();
    await core.call(session, 'auth.lock', {});
    for (let i = 0; i < 4; i++) expect((await refusal(core.call(session, 'auth.unlock', { password: 'guess-1234' }))).code).toBe('BAD_CREDENTIALS');
    expect((await refusal(core.call(session, 'auth.unlock', { password: 'guess-1234' }))).code).toBe('ACCOUNT_LOCKED');
    expect((await refusal(core.call(session, 'auth.unlock', { password: 'secret-123' }))).code).toBe('ACCOUNT_LOCKED');
  });
});

describe('audit log', () => {
  it('lists entries newest first with filters and pages, exports them, and holds no full ID number', async () => {
    const { core, session, advance } = await station();
    const resident = await core.call(session, 'residents.register', registration());
    await core.call(session, 'residents.reveal', { id: resident.id, field: 'idNumber' });
    advance(24 * 60);
    await core.call(session, 'auth.unlock', { password: 'secret-123' });
    await core.call(session, 'users.create', { loginName: 'lisi', displayName: '李四', role: 'township', password: 'lisi-pass-1' });
    const township = await login(core, 'lisi', 'lisi-pass-1');
    advance(1);
    await core.call(township, 'residents.reveal', { id: resident.id, field: 'phone' });
    advance(1);
    await core.call(township, 'print.registration', { id: resident.id });

    const all = await core.call(session, 'audit.list', {});
    expect(all.total).toBe(4);
    expect(all.items.map((e) => `${e.by} ${e.action} ${e.field}`)).toEqual(['lisi print registration', 'lisi reveal phone', 'wangli account create', 'wangli reveal idNumber']);
    expect((await core.call(session, 'audit.list', { action: 'reveal' })).items.map((e) => e.by)).toEqual(['lisi', 'wangli']);
    expect((await core.call(session, 'audit.list', { user: 'lisi' })).total).toBe(2);
    // Local days: the first entry is on 2026-11-22 (10:00 in Shanghai), the rest a day later.
    expect((await core.call(session, 'audit.list', { from: '2026-11-22', to: '2026-11-22' })).items.map((e) => e.field)).toEqual(['idNumber']);
    expect((await core.call(session, 'audit.list', { from: '2026-11-23' })).total).toBe(3);
    const page = await core.call(session, 'audit.list', { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, items: [{ action: 'reveal', field: 'phone' }, { action: 'account' }] });
    expect(await refusal(core.call(session, 'audit.list', { from: '2026-11-23', to: '2026-11-22' }))).toMatchObject({ field: 'to', messageKey: 'errors.access.toBeforeFrom' });
    expect((await refusal(core.call(township, 'audit.list', {}))).code).toBe('FORBIDDEN');

    const file = await core.call(session, 'audit.export', { action: 'reveal' });
    expect(file).toMatchObject({ rows: 2, fileName: expect.stringMatching(/^审计日志-.+\.xlsx$/) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('操作');
    expect(sheet.getRow(2).getCell(3).value).toBe('查看完整号码');
    // Who by name, what in words (audit/app.ts).
    expect(sheet.getRow(2).getCell(4).value).toBe('李四');
    expect(sheet.getRow(2).getCell(6).value).toMatch(/^电话号码：张三 3701\*+\d{3}[\dX]$/);
    // Exporting the log is itself logged.
    expect((await core.call(session, 'audit.list', { action: 'export' })).items[0]).toMatchObject({ by: 'wangli', targetId: 'audit', field: 'audit 2', reason: 'action=reveal' });

    const everything = JSON.stringify(await auditEntries(core));
    expect(everything).not.toContain(idNumber('19900520'));
    expect(everything).not.toContain('13812345678');
  });

  it('is append-only in the core: no handler path rewrites an entry', async () => {
    const { core, session } = await station();
    const resident = await core.call(session, 'residents.register', registration());
    await core.call(session, 'residents.reveal', { id: resident.id, field: 'idNumber' });
    const [entry] = await auditEntries(core);
    const ctx = (core as unknown as { ctx: { write(doc: object): Promise<unknown> } }).ctx;
    await expect(ctx.write({ ...entry, targetId: 'resident:other' })).rejects.toThrow(/never rewritten/);
    expect((await auditEntries(core))[0]).toEqual(entry);
  });
});
