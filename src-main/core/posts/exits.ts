// Ending a post assignment early (提前结束, shared/posts/exits.ts): the exit is a dated fact of its
// own (`assignmentExit`, its id the assignment's), never a new revision of the assignment: the
// assignment stays as agreed (and may carry the county's lock), facts are appended, and one exit
// per assignment is all its id allows. From the day after the exit date the person no longer
// holds the post: `held` shortens the assignment wherever the posts service reads holders
// (attendance, the grid, the month's sums, eligibility's months). The exit and the status entries
// it makes (the 公益性岗位 entry's end as a correcting entry, the next status) are one write.
import { docId } from '../../../shared/documents/registry';
import type { AssignmentExitDoc, EmploymentDoc } from '../../../shared/documents';
import type { EmploymentEntryData } from '../../../shared/employment/schema';
import { holderWarnings, nextStatusOf, type AssignmentExitView, type HolderWarning } from '../../../shared/posts/exits';
import { exitsZhCN } from '../../../shared/posts/exitsTexts';
import type { ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import { addDays, fail, notFound, type CoreContext } from '../context';
import { failedMonths } from '../assessment/failed';
import { buildEntry } from '../employment/entries';
import type { EmploymentService } from '../employment/employment';
import { DocCache } from '../store/docCache';
import { prefixRange } from '../store/db';
import { ID_PREFIX, type AssignmentDoc, type MonthCloseDoc, type PostDoc } from '../store/docs';
import { fieldError } from '../validation';

/**
 * What ending for 考核不合格 reads of the monthly 考核 (../assessment): the holder's failed months
 * before a day, and how many end an assignment (the county's parameter `failedMonthsForExit`).
 */
export interface AssessmentReader {
  failedMonths(assignmentId: string, beforeDate: string): Promise<number>;
  failedMonthsForExit(day: string): number;
}

/** The 考核 as stored: failed months whose first day is before `beforeDate`. */
export function assessmentReader(ctx: Pick<CoreContext, 'db' | 'policies'>): AssessmentReader {
  return {
    failedMonths: async (assignmentId, beforeDate) => (await failedMonths(ctx.db, ctx.policies, assignmentId, beforeDate)).months.filter((m) => `${m}-01` < beforeDate).length,
    failedMonthsForExit: (day) => ctx.policies.assessment(day).values.failedMonthsForExit,
  };
}

/** What the exits read of the posts service. */
export interface PostsRecords {
  readonly posts: DocCache<PostDoc>;
  readonly assignments: DocCache<AssignmentDoc>;
  readonly closes: DocCache<MonthCloseDoc>;
}

type Held<A extends AssignmentDoc> = A & { exitDate?: string };

export class PostExits {
  readonly exits = new DocCache<AssignmentExitDoc>(ID_PREFIX.assignmentExit);

  constructor(
    private readonly ctx: CoreContext,
    private readonly employment: EmploymentService,
    private readonly records: PostsRecords,
    private readonly assessment: AssessmentReader = assessmentReader(ctx),
  ) {}

  exitOf(assignmentId: string): (AssignmentExitDoc & { _rev: string }) | null {
    return this.exits.get(docId.assignmentExit(assignmentId));
  }

  /** The assignment as held: ending on its exit date when ended early. */
  held<A extends AssignmentDoc>(a: A): Held<A> {
    const exit = this.exitOf(a._id);
    return exit ? { ...a, endDate: exit.date < a.endDate ? exit.date : a.endDate, exitDate: exit.date } : a;
  }

  /** Every assignment of the station as held. */
  allHeld(): Held<AssignmentDoc & { _rev: string }>[] {
    return this.records.assignments.values().map((a) => this.held(a));
  }

  /** The exit and the warnings of a holder row. */
  view(a: AssignmentDoc): { exit: AssignmentExitView | null; warnings: HolderWarning[] } {
    const exit = this.exitOf(a._id);
    const today = this.ctx.today();
    const person = this.ctx.residents.summary(a.residentId);
    const all = this.allHeld().filter((o) => o.residentId === a.residentId).map((o) => ({ id: o._id, startDate: o.startDate, endDate: o.endDate }));
    const policy = { maxSubsidyMonths: this.ctx.policies.posts(today).maxSubsidyMonths, retirement: this.ctx.policies.retirement(today), params: this.ctx.policies.worklist(today).values };
    const held = this.held(a);
    return {
      exit: exit ? { date: exit.date, reason: exit.reason, note: exit.note, nextStatus: exit.nextStatus, byName: exit.byName, at: exit.createdAt } : null,
      warnings: holderWarnings({ id: a._id, startDate: a.startDate, endDate: held.endDate, ...(held.exitDate ? { exitDate: held.exitDate } : {}) }, all, person, policy, today),
    };
  }

  async end(args: ParsedArgsOf<'posts.endAssignment'>, user: SessionUser): Promise<AssignmentDoc & { _rev: string }> {
    const a = this.records.assignments.get(args.assignmentId) ?? notFound('assignmentId');
    if (args.rev !== undefined && args.rev !== a._rev) fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
    const post = this.records.posts.get(a.postId) ?? notFound('assignmentId');
    const today = this.ctx.today();
    const earlier = this.exitOf(a._id);
    if (earlier) fail(fieldError('date', 'errors.exit.alreadyEnded', { date: earlier.date }));
    if (args.date < a.startDate) fail(fieldError('date', 'errors.exit.beforeStart', { from: a.startDate }));
    if (args.date > a.endDate) fail(fieldError('date', 'errors.exit.afterEnd', { to: a.endDate }));
    if (args.date > today) fail(fieldError('date', 'errors.exit.inFuture', { today }));
    await this.assertMonthsOpen(a, args.date);
    if (args.reason === 'failedAssessment') {
      const needed = this.assessment.failedMonthsForExit(args.date);
      const failed = await this.assessment.failedMonths(a._id, addDays(args.date, 1));
      if (failed < needed) fail(fieldError('reason', 'errors.exit.failedMonths', { needed, failed, date: args.date }));
    }
    const resident = (await this.ctx.residentDoc(a.residentId)) ?? notFound('assignmentId');
    const next = nextStatusOf(args.reason, args.next);
    const doc: AssignmentExitDoc = {
      _id: docId.assignmentExit(a._id),
      type: 'assignmentExit',
      ...this.ctx.stamp(user, post.placeCode),
      assignmentId: a._id,
      postId: a.postId,
      residentId: a.residentId,
      date: args.date,
      reason: args.reason,
      note: args.note,
      nextStatus: next?.status ?? null,
      byName: user.displayName || user.loginName,
    };
    const stamp = (u: SessionUser, place: string) => this.ctx.stamp(u, place);
    const source = { kind: 'assignment' as const, id: a._id };
    const entries: EmploymentDoc[] = [];
    // The 公益性岗位 entry the assignment wrote ends on the exit date: a correcting entry (entries are never rewritten).
    const own = await this.assignmentEntry(a._id);
    if (own) {
      const data: EmploymentEntryData = { status: own.status, area: own.area, destination: own.destination, employer: own.employer, effectiveDate: own.effectiveDate, endDate: args.date, note: own.note };
      const reason = `${exitsZhCN.exits.action}：${exitsZhCN.exits.reasons[args.reason]}${args.note ? `（${args.note}）` : ''}`;
      entries.push(buildEntry(resident, data, user, stamp, today, { source, corrects: own._id, correctionReason: reason.slice(0, 200), allowFuture: true }));
    }
    if (next) {
      const data: EmploymentEntryData = { ...next, effectiveDate: addDays(args.date, 1), endDate: null, note: args.note };
      entries.push(buildEntry(resident, data, user, stamp, today, { source, allowFuture: true, fieldPrefix: 'next.' }));
    }
    const saved = await this.employment.storeWith(doc, entries);
    this.exits.put(saved);
    return a;
  }

  /** The standing 公益性岗位 entry an assignment wrote, if any (assignments before the ledger wrote none). */
  private async assignmentEntry(assignmentId: string): Promise<EmploymentDoc | null> {
    const all = await this.employment.allEntries();
    const corrected = new Set(all.flatMap((e) => (e.corrects ? [e.corrects] : [])));
    return all.find((e) => e.source?.kind === 'assignment' && e.source.id === assignmentId && e.status === 'publicWelfare' && !corrected.has(e._id)) ?? null;
  }

  /**
   * The months whose days the exit takes away (the day after the exit to the agreed end) must be
   * open: not closed here (reopen first), not accepted by the county (its close or a day of the holder).
   */
  private async assertMonthsOpen(a: AssignmentDoc, date: string): Promise<void> {
    const first = addDays(date, 1);
    if (first > a.endDate) return;
    for (let month = first.slice(0, 7); month <= a.endDate.slice(0, 7); month = addDays(`${month}-28`, 7).slice(0, 7)) {
      const closeId = docId.monthClose(a.postId, month);
      if (this.records.closes.get(closeId)?.status === 'closed') fail({ code: 'LOCKED', field: 'date', messageKey: 'errors.exit.monthClosed', params: { month } });
      const dayPrefix = docId.attendance(a.postId, a.residentId, `${month}-01`).slice(0, -2);
      const days = await this.ctx.db.allDocs(prefixRange(dayPrefix));
      for (const id of [closeId, ...days.rows.map((r) => r.id)]) {
        const at = this.ctx.lockedAt(id);
        if (at !== null) fail({ code: 'LOCKED', field: 'date', messageKey: 'errors.exit.countyLocked', params: { month, at: at.slice(0, 10) } });
      }
    }
  }
}
