// The station's phone on a 公示: a landline (0531-8888 8888 without its space) or a mobile number.
// Here, not in ./contract.ts, so the residents list's 公示 button checks it without running the
// print contract's schemas (issue 18); the contract's `noticePhone` schema uses the same rule.

export const NOTICE_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Whether a phone as typed (spaces around it ignored) may go on a notice. */
export function isNoticePhone(phone: string): boolean {
  return NOTICE_PHONE.test(phone.trim());
}
