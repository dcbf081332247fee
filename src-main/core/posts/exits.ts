// Ending a post assignment early (提前结束, shared/posts/exits.ts): the exit is a dated fact of its
// own (`assignmentExit`, its id the assignment's), never a new revision of the assignment: the
// assignment stays as agreed (and may carry the county's lock), facts are appended, and one exit
// per assignment is all its id allows. From the day after the exit date the person no longer
// holds the post: `held` shortens the assignment wherever the posts service reads holders
// (attendance, the grid, the month's sums, eligibility's months). The exit and the status entries
// it makes (the 公益性岗位 entry's end as a correcting entry, the next status) are one write.
import { docId } from '../../../shared/documents/registry';
import type { AssignmentExitDoc, ExitWithdrawalDoc } from '../../../shared/documents';
import { holderWarnings, nextStatusOf, type AssignmentExitView, type HolderWarning, type WithdrawnExitView } from '../../../shared/posts/exits';
import { exitsZhCN } from '../../../shared/posts/exitsTexts';
import type { ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import { addDays, fail, notFound, type CoreContext } from '../context';
import { failedMonths } from '../assessment/failed';
import { exitEntries, standingOf, withdrawalEntries } from './exitEntries';
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
type Stored<T> = T & { _rev: string };

export class PostExits {
  readonly exits = new DocCache<AssignmentExitDoc>(ID_PREFIX.assignmentExit);
  readonly withdrawals = new DocCache<ExitWithdrawalDoc>(ID_PREFIX.exitWithdrawal);

  constructor(
    private readonly ctx: CoreContext,
    private readonly employment: EmploymentService,
    private readonly records: PostsRecords,
    private readonly assessment: AssessmentReader = assessmentReader(ctx),
  ) {}

  /** Every exit of an assignment, in the order recorded (the first's id is the assignment's, later ones numbered). */
  exitsOf(assignmentId: string): Stored<AssignmentExitDoc>[] {
    const first = docId.assignmentExit(assignmentId);
    const number = (id: string) => (id === first ? 1 : Number(id.slice(first.length + 1)));
    return this.exits
      .withPrefix(first)
      .filter((e) => e.assignmentId === assignmentId)
      .sort((x, y) => number(x._id) - number(y._id));
  }

  withdrawalOf(exitId: string): Stored<ExitWithdrawalDoc> | null {
    return this.withdrawals.get(docId.exitWithdrawal(exitId));
  }

  /** The assignment's standing exit: the latest one not withdrawn. */
  exitOf(assignmentId: string): Stored<AssignmentExitDoc> | null {
    return this.exitsOf(assignmentId).filter((e) => !this.withdrawalOf(e._id)).pop() ?? null;
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
  view(a: AssignmentDoc): { exit: AssignmentExitView | null; withdrawnExits: WithdrawnExitView[]; warnings: HolderWarning[] } {
    const exit = this.exitOf(a._id);
    const today = this.ctx.today();
    const person = this.ctx.residents.summary(a.residentId);
    const all = this.allHeld().filter((o) => o.residentId === a.residentId).map((o) => ({ id: o._id, startDate: o.startDate, endDate: o.endDate }));
    const policy = { maxSubsidyMonths: this.ctx.policies.posts(today).maxSubsidyMonths, retirement: this.ctx.policies.retirement(today), params: this.ctx.policies.worklist(today).values };
    const held = this.held(a);
    return {
      exit: exit ? exitView(exit) : null,
      withdrawnExits: this.exitsOf(a._id).flatMap((e) => {
        const w = this.withdrawalOf(e._id);
        return w ? [{ ...exitView(e), withdrawal: { reason: w.reason, byName: w.byName, at: w.createdAt } }] : [];
      }),
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
      // After a withdrawn exit, the next one is numbered (the first keeps the assignment's id).
      _id: docId.assignmentExit(a._id, this.exitsOf(a._id).length + 1),
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
    // The 公益性岗位 entry ends on the exit date, the next status starts the day after: correcting entries (./exitEntries.ts).
    const why = `${exitsZhCN.exits.action}：${exitsZhCN.exits.reasons[args.reason]}${args.note ? `（${args.note}）` : ''}`;
    const standing = standingOf(await this.employment.entriesOf(resident), a._id);
    const entries = exitEntries({ ctx: this.ctx, user, resident, assignment: a }, standing, args.date, next, args.note, why);
    const saved = await this.employment.storeWith(doc, entries);
    this.exits.put(saved);
    return a;
  }

  /**
   * Withdraws the assignment's standing exit (撤销离岗): refused while the county's acceptance
   * locks the exit, and while a month the withdrawal gives days back to is closed or accepted.
   * The withdrawal and the entries correcting the exit's are one write; the withdrawal is audited.
   */
  async withdraw(args: ParsedArgsOf<'posts.withdrawExit'>, user: SessionUser): Promise<AssignmentDoc & { _rev: string }> {
    const a = this.records.assignments.get(args.assignmentId) ?? notFound('assignmentId');
    const post = this.records.posts.get(a.postId) ?? notFound('assignmentId');
    const exit = this.exitOf(a._id) ?? fail(fieldError('assignmentId', 'errors.exit.notEnded'));
    const accepted = this.ctx.lockedAt(exit._id);
    if (accepted !== null) fail({ code: 'LOCKED', field: 'exitDate', messageKey: 'errors.exit.exitCountyLocked', params: { at: accepted.slice(0, 10) } });
    await this.assertMonthsOpen(a, exit.date, { field: 'exitDate', closed: 'errors.exit.withdrawMonthClosed', county: 'errors.exit.withdrawCountyLocked' });
    const resident = (await this.ctx.residentDoc(a.residentId)) ?? notFound('assignmentId');
    const doc: ExitWithdrawalDoc = {
      _id: docId.exitWithdrawal(exit._id),
      type: 'exitWithdrawal',
      ...this.ctx.stamp(user, post.placeCode),
      exitId: exit._id,
      assignmentId: a._id,
      postId: a.postId,
      residentId: a.residentId,
      exitDate: exit.date,
      reason: args.reason,
      byName: user.displayName || user.loginName,
    };
    const why = `${exitsZhCN.exits.withdraw}${exitsZhCN.exits.action}：${args.reason}`;
    const standing = standingOf(await this.employment.entriesOf(resident), a._id);
    const entries = withdrawalEntries({ ctx: this.ctx, user, resident, assignment: a }, standing, exit.date, why);
    const saved = await this.employment.storeWith(doc, entries);
    this.withdrawals.put(saved);
    await this.ctx.audit(user, 'withdrawExit', saved._id, 'exitDate', args.reason);
    return a;
  }

  /**
   * The months whose days the exit takes away (the day after the exit to the agreed end) must be
   * open: not closed here (reopen first), not accepted by the county (its close or a day of the holder).
   */
  private async assertMonthsOpen(a: AssignmentDoc, date: string, keys = { field: 'date', closed: 'errors.exit.monthClosed', county: 'errors.exit.countyLocked' }): Promise<void> {
    const first = addDays(date, 1);
    if (first > a.endDate) return;
    for (let month = first.slice(0, 7); month <= a.endDate.slice(0, 7); month = addDays(`${month}-28`, 7).slice(0, 7)) {
      const closeId = docId.monthClose(a.postId, month);
      if (this.records.closes.get(closeId)?.status === 'closed') fail({ code: 'LOCKED', field: keys.field, messageKey: keys.closed, params: { month } });
      const dayPrefix = docId.attendance(a.postId, a.residentId, `${month}-01`).slice(0, -2);
      const days = await this.ctx.db.allDocs(prefixRange(dayPrefix));
      for (const id of [closeId, ...days.rows.map((r) => r.id)]) {
        const at = this.ctx.lockedAt(id);
        if (at !== null) fail({ code: 'LOCKED', field: keys.field, messageKey: keys.county, params: { month, at: at.slice(0, 10) } });
      }
    }
  }
}

function exitView(exit: AssignmentExitDoc): AssignmentExitView {
  return { date: exit.date, reason: exit.reason, note: exit.note, nextStatus: exit.nextStatus, byName: exit.byName, at: exit.createdAt };
}
