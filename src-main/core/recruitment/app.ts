// Recruitment (招聘): the handlers, the two printed notices, and the 公示 gate it adds to posts.assign.
import { ageOn } from '../../../shared/id/idNumber';
import { placeName, placePath } from '../../../shared/places';
import type { PrintStation } from '../../../shared/print/contract';
import type { RecruitPublicityForm } from '../../../shared/recruitment/contract';
import { periodDays } from '../../../shared/recruitment/rules';
import type { SessionUser } from '../../../shared/rpc/handlers';
import { createApp } from '../app';
import { notFound } from '../context';
import type { ModuleDeps } from '../modules';
import { postsCaches } from '../posts/app';
import { RecruitmentService } from './recruitment';

export function recruitmentApp(deps: ModuleDeps) {
  const { ctx, posts } = deps;
  const recruitment = new RecruitmentService(ctx, posts);
  posts.gates.push((post, residentId, today) => recruitment.gate(post, residentId, today));

  const station = (user: SessionUser): PrintStation => {
    const config = ctx.station();
    return { name: config.name, placeCode: config.placeCode, placePath: placePath(config.placeCode).map((p) => p.name), clerk: user.displayName, printedOn: ctx.today() };
  };

  return createApp(
    'recruitment',
    {
      'recruitment.list': async (args) => recruitment.list(args.postId),
      'recruitment.get': async (args) => recruitment.detail(args.openingId),
      'recruitment.save': async (args, session) => recruitment.save(args, session.user!),
      'recruitment.apply': async (args, session) => recruitment.apply(args, session.user!),
      'recruitment.withdraw': async (args, session) => recruitment.withdraw(args, session.user!),
      'recruitment.publish': async (args, session) => recruitment.publish(args, session.user!),
      'recruitment.object': async (args, session) => recruitment.object(args, session.user!),
      'recruitment.decide': async (args, session) => recruitment.decide(args, session.user!),

      'print.recruitNotice': async (args, session) => {
        const detail = await recruitment.detail(args.openingId);
        const p = detail.post;
        const form = {
          station: station(session.user!),
          post: { name: p.name, kind: p.kind, category: p.category, employer: p.employer.name, plannedHoursPerMonth: p.plannedHoursPerMonth, payPerMonth: p.payPerMonth, startDate: p.startDate, endDate: p.endDate, placeName: p.placeName },
          opening: { places: detail.places, conditions: detail.conditions, windowFrom: detail.windowFrom, windowTo: detail.windowTo, contact: detail.contact },
          policy: detail.policy,
        };
        await ctx.audit(session.user!, 'print', detail.id, 'recruitNotice', 'names:none');
        return form;
      },

      'print.recruitPublicity': async (args, session) => {
        const entry = recruitment.entries.get(args.publicityId);
        if (entry?.entry !== 'publicity') return notFound('publicityId');
        const detail = await recruitment.detail(entry.openingId);
        const rows: RecruitPublicityForm['rows'] = [];
        for (const id of entry.candidates) {
          const r = await ctx.residentDoc(id);
          if (r) rows.push({ name: r.name, sex: r.sex, age: ageOn(r.birthDate, entry.noticeFrom), villageName: placeName(r.placeCode) ?? r.placeCode, postName: detail.postName });
        }
        const form: RecruitPublicityForm = {
          station: station(session.user!),
          postName: detail.postName,
          noticeFrom: entry.noticeFrom,
          noticeTo: entry.noticeTo,
          noticeDays: periodDays({ from: entry.noticeFrom, to: entry.noticeTo }),
          objectionsTo: entry.objectionsTo,
          rows,
        };
        // No ID number and no address is printed: the 公示 is posted in public.
        await ctx.audit(session.user!, 'print', entry._id, 'recruitPublicity', `applicants:${rows.length}`);
        return form;
      },
    },
    { caches: [...postsCaches(posts), recruitment.openings, recruitment.entries] },
  );
}
