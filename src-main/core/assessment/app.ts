// The monthly 考核 and pay: the handlers (the 扣款告知书's fill among them).
import { maskIdNumber } from '../../../shared/id/mask';
import { placeName, placePath } from '../../../shared/places';
import { assessmentResult } from '../../../shared/assessment/doc';
import { holderPay } from '../../../shared/assessment/pay';
import type { DeductionNoticeForm } from '../../../shared/assessment/contract';
import { createApp } from '../app';
import type { ModuleDeps } from '../modules';
import { postsCaches } from '../posts/app';
import { docId } from '../../../shared/documents/registry';
import { failedMonths } from './failed';
import { AssessmentService, entryView } from './service';

export function assessmentApp(deps: ModuleDeps & { assessment: AssessmentService }) {
  const { ctx, assessment } = deps;
  return createApp(
    'assessment',
    {
      'assessment.month': async (args) => assessment.month(args.postId, args.month),
      'assessment.save': async (args, session) => assessment.save(args, session.user!),
      'assessment.failedMonths': async (args) => failedMonths(ctx.db, ctx.policies, args.assignmentId, ctx.today()),
      'print.deductionNotice': async (args, session) => {
        const user = session.user!;
        const entry = await assessment.forNotice(args.assessmentId, user);
        const post = deps.posts.posts.get(entry.postId);
        const close = deps.posts.closes.get(docId.monthClose(entry.postId, entry.month));
        const holder = close?.summary.holders.find((h) => h.residentId === entry.residentId);
        const person = ctx.residents.summary(entry.residentId);
        const policy = ctx.policies.assessment(`${entry.month}-01`);
        const config = ctx.station();
        const view = entryView(entry);
        const form: DeductionNoticeForm = {
          station: { name: config.name, placeCode: config.placeCode, placePath: placePath(config.placeCode).map((p) => p.name), clerk: user.displayName, printedOn: ctx.today() },
          holder: { name: person?.name ?? holder?.name ?? '', idNumberMasked: person ? maskIdNumber(person.idNumber) : '' },
          post: { name: post?.name ?? '', code: post?.code ?? '', placeName: post ? (placeName(post.placeCode) ?? post.placeCode) : '' },
          month: entry.month,
          score: entry.score,
          passed: entry.passed,
          deductions: view.deductions,
          pay: holderPay({
            hours: holder?.hours ?? 0,
            basePay: holder?.payDue ?? 0,
            hourlyMinimum: close?.summary.minimumWage?.hourly ?? null,
            assessment: assessmentResult(entry),
            rules: policy.values,
          }),
          assessedBy: view.assessedBy,
          assessedAt: entry.assessedAt,
        };
        await ctx.audit(user, 'print', entry._id, 'deductionNotice', 'idNumber:masked');
        return form;
      },
    },
    { caches: [...postsCaches(deps.posts), assessment.entries, assessment.notices] },
  );
}
