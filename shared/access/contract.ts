// Access: the station's local accounts (admins manage them), the idle lock, one's own password,
// and the audit log. Part of the one handler map (see handlers.ts); built with the blocks in define.ts.

import { z } from 'zod';
import type { AuditLabel, RecordLabel } from '../documents/labelTypes';
import { currentPassword, displayName, isoDay, loginName, newLoginName, password, type FileView } from '../common/fields';
import { ALL_ROLES, ROLES, handler, none, type Role } from '../rpc/define';

const ADMINS: readonly Role[] = ['admin'];

/** The login name field (defined once in ../common/fields.ts). */
export const loginNameField = loginName;

/** Character classes a new password must mix (at least two of letters, digits, other). */
function passwordClasses(value: string): number {
  return [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u].filter((re) => re.test(value)).length;
}

/** A new password: 8+ characters mixing at least two of letters, digits and symbols. */
export const newPassword = password.refine((value) => passwordClasses(value) >= 2, { error: 'errors.access.passwordWeak' });

const role = z.enum(ROLES, { error: 'errors.option' });

/** Idle minutes before the screen locks (and the core forgets the session's unlock). */
export const IDLE_LOCK_MINUTES = { min: 1, max: 120, default: 10 } as const;
/** Failed logins of one account name before it is locked, and for how long. */
export const LOCKOUT = { failures: 5, minutes: 15 } as const;

export interface UserView {
  loginName: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
  /** Locked after repeated failed logins until this instant (null when not locked). */
  lockedUntil: string | null;
  failedLogins: number;
}

export interface AccessSettings {
  idleLockMinutes: number;
}

export const AUDIT_ACTIONS = ['reveal', 'override', 'reopenMonth', 'withdrawExit', 'print', 'export', 'import', 'unlock', 'account', 'loginFailed', 'lockout', 'reopen', 'idSearch'] as const;
export type AuditActionName = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntryView {
  id: string;
  at: string;
  action: AuditActionName;
  /** Login name of who did it. */
  by: string;
  placeCode: string;
  /** A record id, `user:<login name>`, or what was exported; never a full ID number. */
  targetId: string;
  field: string;
  reason: string;
  /** Who did it, by display name (the login name when the account is gone or never existed). */
  byName: string;
  /** What the entry did, in parts the renderer words (shared/documents/labelsFormat.ts). */
  what: AuditLabel;
  /** The record it names, as a person knows it; null when it names none (an export of all…). */
  target: RecordLabel | null;
}

export const auditListSchema = z
  .strictObject({
    action: z.enum(AUDIT_ACTIONS, { error: 'errors.option' }).optional(),
    user: z.string().trim().max(32, { error: 'errors.tooLong' }).optional(),
    /** Local days, both inclusive. */
    from: isoDay.optional(),
    to: isoDay.optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'errors.access.toBeforeFrom' });
  });

export const auditExportSchema = z.strictObject({
  action: z.enum(AUDIT_ACTIONS, { error: 'errors.option' }).optional(),
  user: z.string().trim().max(32, { error: 'errors.tooLong' }).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
});

export const accessHandlers = {
  /**
   * The renderer reports the user's input (at most about once a minute), so that a long form
   * typed without a call does not find the core's session locked at the save.
   */
  'auth.active': handler<{ idleLockMinutes: number }>()(none, ALL_ROLES),
  /** Locks this window's session at once (the renderer's idle timer); `auth.unlock` resumes it. */
  'auth.lock': handler<{ locked: true }>()(none, ALL_ROLES),
  /** Resumes a locked session with the logged-in user's password (failures count towards lockout). */
  'auth.unlock': handler<{ locked: false }>()(z.strictObject({ password: currentPassword }), ALL_ROLES),
  'auth.changePassword': handler<{ changed: true }>()(z.strictObject({ currentPassword, newPassword }), ALL_ROLES),

  'users.list': handler<UserView[]>()(none, ADMINS),
  'users.create': handler<UserView>()(
    z.strictObject({ loginName: newLoginName, displayName, role, password: newPassword }),
    ADMINS,
  ),
  /** Role, name, disabled; the last enabled admin can be neither demoted nor disabled. */
  'users.update': handler<UserView>()(
    z.strictObject({ loginName: loginNameField, displayName: displayName.optional(), role: role.optional(), disabled: z.boolean().optional() }),
    ADMINS,
  ),
  'users.resetPassword': handler<UserView>()(z.strictObject({ loginName: loginNameField, password: newPassword }), ADMINS),
  /** Lifts a lockout after failed logins; audit-logged. */
  'users.unlock': handler<UserView>()(z.strictObject({ loginName: loginNameField }), ADMINS),
  'users.settings': handler<AccessSettings>()(none, ADMINS),
  'users.saveSettings': handler<AccessSettings>()(
    z.strictObject({ idleLockMinutes: z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max) }),
    ADMINS,
  ),

  /** Newest first. */
  'audit.list': handler<{ total: number; items: AuditEntryView[] }>()(auditListSchema, ADMINS),
  /** The filtered log as an .xlsx (base64); the export itself is logged. */
  'audit.export': handler<FileView & { rows: number }>()(auditExportSchema, ADMINS),
} as const;
