// The month close: a post's month totalled with the hourly minimum-wage check, closed (with a
// written reason when a holder is under the minimum) and reopened with a reason, audited.
import type { MonthCloseView, MonthSummary, MonthTotals, ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import { docId } from '../../../shared/documents/registry';
import { belowMinimumIssue, belowMinimumWage } from '../../../shared/posts/rules';
import { addDays, fail } from '../context';
import type { MonthCloseDoc } from '../store/docs';
import { fieldError } from '../validation';
import { PostAttendance } from './attendance';
import { yuan } from './records';
import { closeView } from './monthCloseView';

export class PostMonths extends PostAttendance {
  /** Totals, pay due and the hourly minimum-wage check of one post and month. */
  async summary(postId: string, month: string): Promise<MonthSummary> {
    const post = this.post(postId);
    const today = this.ctx.today();
    // The minimum wage in force on the month's first day decides the month.
    const minimumWage = this.ctx.policies.minimumWage(post.placeCode.slice(0, 6), `${month}-01`);
    const docs = await this.monthDocs(postId, month);
    const holders: MonthTotals[] = this.holdersInMonth(postId, month).map((h) => {
      const marks = docs.filter((d) => d.residentId === h.assignment.residentId && d.date >= h.from && d.date <= h.to);
      const count = (mark: string) => marks.filter((d) => d.mark === mark).length;
      let expected = 0;
      for (let day = h.from; day <= h.to && day <= today; day = addDays(day, 1)) expected += 1;
      const hours = marks.reduce((sum, d) => sum + d.hours, 0);
      const payDueFen = hours > 0 ? Math.round(post.payPerMonthFen * Math.min(1, hours / post.plannedHoursPerMonth)) : 0;
      const hourlyFen = hours > 0 ? payDueFen / hours : null;
      return {
        residentId: h.assignment.residentId,
        name: h.name,
        presentDays: count('present'),
        personalLeaveDays: count('personalLeave'),
        sickLeaveDays: count('sickLeave'),
        absentDays: count('absent'),
        restDays: count('rest'),
        unmarkedDays: Math.max(0, expected - marks.length),
        hours,
        payDue: yuan(payDueFen),
        hourlyPay: hourlyFen === null ? null : Math.round(hourlyFen) / 100,
        belowMinimum: belowMinimumWage({ payDue: yuan(payDueFen), hours }, minimumWage?.hourly ?? null),
      };
    });
    return { postId, month, minimumWage, holders };
  }

  async closeMonth(args: ParsedArgsOf<'attendance.closeMonth'>, user: SessionUser): Promise<MonthCloseView> {
    const { postId, month } = args;
    const post = this.post(postId);
    const existing = this.closeOf(postId, month);
    if (existing?.status === 'closed') fail({ code: 'LOCKED', field: 'month', messageKey: 'errors.attendance.alreadyClosed', params: { month } });
    const summary = await this.summary(postId, month);
    // Holders under the minimum wage: the close needs a written reason, stored with it.
    const issue = belowMinimumIssue(summary.holders, summary.minimumWage?.hourly ?? null, args.belowMinimumReason);
    if (issue) fail(fieldError(issue.field, issue.messageKey, issue.params));
    const belowMinimumReason = summary.holders.some((h) => h.belowMinimum) ? args.belowMinimumReason : undefined;
    const at = this.ctx.now();
    const entry = { action: 'close' as const, by: user.loginName, at, reason: belowMinimumReason ?? '' };
    const doc: MonthCloseDoc = existing
      ? { ...existing, status: 'closed', summary, history: [...existing.history, entry], updatedBy: user.loginName, updatedAt: at }
      : { _id: docId.monthClose(postId, month), type: 'monthClose', ...this.ctx.stamp(user, post.placeCode), postId, month, status: 'closed', summary, history: [entry] };
    // The reason belongs to this close: an earlier close's reason does not carry over.
    if (belowMinimumReason) doc.belowMinimumReason = belowMinimumReason;
    else delete doc.belowMinimumReason;
    const saved = await this.ctx.write(doc);
    this.closes.put(saved);
    return closeView(saved);
  }

  async reopenMonth(args: ParsedArgsOf<'attendance.reopenMonth'>, user: SessionUser): Promise<MonthCloseView> {
    this.post(args.postId);
    const existing = this.closeOf(args.postId, args.month);
    if (existing?.status !== 'closed') fail(fieldError('month', 'errors.attendance.notClosed', { month: args.month }));
    const at = this.ctx.now();
    const saved = await this.ctx.write({
      ...existing,
      status: 'reopened' as const,
      history: [...existing.history, { action: 'reopen' as const, by: user.loginName, at, reason: args.reason }],
      updatedBy: user.loginName,
      updatedAt: at,
    });
    this.closes.put(saved);
    await this.ctx.audit(user, 'reopenMonth', saved._id, 'month', args.reason);
    return closeView(saved);
  }
}
