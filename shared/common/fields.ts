// The argument building blocks several domains' contracts share, each defined once: record ids
// and revisions, account fields, places, days and months, free text. Every message is an i18n
// key (`errors.*`) so the UI can show it translated on the field the path names.

import { z } from 'zod';
import { isValidCreditCode } from '../id/creditCode';
import { ID_PATTERNS } from '../documents/ids';

// ── Records ───────────────────────────────────────────────────────────────────────────────

export const residentId = z.string().regex(ID_PATTERNS.resident, { error: 'errors.id' });
/** The revision of the record being edited (as the form got it). */
export const rev = z.string().min(1).max(100);
/** Any replicated document's id (`<type>:<rest>`), as the county names records of a batch. */
export const docId = z.string().min(3).max(200).regex(/^[a-zA-Z]+:[^\s]+$/, { error: 'errors.id' });
/** A CouchDB revision (`<n>-<hash>`). */
export const docRev = z.string().regex(/^\d+-[0-9a-f]{1,64}$/, { error: 'errors.id' });

// ── Accounts ──────────────────────────────────────────────────────────────────────────────

export const loginName = z
  .string({ error: 'errors.required' })
  .trim()
  .min(1, { error: 'errors.required' })
  .max(32, { error: 'errors.tooLong' })
  .regex(/^[\p{Script=Han}A-Za-z0-9_.-]+$/u, { error: 'errors.loginName' });
/**
 * The name of a new account: it also starts with a Chinese character, a letter or a digit, so no
 * account is named like a key every object has (`__proto__`), which the store cannot keep.
 * Logging in takes any `loginName` (accounts made before this rule keep working).
 */
export const newLoginName = loginName.regex(/^[\p{Script=Han}A-Za-z0-9]/u, { error: 'errors.loginName' });
export const displayName = z.string({ error: 'errors.required' }).trim().min(1, { error: 'errors.required' }).max(30, { error: 'errors.tooLong' });
/** The first clerk's password at setup: 8+ characters (accounts made later use access's `newPassword`). */
export const password = z
  .string({ error: 'errors.required' })
  .min(8, { error: 'errors.password.tooShort' })
  .max(128, { error: 'errors.tooLong' });
/** A password being checked (login, unlock, a password change's current one). */
export const currentPassword = z.string({ error: 'errors.required' }).min(1, { error: 'errors.required' }).max(128, { error: 'errors.tooLong' });

// ── Places ────────────────────────────────────────────────────────────────────────────────

/** A station's place: a county (6 digits), a township (9) or a village (12). */
export const placeCode = z.string({ error: 'errors.required' }).regex(/^\d{6}(\d{3}){0,2}$/, { error: 'errors.placeCode' });
/** A village (community): 12 digits. */
export const villageCode = z.string({ error: 'errors.required' }).regex(/^\d{12}$/, { error: 'errors.placeCode' });
/** A station below the county: a township (9 digits) or a village (12). */
export const stationBelowCounty = z.string().regex(/^\d{9}(\d{3})?$/, { error: 'errors.placeCode' });
/** A county of Shandong (37xxxx). */
export const shandongCounty = z.string().regex(/^37\d{4}$/, { error: 'errors.placeCode' });

// ── Days and months ───────────────────────────────────────────────────────────────────────

/** A calendar day, YYYY-MM-DD, that exists. */
export const isoDay = z
  .string({ error: 'errors.required' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.date' })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    error: 'errors.date',
  });
/** A month, YYYY-MM. */
export const month = z.string({ error: 'errors.required' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'errors.month' });

// ── Files ─────────────────────────────────────────────────────────────────────────────────

/** A file the core hands the renderer to save (or takes from it): a name and the bytes as base64, never a path. */
export interface FileView {
  fileName: string;
  /** base64 of the file's bytes. */
  content: string;
}

// ── Text ──────────────────────────────────────────────────────────────────────────────────

/** Control characters never belong in a form field (they break printing and exports). */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const freeText = (max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .max(max, { error: 'errors.tooLong' })
    .refine((s) => !CONTROL_CHARS.test(s), { error: 'errors.controlChars' });

export const requiredText = (max: number) => freeText(max).pipe(z.string().min(1, { error: 'errors.required' }));

/** A unified social credit code (统一社会信用代码) of an employer or a training provider. */
export const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((s) => isValidCreditCode(s), { error: 'errors.creditCode' });
