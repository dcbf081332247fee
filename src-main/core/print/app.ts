// Printed forms: fills each print route of the renderer from the station's data. Every fill is
// audit-logged (on disk before the data leaves the core): the form is what a clerk holds in
// their hand, with names, and on two forms the full ID number.
import { ageOn } from '../../../shared/id/idNumber';
import { maskIdNumber } from '../../../shared/id/mask';
import { placePath } from '../../../shared/places';
import { fieldError } from '../validation';
import type { AttendanceMark } from '../../../shared/posts/schema';
import type {
  AttendanceSheetForm,
  HardshipApplicationForm,
  HardshipNoticeForm,
  PrintForm,
  PrintStation,
  RegistrationForm,
} from '../../../shared/print/contract';
import type { SessionUser, SessionView } from '../../../shared/rpc/handlers';
import { fail, notFound } from '../context';
import type { ResidentDoc } from '../store/docs';
import type { Session } from '../session';
import { createApp } from '../app';
import type { ModuleDeps } from '../modules';
import { postsCaches } from '../posts/app';
import { sessionCaches } from '../training/app';

/** The residents search pages through at most this many rows per call. */
const SEARCH_PAGE = 500;

export function printApp(deps: ModuleDeps) {
  const station = (user: SessionUser): PrintStation => {
    const { ctx } = deps;
    const config = ctx.station();
    return { name: config.name, placeCode: config.placeCode, placePath: placePath(config.placeCode).map((p) => p.name), clerk: user.displayName, printedOn: ctx.today() };
  };

  /** Logged before the form is handed out; `detail` says what was printed (e.g. full ID numbers). */
  const logged = async <T>(session: Session, form: PrintForm, targetId: string, detail: string, fill: T): Promise<T> => {
    await deps.ctx.audit(session.user!, 'print', targetId, form, detail);
    return fill;
  };

  const resident = async (id: string): Promise<ResidentDoc> => (await deps.ctx.residentDoc(id)) ?? notFound('id');

  const residentPart = (doc: ResidentDoc): RegistrationForm['resident'] => ({
    id: doc._id,
    name: doc.name,
    sex: doc.sex,
    birthDate: doc.birthDate,
    age: ageOn(doc.birthDate, deps.ctx.today()),
    idNumber: doc.idNumber,
    phone: doc.phone,
    householdType: doc.householdType,
    address: doc.address,
    education: doc.education,
    skills: doc.skills,
    employmentCertificateNo: doc.employmentCertificateNo,
    targetGroups: doc.targetGroups,
    careCategories: doc.careCategories,
    placePath: placePath(doc.placeCode).map((p) => p.name),
  });

  return createApp(
    'print',
    {
      'print.registration': async (args, session) => {
        const doc = await resident(args.id);
        const form: RegistrationForm = {
          station: station(session.user!),
          resident: residentPart(doc),
          registration: doc.registration,
          title: doc.registration.kind === 'jobSeeking' ? 'jobSeeking' : 'unemployment',
        };
        return logged(session, 'registration', doc._id, 'idNumber:full', form);
      },

      'print.hardshipApplication': async (args, session) => {
        const doc = await resident(args.id);
        const registration = doc.registration;
        if (registration.kind !== 'hardship') fail(fieldError('id', 'errors.print.notHardship'));
        const form: HardshipApplicationForm = {
          station: station(session.user!),
          resident: residentPart(doc),
          registration,
          familyMembers: registration.familyMembers,
        };
        return logged(session, 'hardshipApplication', doc._id, 'idNumber:full', form);
      },

      'print.hardshipNotice': async (args, session) => {
        const { ctx } = deps;
        const today = ctx.today();
        const applicants: HardshipNoticeForm['applicants'] = [];
        for (let offset = 0; ; offset += SEARCH_PAGE) {
          const page = ctx.residents.search(
            { query: '', kind: 'hardship', status: 'active', sort: 'registeredOn', order: 'asc', offset, limit: SEARCH_PAGE },
            today,
          );
          for (const row of page.items) {
            if (row.registeredOn < args.from || row.registeredOn > args.to) continue;
            const doc = await ctx.residentDoc(row.id);
            if (doc?.registration.kind !== 'hardship') continue;
            applicants.push({ name: doc.name, sex: doc.sex, age: ageOn(doc.birthDate, today), categories: doc.registration.hardshipCategories, appliedOn: doc.registration.date });
          }
          if (offset + SEARCH_PAGE >= page.total) break;
        }
        applicants.sort((a, b) => a.appliedOn.localeCompare(b.appliedOn) || a.name.localeCompare(b.name, 'zh-CN'));
        const form: HardshipNoticeForm = { station: station(session.user!), ...args, applicants };
        // The notice period ends the target: the work list lists the notice once it has ended (src-main/core/worklist).
        return logged(session, 'hardshipNotice', `hardshipNotice:${args.from}:${args.to}:${args.noticeFrom}:${args.noticeTo}`, `applicants:${applicants.length}`, form);
      },

      'print.attendance': async (args, session) => {
        const { posts } = deps;
        const grid = await posts.month(args.postId, args.month);
        const summary = await posts.summary(args.postId, args.month);
        const totalsOf = new Map(summary.holders.map((h) => [h.residentId, h]));
        const holders: AttendanceSheetForm['holders'] = grid.holders.map((h) => {
          const t = totalsOf.get(h.residentId);
          const cells = grid.cells[h.residentId] ?? {};
          const marks = grid.days.map((d): AttendanceMark | 'outside' | null =>
            d.date < h.from || d.date > h.to ? 'outside' : (cells[d.date]?.mark ?? null),
          );
          const summaryOf = deps.ctx.residents.summary(h.residentId);
          return {
            residentId: h.residentId,
            name: h.name,
            idNumberMasked: summaryOf ? maskIdNumber(summaryOf.idNumber) : '',
            marks,
            presentDays: t?.presentDays ?? 0,
            leaveDays: (t?.personalLeaveDays ?? 0) + (t?.sickLeaveDays ?? 0),
            absentDays: t?.absentDays ?? 0,
            hours: t?.hours ?? 0,
            payDue: t?.payDue ?? 0,
            belowMinimum: t?.belowMinimum ?? false,
          };
        });
        const form: AttendanceSheetForm = {
          station: station(session.user!),
          post: {
            id: grid.post.id,
            code: grid.post.code,
            name: grid.post.name,
            kind: grid.post.kind,
            category: grid.post.category,
            placeName: grid.post.placeName,
            employer: grid.post.employer.name,
            plannedHoursPerMonth: grid.post.plannedHoursPerMonth,
            payPerMonth: grid.post.payPerMonth,
          },
          month: args.month,
          days: grid.days.map((d) => ({ day: d.day, weekday: d.weekday, weekend: d.weekend })),
          holders,
          totals: {
            presentDays: holders.reduce((s, h) => s + h.presentDays, 0),
            hours: holders.reduce((s, h) => s + h.hours, 0),
            // Summed in fen so that 50 holders' yuan amounts add up exactly.
            payDue: holders.reduce((s, h) => s + Math.round(h.payDue * 100), 0) / 100,
          },
          minimumWageHourly: summary.minimumWage?.hourly ?? null,
          closed: grid.locked,
        };
        return logged(session, 'attendance', `${args.postId}:${args.month}`, 'idNumber:masked', form);
      },

      'print.signInSheet': async (args, session) => {
        const { training } = deps;
        const got = training.get(args.sessionId) ?? notFound('sessionId');
        const s = got.session;
        const slot = s.timetable.find((x) => x.date === args.date && x.half === args.half);
        if (!slot) fail(fieldError('half', 'errors.training.noSuchSlot', { date: args.date, half: args.half }));
        const records = new Map((await training.signIns(args.sessionId, args.date, args.half)).map((r) => [r.residentId, r]));
        const { ctx } = deps;
        const rows = got.trainees.map((t) => {
          const r = records.get(t.residentId);
          return {
            name: t.name,
            sex: t.sex,
            idNumberMasked: t.idNumberMasked,
            timeIn: r?.in ? ctx.localTime(r.in.at) : null,
            timeOut: r?.out ? ctx.localTime(r.out.at) : null,
          };
        });
        return logged(
          session,
          'signInSheet',
          `${args.sessionId}:${args.date}:${args.half}`,
          'idNumber:masked',
          {
            station: station(session.user!),
            session: sessionPart(s),
            slot,
            rows,
            signedIn: rows.filter((r) => r.timeIn !== null).length,
          },
        );
      },

      'print.trainingSummary': async (args, session) => {
        const { training } = deps;
        const got = training.get(args.sessionId) ?? notFound('sessionId');
        const attendance = await training.attendance(args.sessionId);
        const sexOf = new Map(got.trainees.map((t) => [t.residentId, t.sex]));
        return logged(session, 'trainingSummary', args.sessionId, 'idNumber:masked', {
          station: station(session.user!),
          session: { ...sessionPart(got.session), slots: got.session.timetable.length },
          threshold: attendance.threshold,
          rows: attendance.trainees.map((t) => ({
            name: t.name,
            sex: sexOf.get(t.residentId) ?? 'male',
            idNumberMasked: t.idNumberMasked,
            slotsAttended: t.slotsAttended,
            attendedHours: t.attendedHours,
            rate: t.rate,
            eligible: t.eligible,
            lateCount: t.lateCount,
            earlyLeaveCount: t.earlyLeaveCount,
          })),
          sessionRate: attendance.sessionRate,
          eligibleCount: attendance.eligibleCount,
        });
      },
    },
    { caches: [...postsCaches(deps.posts), ...sessionCaches(deps.training)] },
  );
}

function sessionPart(s: SessionView) {
  return {
    id: s.id,
    occupation: s.course.occupation,
    level: s.course.level,
    provider: s.provider.name,
    teachers: s.teachers,
    place: s.place,
    startDate: s.startDate,
    endDate: s.endDate,
    totalClassHours: s.totalClassHours,
  };
}
