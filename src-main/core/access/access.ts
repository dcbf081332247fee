// Access: local accounts (scrypt hashes in `_local/users`, which never replicates), lockout after
// repeated failed logins, and the idle lock of a session. The audit log is in audit/.
//
// Lockout is counted per account name whether the account exists or not, and persisted, so
// neither the answer nor a restart tells an attacker anything or gives them fresh tries.
import { LeyeError, type RpcError } from '../../../shared/rpc/errors';
import { IDLE_LOCK_MINUTES, LOCKOUT, type UserView } from '../../../shared/access/contract';
import type { ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import type { AuditLog } from '../audit/audit';
import type { Session } from '../session';
import type { LocalUser, LoginFailures, UsersDoc } from '../store/docs';
import { hashPassword, verifyPassword } from './passwords';
import { getOrNull, type StationDb } from '../store/db';
import { fieldError } from '../validation';
import { ownEntry, setOwnEntry } from './ownKeys';

/** Hashed against for an unknown name, so timing does not tell which names exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA';
/** Failure records kept for names nobody is locked under; the oldest go first beyond this. */
const MAX_FAILURE_RECORDS = 500;

function refuse(error: RpcError): never {
  throw new LeyeError(error);
}

export interface AccessDeps {
  db: StationDb;
  clock(): Date;
  /** Monotonic ms, for idle time only (lockouts are wall-clock: they outlive a restart). */
  elapsed(): number;
  now(): string;
  /** Local wall-clock time of an ISO instant, HH:MM. */
  localTime(iso: string): string;
  audit: AuditLog;
}

export class AccessService {
  private doc: UsersDoc = { _id: '_local/users', users: {} };
  /** Writes of `_local/users` one after another (a failed login and an admin's edit may meet). */
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Password checks of one name one after another: each sees the failures counted by the ones
   * before, so guesses sent all at once get no more checks than guesses sent in turn.
   */
  private readonly checking = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: AccessDeps) {}

  private get db(): StationDb {
    return this.deps.db;
  }

  async load(): Promise<void> {
    this.doc = (await getOrNull<UsersDoc>(this.db, '_local/users')) ?? { _id: '_local/users', users: {} };
  }

  get idleLockMinutes(): number {
    return this.doc.idleLockMinutes ?? IDLE_LOCK_MINUTES.default;
  }

  /** Applies a change to the users document and stores it before resolving. */
  private mutate<T>(change: (doc: UsersDoc) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const next: UsersDoc = structuredClone(this.doc);
      const result = change(next);
      const { rev } = await this.db.put(next);
      this.doc = { ...next, _rev: rev };
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private nowMs(): number {
    return this.deps.clock().getTime();
  }

  private lockedError(until: string): RpcError {
    const minutes = Math.max(1, Math.ceil((Date.parse(until) - this.nowMs()) / 60_000));
    return { code: 'ACCOUNT_LOCKED', field: 'loginName', messageKey: 'errors.accountLocked', params: { retryAt: this.deps.localTime(until), minutes } };
  }

  private activeLock(name: string): string | null {
    const f = ownEntry(this.doc.failures, name);
    return f?.lockedUntil && Date.parse(f.lockedUntil) > this.nowMs() ? f.lockedUntil : null;
  }

  /** Counts a failure for a name; resolves to the lock's end when this one locked it (and the count before). */
  private recordFailure(name: string): Promise<{ lockedUntil: string | null; count: number }> {
    const now = new Date(this.nowMs());
    return this.mutate((doc) => {
      const failures = (doc.failures ??= {});
      const prior = ownEntry(failures, name);
      const expired = prior?.lockedUntil && Date.parse(prior.lockedUntil) <= now.getTime();
      const count = (prior && !expired ? prior.count : 0) + 1;
      const lockedUntil = count >= LOCKOUT.failures ? new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString() : null;
      setOwnEntry(failures, name, { count: lockedUntil ? 0 : count, lastAt: now.toISOString(), lockedUntil });
      pruneFailures(failures, now.getTime());
      return { lockedUntil, count };
    });
  }

  private async clearFailures(name: string): Promise<void> {
    if (!ownEntry(this.doc.failures, name)) return;
    await this.mutate((doc) => {
      delete doc.failures?.[name];
    });
  }

  /**
   * Logs a failed password (and, on the failure that locks the name, the lockout as an entry of
   * its own), on disk before the refusal answers. Nobody is logged in yet: the entry is written in
   * the name that was tried (a login name's shape, checked before this runs). The password tried
   * is never written. Tries refused while the name is locked are not logged: the lockout is.
   */
  private async auditFailure(name: string, field: string, count: number, lockedUntil: string | null): Promise<void> {
    const tried: SessionUser = { loginName: name, displayName: name, role: 'clerk' };
    const targetId = `user:${name}`;
    await this.deps.audit.append(tried, { action: 'loginFailed', targetId, field, reason: `${count}/${LOCKOUT.failures}` });
    if (lockedUntil) await this.deps.audit.append(tried, { action: 'lockout', targetId, field, reason: `locked until ${lockedUntil}` });
  }

  /** Runs a password check of a name after the ones already under way for it. */
  private inTurn<T>(name: string, check: () => Promise<T>): Promise<T> {
    const run = (this.checking.get(name) ?? Promise.resolve()).then(check);
    const settled = run.catch(() => undefined);
    this.checking.set(name, settled);
    void settled.then(() => {
      if (this.checking.get(name) === settled) this.checking.delete(name);
    });
    return run;
  }

  /**
   * Checks a password against an account name, counting failures towards the lockout. Checks of
   * one name run in turn, so at most LOCKOUT.failures of them hash per lockout window.
   */
  private verify(name: string, password: string, failure: RpcError): Promise<LocalUser> {
    return this.inTurn(name, () => this.verifyNow(name, password, failure));
  }

  private async verifyNow(name: string, password: string, failure: RpcError): Promise<LocalUser> {
    const until = this.activeLock(name);
    if (until) refuse(this.lockedError(until));
    const account = ownEntry(this.doc.users, name);
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok) {
      const { lockedUntil, count } = await this.recordFailure(name);
      await this.auditFailure(name, failure.field ?? 'password', count, lockedUntil);
      refuse(lockedUntil ? this.lockedError(lockedUntil) : failure);
    }
    await this.clearFailures(name);
    return account;
  }

  async login(loginName: string, password: string, session: Session): Promise<void> {
    const account = await this.verify(loginName, password, { code: 'BAD_CREDENTIALS', field: 'password', messageKey: 'errors.badCredentials' });
    // Only someone with the password learns that the account is disabled.
    if (account.disabled) refuse({ code: 'FORBIDDEN', field: 'loginName', messageKey: 'errors.accountDisabled' });
    session.user = { loginName: account.loginName, displayName: account.displayName, role: account.role };
    session.accountEpoch = account.epoch ?? 0;
    session.lastCallAt = this.deps.elapsed();
    session.locked = false;
  }

  logout(session: Session): void {
    session.user = null;
    delete session.accountEpoch;
    delete session.lastCallAt;
    delete session.locked;
  }

  /** True when the session is locked or has been idle past the limit (does not count as activity). */
  isLocked(session: Session): boolean {
    if (!session.user) return false;
    if (session.locked) return true;
    return session.lastCallAt !== undefined && this.deps.elapsed() - session.lastCallAt > this.idleLockMinutes * 60_000;
  }

  /**
   * Runs before every logged-in handler: ends a session whose account was disabled, removed or
   * changed since login (UNAUTHENTICATED), and refuses everything but `auth.unlock` on a locked
   * or idle session (SESSION_LOCKED). Anything else counts as activity.
   */
  checkSession(session: Session, handler: string): void {
    const user = session.user;
    if (!user) return;
    // Sessions the carriers create always come through login; ones built in-process (tests,
    // the benchmark) carry no epoch and stand as built.
    if (session.accountEpoch !== undefined) {
      const account = ownEntry(this.doc.users, user.loginName);
      if (!account || account.disabled || (account.epoch ?? 0) !== session.accountEpoch) {
        this.logout(session);
        refuse({ code: 'UNAUTHENTICATED', messageKey: 'errors.sessionEnded' });
      }
    }
    if (this.isLocked(session)) {
      session.locked = true;
      if (handler !== 'auth.unlock') refuse({ code: 'SESSION_LOCKED', messageKey: 'errors.sessionLocked' });
      return;
    }
    session.lastCallAt = this.deps.elapsed();
  }

  private userView(account: LocalUser): UserView {
    const f = ownEntry(this.doc.failures, account.loginName);
    const locked = this.activeLock(account.loginName);
    return {
      loginName: account.loginName,
      displayName: account.displayName,
      role: account.role,
      disabled: account.disabled === true,
      createdAt: account.createdAt,
      lockedUntil: locked,
      failedLogins: locked ? LOCKOUT.failures : (f?.count ?? 0),
    };
  }

  private requireAccount(doc: UsersDoc, loginName: string): LocalUser {
    const account = ownEntry(doc.users, loginName);
    if (!account) refuse({ code: 'NOT_FOUND', field: 'loginName', messageKey: 'errors.notFound' });
    return account;
  }

  private async audit(user: SessionUser, loginName: string, what: string, reason = ''): Promise<void> {
    await this.deps.audit.append(user, { action: 'account', targetId: `user:${loginName}`, field: what, reason });
  }

  // ── What the handlers (access/app.ts) ask ─────────────────────────────────────────────────

  /** `auth.unlock`: the password again ends the idle lock. */
  async unlock(session: Session, password: string): Promise<{ locked: false }> {
    const user = session.user!;
    await this.verify(user.loginName, password, { code: 'BAD_CREDENTIALS', field: 'password', messageKey: 'errors.badCredentials' });
    session.locked = false;
    session.lastCallAt = this.deps.elapsed();
    return { locked: false };
  }

  async changePassword(session: Session, currentPassword: string, newPassword: string): Promise<{ changed: true }> {
    const user = session.user!;
    await this.verify(user.loginName, currentPassword, fieldError('currentPassword', 'errors.access.wrongPassword'));
    if (newPassword === currentPassword) refuse(fieldError('newPassword', 'errors.access.samePassword'));
    if (newPassword === user.loginName) refuse(fieldError('newPassword', 'errors.access.passwordIsName'));
    const passwordHash = await hashPassword(newPassword);
    const epoch = await this.mutate((doc) => {
      const account = this.requireAccount(doc, user.loginName);
      account.passwordHash = passwordHash;
      // Other windows logged in with the old password end; this one goes on.
      account.epoch = (account.epoch ?? 0) + 1;
      return account.epoch;
    });
    if (session.accountEpoch !== undefined) session.accountEpoch = epoch;
    await this.audit(user, user.loginName, 'changePassword');
    return { changed: true };
  }

  users(): UserView[] {
    return Object.values(this.doc.users)
      .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.loginName < b.loginName ? -1 : 1))
      .map((a) => this.userView(a));
  }

  async createUser(args: ParsedArgsOf<'users.create'>, by: SessionUser): Promise<UserView> {
    if (ownEntry(this.doc.users, args.loginName)) refuse(fieldError('loginName', 'errors.access.userExists', { loginName: args.loginName }));
    if (args.password === args.loginName) refuse(fieldError('password', 'errors.access.passwordIsName'));
    const passwordHash = await hashPassword(args.password);
    const created = await this.mutate((doc) => {
      if (ownEntry(doc.users, args.loginName)) refuse(fieldError('loginName', 'errors.access.userExists', { loginName: args.loginName }));
      const account: LocalUser = {
        loginName: args.loginName,
        displayName: args.displayName,
        role: args.role,
        passwordHash,
        createdAt: this.deps.now(),
      };
      setOwnEntry(doc.users, args.loginName, account);
      return account;
    });
    await this.audit(by, args.loginName, 'create', `role ${args.role}`);
    return this.userView(created);
  }

  async updateUser(args: ParsedArgsOf<'users.update'>, by: SessionUser): Promise<UserView> {
    const changes: string[] = [];
    const updated = await this.mutate((doc) => {
      const account = this.requireAccount(doc, args.loginName);
      const role = args.role ?? account.role;
      const disabled = args.disabled ?? account.disabled === true;
      if (account.role === 'admin' && !account.disabled && (role !== 'admin' || disabled)) {
        const admins = Object.values(doc.users).filter((u) => u.role === 'admin' && !u.disabled);
        if (admins.length <= 1) refuse(fieldError(args.role !== undefined && role !== 'admin' ? 'role' : 'disabled', 'errors.access.lastAdmin'));
      }
      if (args.displayName !== undefined && args.displayName !== account.displayName) {
        account.displayName = args.displayName;
        changes.push('displayName');
      }
      if (role !== account.role) changes.push(`role ${account.role}→${role}`);
      if (disabled !== (account.disabled === true)) changes.push(disabled ? 'disable' : 'enable');
      // A new role or disabling ends the account's open sessions: rights are never stale.
      if (role !== account.role || disabled !== (account.disabled === true)) account.epoch = (account.epoch ?? 0) + 1;
      account.role = role;
      if (disabled) account.disabled = true;
      else delete account.disabled;
      return account;
    });
    if (changes.length) await this.audit(by, args.loginName, 'update', changes.join(', '));
    return this.userView(updated);
  }

  async resetPassword(loginName: string, password: string, by: SessionUser): Promise<UserView> {
    this.requireAccount(this.doc, loginName);
    if (password === loginName) refuse(fieldError('password', 'errors.access.passwordIsName'));
    const passwordHash = await hashPassword(password);
    const updated = await this.mutate((doc) => {
      const account = this.requireAccount(doc, loginName);
      account.passwordHash = passwordHash;
      account.epoch = (account.epoch ?? 0) + 1;
      // A new password is a fresh start: an earlier lockout does not outlive it.
      delete doc.failures?.[loginName];
      return account;
    });
    await this.audit(by, loginName, 'resetPassword');
    return this.userView(updated);
  }

  async unlockUser(loginName: string, by: SessionUser): Promise<UserView> {
    const account = this.requireAccount(this.doc, loginName);
    const wasLocked = this.activeLock(loginName);
    await this.mutate((doc) => {
      delete doc.failures?.[loginName];
    });
    await this.audit(by, loginName, 'unlock', wasLocked ? `locked until ${wasLocked}` : 'not locked');
    return this.userView(account);
  }

  async saveSettings(idleLockMinutes: number, by: SessionUser): Promise<{ idleLockMinutes: number }> {
    const before = this.idleLockMinutes;
    await this.mutate((doc) => {
      doc.idleLockMinutes = idleLockMinutes;
    });
    if (before !== idleLockMinutes) await this.deps.audit.append(by, { action: 'account', targetId: 'settings', field: 'idleLockMinutes', reason: `${before}→${idleLockMinutes}` });
    return { idleLockMinutes: this.idleLockMinutes };
  }
}

function pruneFailures(failures: Record<string, LoginFailures>, now: number): void {
  const names = Object.keys(failures);
  if (names.length <= MAX_FAILURE_RECORDS) return;
  const unlocked = names
    .filter((n) => !(failures[n]!.lockedUntil && Date.parse(failures[n]!.lockedUntil!) > now))
    .sort((a, b) => (failures[a]!.lastAt < failures[b]!.lastAt ? -1 : 1));
  for (const name of unlocked.slice(0, names.length - MAX_FAILURE_RECORDS)) delete failures[name];
}
