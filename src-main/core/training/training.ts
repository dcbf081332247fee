// Subsidised training: sessions with a half-day timetable, enrolment under the yearly limits,
// sign-ins that record who, how, where and when (one document per person and half-day), and
// attendance rates against the eligibility threshold in force.
import { maskIdNumber } from '../../../shared/id/mask';
import { stationLevel } from '../../../shared/places';
import type { FieldIssue } from '../../../shared/rpc/errors';
import type {
  CourseView,
  ParsedArgsOf,
  SessionAttendanceView,
  SessionUser,
  SessionView,
  SignInRecordView,
  SignInResult,
  TraineeView,
} from '../../../shared/rpc/handlers';
import type { HalfDay, TimetableSlot } from '../../../shared/training/schema';
import { fail, notFound, type CoreContext } from '../context';
import { DocCache } from '../store/docCache';
import { docId } from '../../../shared/documents/registry';
import { ID_PREFIX, type CourseDoc, type EnrolmentDoc, type SignInDoc, type TrainingDoc } from '../store/docs';
import { randomId } from '../residents/identity';
import { getOrNull, prefixRange } from '../store/db';
import { fieldError } from '../validation';
import { signInDayIssue } from '../../../shared/training/rules';

/** Where a session's children's ids start: `training:<place>:<key>` → `<place>:<key>` (a legacy session's: its key). */
const keyOf = (sessionId: string) => sessionId.slice(ID_PREFIX.training.length);

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export class TrainingService {
  readonly sessions = new DocCache<TrainingDoc>(ID_PREFIX.training);
  readonly enrolments = new DocCache<EnrolmentDoc>(ID_PREFIX.enrolment);
  /** The county's catalogue: the county station's own documents and, elsewhere, county_ref's. */
  readonly courses = new DocCache<CourseDoc>(ID_PREFIX.course);

  constructor(private readonly ctx: CoreContext) {}

  private session(sessionId: string): TrainingDoc & { _rev: string } {
    return this.sessions.get(sessionId) ?? notFound('sessionId');
  }

  private enrolmentsOf(sessionId: string): (EnrolmentDoc & { _rev: string })[] {
    return this.enrolments.withPrefix(`${ID_PREFIX.enrolment}${keyOf(sessionId)}:`);
  }

  private view(doc: TrainingDoc & { _rev?: string }): SessionView {
    return {
      id: doc._id,
      rev: doc._rev ?? '',
      course: doc.course,
      provider: doc.provider,
      teachers: doc.teachers,
      place: doc.place,
      startDate: doc.startDate,
      endDate: doc.endDate,
      timetable: doc.timetable,
      plannedTrainees: doc.plannedTrainees,
      enrolled: this.enrolmentsOf(doc._id).length,
      totalClassHours: doc.timetable.reduce((sum, s) => sum + s.classHours, 0),
      updatedAt: doc.updatedAt,
    };
  }

  private person(residentId: string) {
    const r = this.ctx.residents.summary(residentId);
    return { name: r?.name ?? '', sex: r?.sex ?? ('male' as const), idNumberMasked: r ? maskIdNumber(r.idNumber) : '' };
  }

  list(): SessionView[] {
    return this.sessions
      .values()
      .sort((a, b) => b.startDate.localeCompare(a.startDate) || a._id.localeCompare(b._id))
      .map((s) => this.view(s));
  }

  get(sessionId: string): { session: SessionView; trainees: TraineeView[] } | null {
    const doc = this.sessions.get(sessionId);
    if (!doc) return null;
    const trainees = this.enrolmentsOf(sessionId)
      .map((e) => ({ residentId: e.residentId, ...this.person(e.residentId), enrolledAt: e.createdAt }))
      .sort((a, b) => a.enrolledAt.localeCompare(b.enrolledAt) || a.residentId.localeCompare(b.residentId));
    return { session: this.view(doc), trainees };
  }

  async save(args: ParsedArgsOf<'training.save'>, user: SessionUser): Promise<SessionView> {
    const station = this.ctx.station();
    const existing = args.id ? this.sessions.get(args.id) : null;
    if (args.id && !existing) notFound('id');
    if (existing && existing._rev !== args.rev) fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
    const stamp = this.ctx.stamp(user, station.placeCode);
    const timetable = [...args.timetable].sort((a, b) => a.date.localeCompare(b.date) || a.half.localeCompare(b.half));
    const doc: TrainingDoc = {
      ...(existing ? { ...existing, updatedBy: stamp.updatedBy, updatedAt: stamp.updatedAt } : stamp),
      _id: existing?._id ?? docId.training(station.placeCode, randomId(16)),
      type: 'training',
      course: args.course,
      provider: args.provider,
      teachers: args.teachers,
      place: args.place,
      startDate: args.startDate,
      endDate: args.endDate,
      timetable,
      plannedTrainees: args.plannedTrainees,
    };
    const saved = await this.ctx.write(doc);
    this.sessions.put(saved);
    return this.view(saved);
  }


  listCourses(): CourseView[] {
    return this.courses
      .values()
      .map((c) => ({ id: c._id, rev: c._rev, code: c.code, occupation: c.occupation, level: c.level, classHours: c.classHours, updatedBy: c.updatedBy, updatedAt: c.updatedAt }))
      .sort((a, b) => a.occupation.localeCompare(b.occupation, 'zh-CN') || a.code.localeCompare(b.code));
  }

  /** County staff keep the catalogue at the county station; its sync sends it to county_ref. */
  async saveCourse(args: ParsedArgsOf<'courses.save'>, user: SessionUser): Promise<CourseView> {
    const station = this.ctx.station();
    if (stationLevel(station.placeCode) !== 'county') fail({ code: 'FORBIDDEN', messageKey: 'errors.training.courseCountyOnly' });
    const id = `${ID_PREFIX.course}${args.code}`;
    const existing = this.courses.get(id);
    if (existing && !args.rev) fail({ code: 'VALIDATION', field: 'code', messageKey: 'errors.training.courseTaken', params: { code: args.code } });
    if (existing && existing._rev !== args.rev) fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
    const stamp = this.ctx.stamp(user, station.placeCode);
    const doc: CourseDoc = {
      ...(existing ? { ...existing, updatedBy: stamp.updatedBy, updatedAt: stamp.updatedAt } : stamp),
      _id: id,
      type: 'course',
      code: args.code,
      occupation: args.occupation,
      level: args.level,
      classHours: args.classHours,
    };
    const saved = await this.ctx.write(doc);
    this.courses.put(saved);
    return this.listCourses().find((c) => c.id === id)!;
  }

  async enrol(args: ParsedArgsOf<'training.enrol'>, user: SessionUser): Promise<TraineeView> {
    const session = this.session(args.sessionId);
    let residentId: string;
    let field: string;
    if ('residentId' in args) {
      residentId = args.residentId;
      field = 'residentId';
      if (!(await this.ctx.residentDoc(residentId))) notFound('residentId');
    } else if ('idNumber' in args) {
      residentId = this.ctx.residentIdFor(args.idNumber);
      field = 'idNumber';
      if (!(await this.ctx.residentDoc(residentId))) fail(fieldError('idNumber', 'errors.training.unknownPerson'));
    } else {
      // A person not yet known is registered through the same validation as the form; one
      // registered meanwhile (another window) is simply enrolled.
      residentId = this.ctx.residentIdFor(args.register.idNumber);
      field = 'register.idNumber';
      if (!(await this.ctx.residentDoc(residentId))) {
        try {
          residentId = (await this.ctx.registerResident(args.register, user)).id;
        } catch (error) {
          const rpc = (error as { rpc?: { issues?: FieldIssue[] } }).rpc;
          if (rpc?.issues) for (const issue of rpc.issues) issue.field = `register.${issue.field}`;
          if (rpc && 'field' in rpc && typeof rpc.field === 'string') (rpc as { field: string }).field = `register.${rpc.field}`;
          throw error;
        }
      }
    }
    const id = docId.enrolment(session._id, residentId);
    if (this.enrolments.get(id)) fail(fieldError(field, 'errors.training.alreadyEnrolled'));
    this.checkLimits(session, residentId, field);
    const saved = await this.ctx.write<EnrolmentDoc>({
      _id: id,
      type: 'enrolment',
      ...this.ctx.stamp(user, session.placeCode),
      sessionId: session._id,
      residentId,
    });
    this.enrolments.put(saved);
    return { residentId, ...this.person(residentId), enrolledAt: saved.createdAt };
  }

  /** Yearly limit of subsidised trainings, and never the same occupation and level twice. */
  private checkLimits(session: TrainingDoc, residentId: string, field: string): void {
    const policy = this.ctx.policies.training(session.startDate).values;
    const year = session.startDate.slice(0, 4);
    const others = this.enrolments
      .values()
      .filter((e) => e.residentId === residentId && e.sessionId !== session._id)
      .flatMap((e) => this.sessions.get(e.sessionId) ?? []);
    const issues: FieldIssue[] = [];
    const sameYear = others.filter((s) => s.startDate.slice(0, 4) === year).length;
    if (sameYear >= policy.yearlyLimit) issues.push({ field, messageKey: 'errors.training.yearlyLimit', params: { year, count: sameYear, limit: policy.yearlyLimit } });
    const twice = others.find((s) => s.course.occupation === session.course.occupation && s.course.level === session.course.level);
    if (twice) issues.push({ field, messageKey: 'errors.training.sameCourseTwice', params: { occupation: twice.course.occupation } });
    if (issues.length) fail({ code: 'NOT_ELIGIBLE', field, messageKey: issues[0]!.messageKey, ...(issues[0]!.params ? { params: issues[0]!.params } : {}), issues });
  }

  private slot(session: TrainingDoc, date: string, half: HalfDay): TimetableSlot {
    const slot = session.timetable.find((s) => s.date === date && s.half === half);
    if (!slot) fail(fieldError('half', 'errors.training.noSuchSlot', { date, half }));
    return slot;
  }

  private lateness(slot: TimetableSlot, doc: SignInDoc, graceMinutes: number): { late: number; early: number } {
    const late = doc.in ? Math.max(0, minutes(this.ctx.localTime(doc.in.at)) - minutes(slot.start) - graceMinutes) : 0;
    const early = doc.out ? Math.max(0, minutes(slot.end) - minutes(this.ctx.localTime(doc.out.at))) : 0;
    return { late, early };
  }

  async signIn(args: ParsedArgsOf<'training.signIn'>, user: SessionUser): Promise<SignInResult> {
    const session = this.session(args.sessionId);
    const slot = this.slot(session, args.date, args.half);
    // Sign-ins are taken on the day of the class: a later "sign-in" for a past class would be a forgery.
    const today = this.ctx.today();
    const otherDay = signInDayIssue(args.date, today);
    if (otherDay) fail(fieldError(otherDay.field, otherDay.messageKey));
    const field = args.idNumber ? 'idNumber' : 'residentId';
    const residentId = args.idNumber ? this.ctx.residentIdFor(args.idNumber) : args.residentId!;
    const person = this.ctx.residents.summary(residentId);
    if (!person) fail(fieldError(field, args.idNumber ? 'errors.training.unknownPerson' : 'errors.notFound'));
    const enrolled = this.enrolments.get(docId.enrolment(session._id, residentId));
    if (!enrolled) fail(fieldError(field, 'errors.training.notEnrolled', { name: person.name }));
    const id = docId.signIn(session._id, args.date, args.half, residentId);
    const grace = this.ctx.policies.training(session.startDate).values.lateGraceMinutes;
    const mark = { at: this.ctx.now(), method: args.method, by: user.loginName, machine: this.ctx.machine };
    const existing = await getOrNull<SignInDoc>(this.ctx.db, id);
    const result = (doc: SignInDoc, already: boolean): SignInResult => {
      const { late, early } = this.lateness(slot, doc, grace);
      const at = (args.direction === 'in' ? doc.in : doc.out)!.at;
      return {
        residentId,
        name: person.name,
        idNumberMasked: maskIdNumber(person.idNumber),
        direction: args.direction,
        at,
        lateMinutes: late,
        earlyLeaveMinutes: early,
        already,
      };
    };
    if (args.direction === 'in') {
      // Idempotent: the first sign-in of the half-day stands; a second changes nothing.
      if (existing?.in) return result(existing, true);
      const doc: SignInDoc = existing
        ? { ...existing, in: mark, updatedBy: user.loginName, updatedAt: mark.at }
        : { _id: id, type: 'signIn', ...this.ctx.stamp(user, session.placeCode), sessionId: session._id, residentId, date: args.date, half: args.half, in: mark, out: null };
      try {
        return result(await this.ctx.write(doc), false);
      } catch (error) {
        // Two machines signing the same person at once: the other one won, which is the same.
        const winner = await getOrNull<SignInDoc>(this.ctx.db, id);
        if (winner?.in) return result(winner, true);
        throw error;
      }
    }
    if (!existing?.in) fail(fieldError(field, 'errors.training.signOutWithoutIn'));
    if (existing.out) return result(existing, true);
    return result(await this.ctx.write({ ...existing, out: mark, updatedBy: user.loginName, updatedAt: mark.at }), false);
  }

  private async sessionSignIns(sessionId: string, slotPrefix = ''): Promise<SignInDoc[]> {
    const result = await this.ctx.db.allDocs<SignInDoc>({
      include_docs: true,
      ...prefixRange(`${ID_PREFIX.signIn}${keyOf(sessionId)}:${slotPrefix}`),
    });
    return result.rows.flatMap((r) => (r.doc ? [r.doc] : []));
  }

  async signIns(sessionId: string, date: string, half: HalfDay): Promise<SignInRecordView[]> {
    const session = this.session(sessionId);
    const slot = this.slot(session, date, half);
    const grace = this.ctx.policies.training(session.startDate).values.lateGraceMinutes;
    return (await this.sessionSignIns(sessionId, `${date}:${half}:`))
      .map((doc) => {
        const { late, early } = this.lateness(slot, doc, grace);
        const p = this.person(doc.residentId);
        return { residentId: doc.residentId, name: p.name, idNumberMasked: p.idNumberMasked, in: doc.in, out: doc.out, lateMinutes: late, earlyLeaveMinutes: early };
      })
      .sort((a, b) => (b.in?.at ?? '').localeCompare(a.in?.at ?? ''));
  }

  async attendance(sessionId: string): Promise<SessionAttendanceView> {
    const session = this.session(sessionId);
    const { values, isDefault } = this.ctx.policies.training(session.startDate);
    const total = session.timetable.reduce((sum, s) => sum + s.classHours, 0);
    const docs = await this.sessionSignIns(sessionId);
    const trainees = this.enrolmentsOf(sessionId).map((e) => {
      const mine = docs.filter((d) => d.residentId === e.residentId && d.in);
      let attendedHours = 0;
      let lateCount = 0;
      let earlyLeaveCount = 0;
      for (const d of mine) {
        const slot = session.timetable.find((s) => s.date === d.date && s.half === d.half);
        if (!slot) continue;
        attendedHours += slot.classHours;
        const { late, early } = this.lateness(slot, d, values.lateGraceMinutes);
        if (late > 0) lateCount += 1;
        if (early > 0) earlyLeaveCount += 1;
      }
      const rate = total > 0 ? attendedHours / total : 0;
      const p = this.person(e.residentId);
      return {
        residentId: e.residentId,
        name: p.name,
        idNumberMasked: p.idNumberMasked,
        slotsAttended: mine.length,
        attendedHours,
        rate: Math.round(rate * 10_000) / 10_000,
        // Exactly at the threshold is eligible; the epsilon absorbs float division.
        eligible: rate + 1e-9 >= values.eligibilityRate,
        lateCount,
        earlyLeaveCount,
      };
    });
    const sessionRate = trainees.length ? trainees.reduce((sum, t) => sum + t.rate, 0) / trainees.length : 0;
    return {
      sessionId,
      totalClassHours: total,
      threshold: values.eligibilityRate,
      thresholdIsDefault: isDefault,
      trainees,
      sessionRate: Math.round(sessionRate * 10_000) / 10_000,
      eligibleCount: trainees.filter((t) => t.eligible).length,
    };
  }
}
