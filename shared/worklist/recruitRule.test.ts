// The recruitment rule at its boundaries: absent on the 公示's last day, due the next day up to
// noticeDecisionDays after it, overdue after; answered by placing, withdrawal or an upheld objection.
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKLIST_POLICY } from '../policy/defaults';
import { recruitNoticeDuty, type RecruitNoticeFact } from './recruitRule';
import { dutyState } from './rules';

const NOTICE: RecruitNoticeFact = {
  openingId: 'opening:370102001002:XC-001:abcd1234',
  publicityId: 'recruitEntry:370102001002:XC-001:abcd1234:2026-11-22T02:00:00.000Z:x',
  postId: 'post:370102001002:XC-001',
  postName: '解放桥社区保洁',
  placeCode: '370102001002',
  windowFrom: '2026-11-10',
  windowTo: '2026-11-30',
  noticeFrom: '2026-11-22',
  noticeTo: '2026-11-24',
  candidates: [
    { residentId: 'resident:a', assigned: false, withdrawn: false },
    { residentId: 'resident:b', assigned: true, withdrawn: false },
  ],
  upheld: false,
};
const state = (n: RecruitNoticeFact, today: string) => {
  const d = recruitNoticeDuty(n, today, DEFAULT_WORKLIST_POLICY);
  return d && `${dutyState(d, today)} ${d.dueDate}`;
};

describe('recruitNoticeEnded', () => {
  it('is listed from the day after the 公示, due noticeDecisionDays after its last day', () => {
    expect(state(NOTICE, '2026-11-24')).toBeNull();
    expect(state(NOTICE, '2026-11-25')).toBe('due 2026-11-29');
    expect(state(NOTICE, '2026-11-29')).toBe('due 2026-11-29');
    expect(state(NOTICE, '2026-11-30')).toBe('overdue 2026-11-29');
    expect(recruitNoticeDuty(NOTICE, '2026-11-25', DEFAULT_WORKLIST_POLICY)?.facts).toMatchObject({ candidates: 2, waiting: 1 });
  });

  it('is answered once nobody is left to place, or when an objection was upheld', () => {
    const [a, b] = NOTICE.candidates;
    expect(state({ ...NOTICE, candidates: [{ ...a!, assigned: true }, b!] }, '2026-11-25')).toBeNull();
    expect(state({ ...NOTICE, candidates: [{ ...a!, withdrawn: true }, b!] }, '2026-11-25')).toBeNull();
    expect(state({ ...NOTICE, upheld: true }, '2026-11-25')).toBeNull();
  });
});
