// The township payroll (公益性岗位补贴发放表) and the holders' payment accounts, as the core
// validates them. Messages are i18n keys.
import { z } from 'zod';
import { freeText, isoDay, month, residentId } from '../common/fields';
import { PAY_ACCOUNT_KINDS } from './kinds';

export { PAY_ACCOUNT_KINDS };
export type PayAccountKind = (typeof PAY_ACCOUNT_KINDS)[number];

/** A bank card or 社保卡 number: 8–30 digits (spaces a clerk types are dropped). */
export const accountNumber = z
  .string({ error: 'errors.required' })
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{8,30}$/, { error: 'errors.payroll.accountNo' }));

export const payAccountSetSchema = z.strictObject({
  residentId,
  kind: z.enum(PAY_ACCOUNT_KINDS, { error: 'errors.option' }),
  bankName: freeText(60),
  accountNo: accountNumber,
  effectiveFrom: isoDay,
});

/** `full`: the accounts unmasked (a writer only; the fill or file is audit-logged so). */
export const payrollMonthSchema = z.strictObject({ month, full: z.boolean().default(false) });

/** The last four digits shown, the rest starred. */
export function maskAccount(accountNo: string): string {
  if (accountNo.length <= 4) return '*'.repeat(accountNo.length);
  return `${'*'.repeat(Math.min(accountNo.length - 4, 12))}${accountNo.slice(-4)}`;
}

export type PayAccountSetInput = z.input<typeof payAccountSetSchema>;
