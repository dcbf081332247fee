// The work list's recruitment rule (待办), pure: an opening's 拟安置人员公示 whose period has ended
// while a candidate is still to be placed. Due from the day after its last day, within the
// county's `noticeDecisionDays` (the days a 公示 is concluded in), overdue after; answered when
// every remaining candidate is placed (an assignment at the post from the 公示 on), when the
// candidates left have withdrawn, or when an upheld objection blocks the 公示 (the gate of
// posts.assign: shared/recruitment/rules.ts), and gone with the opening.
import type { WorklistParams } from '../policy/parameters';
import { addDays, keyOf, listed, type Duty } from './rules';

/** A candidate of the current 公示, as the rule reads them. */
export interface RecruitCandidateFact {
  residentId: string;
  /** Holds an assignment at the post starting on or after the 公示's first day. */
  assigned: boolean;
  /** Withdrew the application after the 公示 was posted. */
  withdrawn: boolean;
}

/** An opening with its current 公示. */
export interface RecruitNoticeFact {
  openingId: string;
  /** The current (latest) 公示's entry: a new 公示 is a new duty. */
  publicityId: string;
  postId: string;
  postName: string;
  placeCode: string;
  windowFrom: string;
  windowTo: string;
  noticeFrom: string;
  noticeTo: string;
  candidates: readonly RecruitCandidateFact[];
  /** An objection to the 公示 was upheld: nobody of it is placed (without a county override). */
  upheld: boolean;
}

/** The candidates still to place: neither assigned nor withdrawn. */
export function waitingCandidates(n: Pick<RecruitNoticeFact, 'candidates'>): RecruitCandidateFact[] {
  return n.candidates.filter((c) => !c.assigned && !c.withdrawn);
}

export function recruitNoticeDuty(n: RecruitNoticeFact, today: string, params: WorklistParams): Duty | null {
  const waiting = waitingCandidates(n);
  if (n.upheld || waiting.length === 0) return null;
  const duty: Duty = {
    key: keyOf('recruitNoticeEnded', n.publicityId),
    rule: 'recruitNoticeEnded',
    start: addDays(n.noticeTo, 1),
    dueDate: addDays(n.noticeTo, params.noticeDecisionDays),
    residentId: null,
    placeCode: n.placeCode,
    target: { kind: 'opening', postId: n.postId, openingId: n.openingId },
    facts: {
      post: n.postName,
      windowFrom: n.windowFrom,
      windowTo: n.windowTo,
      noticeFrom: n.noticeFrom,
      noticeTo: n.noticeTo,
      candidates: n.candidates.length,
      waiting: waiting.length,
    },
  };
  return listed(duty, today, params) ? duty : null;
}
