// GB 11643-1999 citizen identity number: 6-digit address code, 8-digit birth date,
// 3-digit sequence (odd = male), 1 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Sex = 'male' | 'female';

export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: Sex; addressCode: string }
  /** A character that is neither a digit nor the final X (after normalising). */
  | { ok: false; reason: 'chars'; char: string }
  /** Only digits (and a final X), but not 18 of them. */
  | { ok: false; reason: 'length'; given: number }
  | { ok: false; reason: 'birthDate' | 'checksum' };

/** The longest ID input accepted before normalising: 18 characters with spaces, dashes, a pasted blank. */
export const ID_INPUT_MAX_LENGTH = 40;

/** The check character GB 11643 assigns to the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

// Full-width ASCII (U+FF01–FF5E: ０-９, Ｘ, ｘ, －, from Chinese input methods) maps to ASCII by one offset.
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
// Blanks of every kind (incl. the ideographic space U+3000, no-break and zero-width spaces) and
// dashes pasted from documents: hyphen-minus, hyphens, figure/en/em dashes, minus, small/full-width hyphen-minus.
const SEPARATORS = /[\s\u200B-\u200D\u2060\uFEFF\-\u2010-\u2015\u2212\uFE58\uFE63]/g;

/**
 * An ID number as typed, pasted, read or imported, in its one stored form: full-width digits and
 * X become ASCII, a lower-case x upper-case, spaces and dashes anywhere are dropped.
 */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(SEPARATORS, '')
    .toUpperCase();
}

/** The message key (errors.idNumber.*) and parameters saying what is wrong with a refused number. */
export function idNumberProblem(check: Exclude<IdNumberCheck, { ok: true }>): { messageKey: string; params?: Record<string, string | number> } {
  const messageKey = `errors.idNumber.${check.reason}`;
  if (check.reason === 'chars') return { messageKey, params: { char: check.char } };
  if (check.reason === 'length') return { messageKey, params: { given: check.given } };
  return { messageKey };
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function checkIdNumber(raw: string, today?: string): IdNumberCheck {
  const idNumber = normalizeIdNumber(raw);
  const wrong = [...idNumber].find((c, i) => !/[0-9]/.test(c) && !(c === 'X' && i === idNumber.length - 1));
  if (wrong !== undefined) return { ok: false, reason: 'chars', char: wrong };
  if (idNumber.length !== 18) return { ok: false, reason: 'length', given: idNumber.length };
  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  // 1800 is the earliest year the standard's examples use; a birth date after today is impossible.
  if (y < 1800 || !isRealDate(y, m, d) || (today !== undefined && birthDate > today)) {
    return { ok: false, reason: 'birthDate' };
  }
  if (idNumberCheckChar(idNumber) !== idNumber[17]) return { ok: false, reason: 'checksum' };
  const sex: Sex = Number(idNumber[16]) % 2 === 1 ? 'male' : 'female';
  return { ok: true, idNumber, birthDate, sex, addressCode: idNumber.slice(0, 6) };
}

/** Full years between an ISO birth date and an ISO day. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}
