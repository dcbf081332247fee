// GB 11643-1999 citizen identity number: 6-digit address code, 8-digit birth date,
// 3-digit sequence (odd = male), 1 check character.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type Sex = 'male' | 'female';

export type IdNumberCheck =
  | { ok: true; idNumber: string; birthDate: string; sex: Sex; addressCode: string }
  | { ok: false; reason: 'format' | 'birthDate' | 'checksum' };

/** The check character GB 11643 assigns to the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Upper-cases a trailing x and strips surrounding blanks (card readers and people type both). */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function checkIdNumber(raw: string, today?: string): IdNumberCheck {
  const idNumber = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, reason: 'format' };
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
