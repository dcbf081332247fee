// Access: local accounts (scrypt hashes in `_local/users`, which never replicates), lockout after
// repeated failed logins, the idle lock of a session, and the audit log's list and export.
//
// Lockout is counted per account name whether the account exists or not, and persisted, so
// neither the answer nor a restart tells an attacker anything or gives them fresh tries.
import { LeyeError, type RpcError } from '../../../shared/rpc/errors';
import {
  IDLE_LOCK_MINUTES,
  LOCKOUT,
  type AuditActionName,
  type AuditEntryView,
  type UserView,
  type accessHandlers,
} from '../../../shared/access/contract';
import type { SessionUser } from '../../../shared/rpc/handlers';
import { accessZhCN } from '../../../shared/access/texts';
import type { CoreContext } from '../context';
import type { Session } from '../session';
import { ID_PREFIX, type AuditDoc, type LocalUser, type LoginFailures, type UsersDoc } from '../store/docs';
import type { ModuleImpl } from '../modules';
import { hashPassword, verifyPassword } from './passwords';
import { xlsx } from '../sheets/xlsxWriter';
import { getOrNull, type StationDb } from '../store/db';
import { fieldError } from '../validation';

/** Hashed against for an unknown name, so timing does not tell which names exist. */
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA';
/** Failure records kept for names nobody is locked under; the oldest go first beyond this. */
const MAX_FAILURE_RECORDS = 500;
const AUDIT_PAGE = 2000;
/** Rows one audit export writes at most (a year of a busy station is far below). */
const AUDIT_EXPORT_MAX = 200_000;

/** What the core keeps per connection besides its user. */

function refuse(error: RpcError): never {
  throw new LeyeError(error);
}

export class AccessService {
  private doc: UsersDoc = { _id: '_local/users', users: {} };
  /** Writes of `_local/users` one after another (a failed login and an admin's edit may meet). */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: () => StationDb,
    private readonly clock: () => Date,
    /** Monotonic ms, for idle time only (lockouts are wall-clock: they outlive a restart). */
    private readonly elapsed: () => number,
    private readonly context: () => CoreContext,
  ) {}

  private get db(): StationDb {
    return this.database();
  }

  private get ctx(): CoreContext {
    return this.context();
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
    return this.clock().getTime();
  }

  private lockedError(until: string): RpcError {
    const minutes = Math.max(1, Math.ceil((Date.parse(until) - this.nowMs()) / 60_000));
    return { code: 'ACCOUNT_LOCKED', field: 'loginName', messageKey: 'errors.accountLocked', params: { retryAt: this.ctx.localTime(until), minutes } };
  }

  private activeLock(name: string): string | null {
    const f = this.doc.failures?.[name];
    return f?.lockedUntil && Date.parse(f.lockedUntil) > this.nowMs() ? f.lockedUntil : null;
  }

  /** Counts a failure for a name; resolves to the lock's end when this one locked it. */
  private recordFailure(name: string): Promise<string | null> {
    const now = new Date(this.nowMs());
    return this.mutate((doc) => {
      const failures = (doc.failures ??= {});
      const prior = failures[name];
      const expired = prior?.lockedUntil && Date.parse(prior.lockedUntil) <= now.getTime();
      const count = (prior && !expired ? prior.count : 0) + 1;
      const lockedUntil = count >= LOCKOUT.failures ? new Date(now.getTime() + LOCKOUT.minutes * 60_000).toISOString() : null;
      failures[name] = { count: lockedUntil ? 0 : count, lastAt: now.toISOString(), lockedUntil };
      pruneFailures(failures, now.getTime());
      return lockedUntil;
    });
  }

  private async clearFailures(name: string): Promise<void> {
    if (!this.doc.failures?.[name]) return;
    await this.mutate((doc) => {
      delete doc.failures?.[name];
    });
  }

  /** Checks a password against an account name, counting failures towards the lockout. */
  private async verify(name: string, password: string, failure: RpcError): Promise<LocalUser> {
    const until = this.activeLock(name);
    if (until) refuse(this.lockedError(until));
    const account = this.doc.users[name];
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
    if (!account || !ok) {
      const locked = await this.recordFailure(name);
      refuse(locked ? this.lockedError(locked) : failure);
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
    session.lastCallAt = this.elapsed();
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
    return session.lastCallAt !== undefined && this.elapsed() - session.lastCallAt > this.idleLockMinutes * 60_000;
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
      const account = this.doc.users[user.loginName];
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
    session.lastCallAt = this.elapsed();
  }

  private userView(account: LocalUser): UserView {
    const f = this.doc.failures?.[account.loginName];
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
    const account = doc.users[loginName];
    if (!account) refuse({ code: 'NOT_FOUND', field: 'loginName', messageKey: 'errors.notFound' });
    return account;
  }

  private async audit(user: SessionUser, loginName: string, what: string, reason = ''): Promise<void> {
    await this.ctx.audit(user, 'account', `user:${loginName}`, what, reason);
  }

  impl(): ModuleImpl<keyof typeof accessHandlers> {
    return {
      // The gate in front (checkSession) already counted the call as activity.
      'auth.active': async () => ({ idleLockMinutes: this.idleLockMinutes }),
      'auth.lock': async (_args, session) => {
        session.locked = true;
        return { locked: true };
      },
      'auth.unlock': async (args, session) => {
        const user = session.user!;
        await this.verify(user.loginName, args.password, { code: 'BAD_CREDENTIALS', field: 'password', messageKey: 'errors.badCredentials' });
        session.locked = false;
        session.lastCallAt = this.elapsed();
        return { locked: false };
      },
      'auth.changePassword': async (args, session) => {
        const user = session.user!;
        await this.verify(user.loginName, args.currentPassword, fieldError('currentPassword', 'errors.access.wrongPassword'));
        if (args.newPassword === args.currentPassword) refuse(fieldError('newPassword', 'errors.access.samePassword'));
        if (args.newPassword === user.loginName) refuse(fieldError('newPassword', 'errors.access.passwordIsName'));
        const passwordHash = await hashPassword(args.newPassword);
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
      },

      'users.list': async () =>
        Object.values(this.doc.users)
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.loginName < b.loginName ? -1 : 1))
          .map((a) => this.userView(a)),
      'users.create': async (args, session) => {
        if (this.doc.users[args.loginName]) refuse(fieldError('loginName', 'errors.access.userExists', { loginName: args.loginName }));
        if (args.password === args.loginName) refuse(fieldError('password', 'errors.access.passwordIsName'));
        const passwordHash = await hashPassword(args.password);
        const created = await this.mutate((doc) => {
          if (doc.users[args.loginName]) refuse(fieldError('loginName', 'errors.access.userExists', { loginName: args.loginName }));
          const account: LocalUser = {
            loginName: args.loginName,
            displayName: args.displayName,
            role: args.role,
            passwordHash,
            createdAt: this.ctx.now(),
          };
          doc.users[args.loginName] = account;
          return account;
        });
        await this.audit(session.user!, args.loginName, 'create', `role ${args.role}`);
        return this.userView(created);
      },
      'users.update': async (args, session) => {
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
        if (changes.length) await this.audit(session.user!, args.loginName, 'update', changes.join(', '));
        return this.userView(updated);
      },
      'users.resetPassword': async (args, session) => {
        this.requireAccount(this.doc, args.loginName);
        if (args.password === args.loginName) refuse(fieldError('password', 'errors.access.passwordIsName'));
        const passwordHash = await hashPassword(args.password);
        const updated = await this.mutate((doc) => {
          const account = this.requireAccount(doc, args.loginName);
          account.passwordHash = passwordHash;
          account.epoch = (account.epoch ?? 0) + 1;
          // A new password is a fresh start: an earlier lockout does not outlive it.
          delete doc.failures?.[args.loginName];
          return account;
        });
        await this.audit(session.user!, args.loginName, 'resetPassword');
        return this.userView(updated);
      },
      'users.unlock': async (args, session) => {
        const account = this.requireAccount(this.doc, args.loginName);
        const wasLocked = this.activeLock(args.loginName);
        await this.mutate((doc) => {
          delete doc.failures?.[args.loginName];
        });
        await this.audit(session.user!, args.loginName, 'unlock', wasLocked ? `locked until ${wasLocked}` : 'not locked');
        return this.userView(account);
      },
      'users.settings': async () => ({ idleLockMinutes: this.idleLockMinutes }),
      'users.saveSettings': async (args, session) => {
        const before = this.idleLockMinutes;
        await this.mutate((doc) => {
          doc.idleLockMinutes = args.idleLockMinutes;
        });
        if (before !== args.idleLockMinutes) await this.ctx.audit(session.user!, 'account', 'settings', 'idleLockMinutes', `${before}→${args.idleLockMinutes}`);
        return { idleLockMinutes: this.idleLockMinutes };
      },

      'audit.list': async (args) => {
        const ids = await this.matchingAudit(args);
        const items: AuditEntryView[] = [];
        await this.auditViews(ids.slice(args.offset, args.offset + args.limit), (entry) => items.push(entry));
        return { total: ids.length, items };
      },
      'audit.export': async (args, session) => {
        const texts = accessZhCN.access.audit;
        const rows: (string | number)[][] = [];
        const ids = (await this.matchingAudit(args)).slice(0, AUDIT_EXPORT_MAX);
        await this.auditViews(ids, (e) => {
          rows.push([rows.length + 1, localDateTime(e.at), texts.actions[e.action] ?? e.action, e.by, e.placeCode, e.targetId, e.field, e.reason]);
        });
        const bytes = xlsx(
          {
            name: texts.sheetName,
            columns: [
              { header: '序号', width: 8 },
              { header: texts.at, width: 20 },
              { header: texts.action, width: 16 },
              { header: texts.user, width: 14 },
              { header: texts.place, width: 14 },
              { header: texts.target, width: 44 },
              { header: texts.field, width: 28 },
              { header: texts.reason, width: 36 },
            ],
          },
          rows,
        );
        // Who took the log away is itself in the log.
        await this.ctx.audit(session.user!, 'export', 'audit', `audit ${rows.length}`, describeFilter(args));
        const station = this.ctx.station();
        return { fileName: `审计日志-${station.name}-${this.ctx.today()}.xlsx`, content: bytes.toString('base64'), rows: rows.length };
      },
    };
  }

  // ── The audit log's index ──────────────────────────────────────────────────────────────
  // Filters read only this (id, action, user per entry): listing 50,000 entries must not read
  // 50,000 documents. Built from the database the first time an admin asks, then kept current
  // from the changes feed (`auditChanged`); only the shown page's documents are read.

  private auditIndex: Map<string, { action: string; by: string }> | null = null;
  private auditIds: string[] = [];
  private auditSorted = true;
  private auditBuilding: Promise<void> | null = null;
  private auditBuilt = false;

  /** Every audit document the station's database gets (own writes, and any that replicate in). */
  auditChanged(id: string, doc: { action?: unknown; createdBy?: unknown } | undefined, deleted: boolean): void {
    if (!this.auditIndex || deleted || !doc) return;
    // While the first read runs, the id list is made from the map at its end.
    if (!this.auditIndex.has(id) && this.auditBuilt) {
      if (this.auditIds.length && id < this.auditIds[this.auditIds.length - 1]!) this.auditSorted = false;
      this.auditIds.push(id);
    }
    this.auditIndex.set(id, { action: String(doc.action), by: String(doc.createdBy) });
  }

  private async auditEntries(): Promise<{ ids: string[]; index: Map<string, { action: string; by: string }> }> {
    if (!this.auditBuilding) {
      this.auditBuilding = (async () => {
        // Live from the start: what the changes feed brings while the read goes on joins it.
        const index = new Map<string, { action: string; by: string }>();
        this.auditIndex = index;
        let startkey: string = ID_PREFIX.audit;
        for (;;) {
          const page = await this.db.allDocs<AuditDoc>({ include_docs: true, startkey, endkey: `${ID_PREFIX.audit}\ufff0`, limit: AUDIT_PAGE + 1 });
          const rows = startkey === ID_PREFIX.audit ? page.rows : page.rows.slice(1);
          for (const row of rows) if (row.doc?.type === 'audit') index.set(row.id, { action: row.doc.action, by: row.doc.createdBy });
          if (page.rows.length <= AUDIT_PAGE) break;
          startkey = page.rows[page.rows.length - 1]!.id;
        }
        this.auditIds = [...index.keys()];
        this.auditSorted = false;
        this.auditBuilt = true;
      })();
    }
    await this.auditBuilding;
    if (!this.auditSorted) {
      this.auditIds.sort();
      this.auditSorted = true;
    }
    return { ids: this.auditIds, index: this.auditIndex! };
  }

  /** Ids of the entries matching a filter, newest first; ids are `audit:<ISO time>:<random>`, so a date range is an id range. */
  private async matchingAudit(filter: { action?: AuditActionName | undefined; user?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<string[]> {
    const { ids, index } = await this.auditEntries();
    const low = filter.from ? `${ID_PREFIX.audit}${new Date(`${filter.from}T00:00:00`).toISOString()}` : '';
    const high = filter.to ? `${ID_PREFIX.audit}${new Date(Date.parse(`${filter.to}T00:00:00`) + 86_400_000).toISOString()}` : '\uffff';
    const user = filter.user?.trim() || undefined;
    const out: string[] = [];
    for (let i = ids.length - 1; i >= 0; i--) {
      const id = ids[i]!;
      if (id >= high) continue;
      if (id < low) break;
      const entry = index.get(id)!;
      if (filter.action && entry.action !== filter.action) continue;
      if (user && entry.by !== user) continue;
      out.push(id);
    }
    return out;
  }

  /** The entries of some ids, in their order, read in pages. */
  private async auditViews(ids: string[], visit: (entry: AuditEntryView) => void): Promise<void> {
    for (let i = 0; i < ids.length; i += AUDIT_PAGE) {
      const page = await this.db.allDocs<AuditDoc>({ keys: ids.slice(i, i + AUDIT_PAGE), include_docs: true });
      for (const row of page.rows) {
        const doc = 'doc' in row ? row.doc : undefined;
        if (!doc) continue;
        visit({
          id: doc._id,
          at: doc.createdAt,
          action: doc.action,
          by: doc.createdBy,
          placeCode: doc.placeCode,
          targetId: doc.targetId,
          field: doc.field,
          reason: doc.reason ?? '',
        });
      }
    }
  }
}

/** 'YYYY-MM-DD HH:MM:SS' in the machine's time zone, as a clerk reads a time. */
function localDateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

function describeFilter(args: { action?: string | undefined; user?: string | undefined; from?: string | undefined; to?: string | undefined }): string {
  return Object.entries(args)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}

function pruneFailures(failures: Record<string, LoginFailures>, now: number): void {
  const names = Object.keys(failures);
  if (names.length <= MAX_FAILURE_RECORDS) return;
  const unlocked = names
    .filter((n) => !(failures[n]!.lockedUntil && Date.parse(failures[n]!.lockedUntil!) > now))
    .sort((a, b) => (failures[a]!.lastAt < failures[b]!.lastAt ? -1 : 1));
  for (const name of unlocked.slice(0, names.length - MAX_FAILURE_RECORDS)) delete failures[name];
}
