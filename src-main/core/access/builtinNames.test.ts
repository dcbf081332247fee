// Login names that are also keys every JavaScript object has (`constructor`, `toString`,
// `__proto__`, …) behave like any other name (issue 15, item 14): an account of that name is
// made or refused with the usual message, wrong passwords count towards its lockout, and nothing
// leaks into the other names' accounts or lockouts.
import { describe, expect, it } from 'vitest';
import { LOCKOUT } from '../../../shared/access/contract';
import type { Core, Session } from '../core';
import { closedAfterEach, refusal } from '../testing/fixtures';

const station = closedAfterEach();

const login = (core: Core, loginName: string, password: string) => core.call({ user: null } as Session, 'auth.login', { loginName, password });

describe('login names that are built-in object keys', () => {
  it.each(['constructor', 'toString', 'hasOwnProperty', 'valueOf'])('%s: created, logs in, locks out after the usual failures, alone', async (name) => {
    const { core, session } = await station();
    // Before the account exists: an unknown name, not an error of the core.
    expect(await refusal(login(core, name, 'wrong-pass-1'))).toMatchObject({ code: 'BAD_CREDENTIALS' });
    const created = await core.call(session, 'users.create', { loginName: name, displayName: '测试', role: 'clerk', password: 'right-pass-1' });
    expect(created).toMatchObject({ loginName: name, role: 'clerk', disabled: false });
    expect((await core.call(session, 'users.list', {})).map((u) => u.loginName)).toContain(name);
    // A second account of the same name: the usual refusal.
    expect(await refusal(core.call(session, 'users.create', { loginName: name, displayName: '测试', role: 'clerk', password: 'right-pass-1' }))).toMatchObject({
      field: 'loginName',
      messageKey: 'errors.access.userExists',
    });
    await login(core, name, 'right-pass-1');
    for (let i = 1; i < LOCKOUT.failures; i++) expect(await refusal(login(core, name, `wrong-pass-${i}`))).toMatchObject({ code: 'BAD_CREDENTIALS' });
    expect(await refusal(login(core, name, 'wrong-pass-x'))).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(await refusal(login(core, name, 'right-pass-1'))).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    const listed = (await core.call(session, 'users.list', {})).find((u) => u.loginName === name);
    expect(listed?.lockedUntil).not.toBeNull();
    // The station's admin is untouched.
    expect((await core.call(session, 'users.list', {})).find((u) => u.loginName === 'wangli')).toMatchObject({ lockedUntil: null, failedLogins: 0 });
    await login(core, 'wangli', 'secret-123');
    // The admin unlocks it like any account.
    await core.call(session, 'users.unlock', { loginName: name });
    await login(core, name, 'right-pass-1');
  });

  it('__proto__ cannot be an account (the usual message on the name) and its guesses lock only itself', async () => {
    const { core, session } = await station();
    expect(await refusal(core.call(session, 'users.create', { loginName: '__proto__', displayName: '测试', role: 'clerk', password: 'right-pass-1' }))).toMatchObject({
      code: 'VALIDATION',
      field: 'loginName',
      messageKey: 'errors.loginName',
    });
    for (let i = 1; i < LOCKOUT.failures; i++) expect(await refusal(login(core, '__proto__', `wrong-pass-${i}`))).toMatchObject({ code: 'BAD_CREDENTIALS' });
    expect(await refusal(login(core, '__proto__', 'wrong-pass-x'))).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    // Every other name still logs in and shows no failures.
    await login(core, 'wangli', 'secret-123');
    expect(await refusal(login(core, 'nobody', 'wrong-pass-1'))).toMatchObject({ code: 'BAD_CREDENTIALS' });
    expect((await core.call(session, 'users.list', {})).map((u) => [u.loginName, u.failedLogins, u.lockedUntil])).toEqual([['wangli', 0, null]]);
  });
});
