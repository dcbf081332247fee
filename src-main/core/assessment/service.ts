// The monthly 考核 of a post's holders and the pay it decides. Entries are append-only facts: a
// change is a new entry that supersedes the current one (the latest is current). Entered only
// for a closed month, never once the county accepted it. The pay of each holder comes from the
// one pure function (shared/assessment/pay.ts) the township payroll uses too.
import { docId } from '../../../shared/documents/registry';
import type { AssessmentDoc, DeductionNoticeDoc } from '../../../shared/documents';
import { assessmentResult, currentAssessment, noticeDone } from '../../../shared/assessment/doc';
import { holderPay, passes, weightedScore } from '../../../shared/assessment/pay';
import type { AssessmentEntryView, AssessmentMonthView, AssessmentRow, NoticeState } from '../../../shared/assessment/contract';
import type { MonthCloseDoc } from '../../../shared/documents';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { LeyeError } from '../../../shared/rpc/errors';
import type { ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import { fail, notFound, type CoreContext } from '../context';
import type { PostsService } from '../posts/posts';
import { DocCache } from '../store/docCache';
import { isConflict } from '../store/db';
import { ID_PREFIX } from '../store/docs';
import { fieldError } from '../validation';
import { failedView } from './failed';

const fen = (yuan: number) => Math.round(yuan * 100);

function refuse(issues: FieldIssue[]): void {
  if (issues.length === 0) return;
  const first = issues[0]!;
  throw new LeyeError({ code: 'VALIDATION', field: first.field, messageKey: first.messageKey, ...(first.params ? { params: first.params } : {}), issues });
}

export function entryView(doc: AssessmentDoc): AssessmentEntryView {
  return {
    id: doc._id,
    scores: doc.scores,
    score: doc.score,
    passed: doc.passed,
    deductions: doc.deductions.map((d) => ({ reason: d.reason, amount: d.amountFen / 100 })),
    note: doc.note,
    assessedBy: doc.assessedByName || doc.assessedBy,
    assessedAt: doc.assessedAt,
    supersedes: doc.supersedes,
    policyFrom: doc.policyFrom,
  };
}

export class AssessmentService {
  readonly entries = new DocCache<AssessmentDoc>(ID_PREFIX.assessment);
  readonly notices = new DocCache<DeductionNoticeDoc>(ID_PREFIX.deductionNotice);

  constructor(
    private readonly ctx: CoreContext,
    private readonly posts: PostsService,
  ) {}

  private close(postId: string, month: string): (MonthCloseDoc & { _rev: string }) | null {
    return this.posts.closes.get(docId.monthClose(postId, month));
  }

  /** The county accepted the month (its close): nothing of it changes until it unlocks. */
  private countyLockedAt(postId: string, month: string): string | null {
    return this.ctx.lockedAt(docId.monthClose(postId, month));
  }

  private postEntries(postId: string): (AssessmentDoc & { _rev: string })[] {
    return this.entries.withPrefix(`${ID_PREFIX.assessment}${postId.slice(ID_PREFIX.post.length)}:`).filter((e) => e.postId === postId);
  }

  /** The holder's assignment that covers part of the month (the latest starting one). */
  private assignmentIn(postId: string, residentId: string, month: string) {
    const first = `${month}-01`;
    const last = `${month}-31`;
    return (
      this.posts.assignments
        .values()
        .filter((a) => a.postId === postId && a.residentId === residentId && a.startDate <= last && a.endDate >= first)
        .sort((a, b) => b.startDate.localeCompare(a.startDate))[0] ?? null
    );
  }

  noticeState(entry: AssessmentDoc | null): NoticeState {
    if (!entry || entry.deductions.length === 0) return 'none';
    return noticeDone(entry, this.notices.values()) ? 'printed' : 'pending';
  }

  month(postId: string, month: string): AssessmentMonthView {
    const post = this.posts.posts.get(postId) ?? notFound('postId');
    const close = this.close(postId, month);
    const closed = close?.status === 'closed';
    const policy = this.ctx.policies.assessment(`${month}-01`);
    const minimumHourly = close?.summary.minimumWage?.hourly ?? this.ctx.policies.minimumWage(post.placeCode.slice(0, 6), `${month}-01`)?.hourly ?? null;
    const entries = this.postEntries(postId);
    const holders = close?.summary.holders ?? [];
    const rows: AssessmentRow[] = holders.map((h) => {
      const assignment = this.assignmentIn(postId, h.residentId, month);
      const assignmentId = assignment?._id ?? '';
      const mine = entries.filter((e) => e.assignmentId === assignmentId && e.month === month).sort((a, b) => b.assessedAt.localeCompare(a.assessedAt) || b._id.localeCompare(a._id));
      const current = currentAssessment(mine, assignmentId, month);
      return {
        residentId: h.residentId,
        assignmentId,
        name: h.name,
        hours: h.hours,
        current: current ? entryView(current) : null,
        earlier: mine.filter((e) => e !== current).map(entryView),
        pay: holderPay({ hours: h.hours, basePay: h.payDue, hourlyMinimum: minimumHourly, assessment: assessmentResult(current), rules: policy.values }),
        notice: this.noticeState(current),
        failed: failedView(entries, assignmentId, policy.values.failedMonthsForExit),
      };
    });
    return { postId, postName: post.name, month, closed, countyLockedAt: this.countyLockedAt(postId, month), policy, minimumHourly, rows };
  }

  async save(args: ParsedArgsOf<'assessment.save'>, user: SessionUser): Promise<AssessmentEntryView> {
    const { postId, month, residentId } = args;
    const post = this.posts.posts.get(postId) ?? notFound('postId');
    const close = this.close(postId, month);
    if (close?.status !== 'closed') fail(fieldError('month', 'errors.assessment.monthNotClosed', { month }));
    if (this.countyLockedAt(postId, month) !== null) fail({ code: 'LOCKED', field: 'month', messageKey: 'errors.assessment.countyAccepted', params: { month } });
    const holder = close.summary.holders.find((h) => h.residentId === residentId);
    const assignment = holder ? this.assignmentIn(postId, residentId, month) : null;
    if (!holder || !assignment) fail(fieldError('residentId', 'errors.assessment.notHolder', { month }));
    const policy = this.ctx.policies.assessment(`${month}-01`);
    const items = policy.values.items;
    const issues: FieldIssue[] = [];
    for (const item of items) {
      if (typeof args.scores[item.key] !== 'number') issues.push({ field: `scores.${item.key}`, messageKey: 'errors.assessment.scoreMissing', params: { item: item.label.zh } });
    }
    for (const key of Object.keys(args.scores)) if (!items.some((i) => i.key === key)) issues.push({ field: `scores.${key}`, messageKey: 'errors.assessment.unknownItem' });
    const current = currentAssessment(this.postEntries(postId), assignment._id, month);
    if ((current?._id ?? null) !== args.supersedes) fail({ code: 'CONFLICT', field: 'supersedes', messageKey: 'errors.assessment.notCurrent' });
    if (current && args.note.trim() === '') issues.push({ field: 'note', messageKey: 'errors.assessment.changeReason' });
    refuse(issues);
    const scores = Object.fromEntries(items.map((i) => [i.key, args.scores[i.key]!]));
    const score = weightedScore(scores, items);
    const stamp = this.ctx.stamp(user, post.placeCode);
    const doc: AssessmentDoc = {
      _id: docId.assessment(postId, month, residentId, stamp.createdAt),
      type: 'assessment',
      ...stamp,
      postId,
      assignmentId: assignment._id,
      residentId,
      month,
      scores,
      score,
      passed: passes(score, policy.values),
      deductions: args.deductions.map((d) => ({ reason: d.reason, amountFen: fen(d.amount) })),
      policyFrom: policy.effectiveFrom,
      assessedBy: user.loginName,
      assessedByName: user.displayName || user.loginName,
      assessedAt: stamp.createdAt,
      supersedes: current?._id ?? null,
      note: args.note,
    };
    // One document, written once (a put without a revision never overwrites): all or nothing.
    const result = await this.put(doc);
    const saved = { ...doc, _rev: result.rev };
    this.entries.put(saved);
    return entryView(saved);
  }

  /** A new fact; one of the same id (the same instant) means another entry came first. */
  private async put(doc: { _id: string }): Promise<{ rev: string }> {
    try {
      return await this.ctx.db.put(doc);
    } catch (error) {
      if (isConflict(error)) throw new LeyeError({ code: 'CONFLICT', messageKey: 'errors.assessment.notCurrent' });
      throw error;
    }
  }

  /** An entry with deductions, for its 扣款告知书; the first print is recorded as a deductionNotice fact. */
  async forNotice(assessmentId: string, user: SessionUser): Promise<AssessmentDoc & { _rev: string }> {
    const entry = this.entries.get(assessmentId) ?? notFound('assessmentId');
    if (entry.deductions.length === 0) fail(fieldError('assessmentId', 'errors.assessment.noDeductions'));
    if (!noticeDone(entry, this.notices.values())) {
      const stamp = this.ctx.stamp(user, entry.placeCode);
      const notice: DeductionNoticeDoc = {
        _id: docId.deductionNotice(entry.postId, entry.month, entry.residentId, stamp.createdAt),
        type: 'deductionNotice',
        ...stamp,
        assessmentId: entry._id,
        postId: entry.postId,
        residentId: entry.residentId,
        month: entry.month,
        printedByName: user.displayName || user.loginName,
      };
      const result = await this.put(notice);
      this.notices.put({ ...notice, _rev: result.rev });
    }
    return entry;
  }
}
