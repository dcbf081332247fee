// The lockout holds against guesses sent all at once: however many arrive together, a login name
// gets at most LOCKOUT.failures password checks per lockout window (issue 15, item 11).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCKOUT } from '../../../shared/access/contract';
import type { Core, Session } from '../core';
import { openStation, refusal } from '../testing/fixtures';

const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('./passwords', async (importOriginal) => {
  const real = await importOriginal<typeof import('./passwords')>();
  return {
    ...real,
    verifyPassword: (password: string, stored: string) => {
      checks.count++;
      return real.verifyPassword(password, stored);
    },
  };
});

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

function guess(core: Core, loginName: string, password: string) {
  const session: Session = { user: null };
  return refusal(core.call(session, 'auth.login', { loginName, password }));
}

describe('lockout race', () => {
  it('50 guesses at once and then the right password: at most 5 password checks, the right one refused, one lockout entry', async () => {
    const { core, session } = await openStation();
    open.push(core);
    checks.count = 0;
    const guesses = Array.from({ length: 50 }, (_, i) => guess(core, 'wangli', `wrong-pass-${i}`));
    const right = guess(core, 'wangli', 'secret-123');
    const answers = await Promise.all([...guesses, right]);
    expect(checks.count).toBeLessThanOrEqual(LOCKOUT.failures);
    expect(answers.at(-1)).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(answers.filter((a) => a.code === 'BAD_CREDENTIALS')).toHaveLength(LOCKOUT.failures - 1);
    expect(answers.filter((a) => a.code === 'ACCOUNT_LOCKED')).toHaveLength(51 - (LOCKOUT.failures - 1));
    expect((await core.call(session, 'audit.list', { action: 'lockout' })).total).toBe(1);
    expect((await core.call(session, 'audit.list', { action: 'loginFailed', user: 'wangli' })).total).toBe(LOCKOUT.failures);
  });

  it('a name nobody has is held to the same count', async () => {
    const { core } = await openStation();
    open.push(core);
    checks.count = 0;
    await Promise.all(Array.from({ length: 30 }, (_, i) => guess(core, 'nobody-here', `wrong-pass-${i}`)));
    expect(checks.count).toBeLessThanOrEqual(LOCKOUT.failures);
  });
});
