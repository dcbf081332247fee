// The people the posts tests register (not a test file itself: the posts' tests share it).
import type { Core, Session } from '../core';
import { idNumber, registration } from '../testing/fixtures';

/** Registers someone and returns their id. Birth is YYYYMMDD; `hardship` makes them a 就业困难 applicant. */
export async function person(core: Core, session: Session, birth: string, seq: string, hardship?: string[], date = '2026-11-20') {
  const reg = hardship
    ? { kind: 'hardship' as const, date, hardshipCategories: hardship as ['povertyAlleviated'] }
    : { kind: 'jobSeeking' as const, date };
  return (await core.call(session, 'residents.register', registration({ idNumber: idNumber(birth, seq), name: `测试${seq.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)]!)}`, registration: reg }))).id;
}
