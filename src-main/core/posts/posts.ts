// Public-welfare posts: posts, holders (assignments with their eligibility rules), daily
// attendance as immutable per-day documents, and the month close with the hourly minimum check.
import { ageOn } from '../../../shared/id/idNumber';
import { maskIdNumber } from '../../../shared/id/mask';
import { isKnownPlace, placeName, placeWithin } from '../../../shared/places';
import type {
  AssignmentView,
  AttendanceCell,
  AttendanceGridView,
  AttendanceRevision,
  GridDay,
  MonthCloseView,
  MonthSummary,
  MonthTotals,
  ParsedArgsOf,
  PostView,
  SessionUser,
} from '../../../shared/rpc/handlers';
import { mayCall } from '../../../shared/rpc/handlers';
import { addDays, daysInMonth, fail, notFound, type CoreContext } from '../context';
import { DocCache } from '../store/docCache';
import { docId, legacyId, placeOfId } from '../../../shared/documents/registry';
import { ID_PREFIX, type AssignmentDoc, type AttendanceDoc, type MonthCloseDoc, type PostDoc } from '../store/docs';
import { getOrNull, prefixRange } from '../store/db';
import { fieldError } from '../validation';
import type { EmploymentService } from '../employment/employment';
import { eligibility } from './eligibility';
import { PostExits, assessmentReader, type AssessmentReader } from './exits';
import { gateIssues, type AssignGate } from './assignGate';
import { attendanceDateIssue, belowMinimumIssue, belowMinimumWage } from '../../../shared/posts/rules';

/** Where a post's children's ids start: `post:<place>:<code>` → `<place>:<code>` (a legacy post's: its code). */
function keyOf(postId: string): string {
  return postId.slice(ID_PREFIX.post.length);
}

const fen = (yuan: number) => Math.round(yuan * 100);
const yuan = (fenValue: number) => Math.round(fenValue) / 100;

export class PostsService {
  readonly posts = new DocCache<PostDoc>(ID_PREFIX.post);
  readonly assignments = new DocCache<AssignmentDoc>(ID_PREFIX.assignment);
  readonly closes = new DocCache<MonthCloseDoc>(ID_PREFIX.monthClose);
  /** Rules other domains add to an assignment (recruitment's 公示): see assignGate.ts. */
  readonly gates: AssignGate[] = [];

  constructor(
    private readonly ctx: CoreContext,
    /** Writes the 公益性岗位 status entry of an assignment, in the same write. */
    private readonly employment: EmploymentService,
    assessment: AssessmentReader = assessmentReader(ctx),
  ) {
    this.exits = new PostExits(ctx, employment, this, assessment);
  }

  /** Assignments ended early (./exits.ts): holders are read as held, up to their exit date. */
  readonly exits: PostExits;

  private post(postId: string, field = 'postId'): PostDoc & { _rev: string } {
    return this.posts.get(postId) ?? notFound(field);
  }

  private postView(doc: PostDoc & { _rev?: string }): PostView {
    const today = this.ctx.today();
    return {
      id: doc._id,
      rev: doc._rev ?? '',
      code: doc.code,
      name: doc.name,
      kind: doc.kind,
      category: doc.category,
      placeCode: doc.placeCode,
      placeName: placeName(doc.placeCode) ?? doc.placeCode,
      employer: doc.employer,
      plannedHoursPerMonth: doc.plannedHoursPerMonth,
      payPerMonth: yuan(doc.payPerMonthFen),
      startDate: doc.startDate,
      endDate: doc.endDate,
      currentHolders: this.heldOf(doc._id).filter((a) => a.startDate <= today && a.endDate >= today).length,
      updatedAt: doc.updatedAt,
    };
  }

  private holdersOf(postId: string): (AssignmentDoc & { _rev: string })[] {
    // (A legacy post coded like a place would share the prefix with that place's posts.)
    return this.assignments.withPrefix(`${ID_PREFIX.assignment}${keyOf(postId)}:`).filter((a) => a.postId === postId);
  }

  /** A post's assignments as held: ended early ones up to their exit date. */
  private heldOf(postId: string): (AssignmentDoc & { _rev: string })[] {
    return this.holdersOf(postId).map((a) => this.exits.held(a));
  }

  /** One holder row (after an exit, say). */
  holder(assignmentId: string): AssignmentView {
    return this.assignmentView(this.assignments.get(assignmentId) ?? notFound('assignmentId'));
  }

  private assignmentView(a: AssignmentDoc): AssignmentView {
    const r = this.ctx.residents.summary(a.residentId);
    return {
      id: a._id,
      postId: a.postId,
      residentId: a.residentId,
      name: r?.name ?? '',
      sex: r?.sex ?? 'male',
      age: r ? ageOn(r.birthDate, this.ctx.today()) : 0,
      idNumberMasked: r ? maskIdNumber(r.idNumber) : '',
      startDate: a.startDate,
      endDate: a.endDate,
      contractNo: a.contractNo,
      override: a.override,
      ...this.exits.view(a),
    };
  }

  list(): PostView[] {
    return this.posts
      .values()
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((p) => this.postView(p));
  }

  get(postId: string): { post: PostView; holders: AssignmentView[] } | null {
    const post = this.posts.get(postId);
    if (!post) return null;
    const holders = this.holdersOf(postId)
      .sort((a, b) => a.startDate.localeCompare(b.startDate) || a._id.localeCompare(b._id))
      .map((a) => this.assignmentView(a));
    return { post: this.postView(post), holders };
  }

  async save(args: ParsedArgsOf<'posts.save'>, user: SessionUser): Promise<PostView> {
    const station = this.ctx.station();
    if (!isKnownPlace(args.placeCode)) fail(fieldError('placeCode', 'errors.placeUnknown', { code: args.placeCode }));
    if (!placeWithin(args.placeCode, station.placeCode)) {
      fail(fieldError('placeCode', 'errors.post.placeOutside'));
    }
    // A code names one post at the station: a new post's id carries its place, one made before
    // ids carried places keeps its own (`post:<code>`), and a code in use under another place is taken.
    const existing = await this.byCode(args.code, args.placeCode);
    if (existing && !args.rev) fail(fieldError('code', 'errors.post.codeTaken', { code: args.code }));
    if (!existing && args.rev) notFound('code');
    if (existing && existing._rev !== args.rev) fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
    // The id carries the place, and the server refuses an id whose place is not the document's.
    const idPlace = existing ? placeOfId(existing._id) : null;
    if (idPlace !== null && idPlace !== args.placeCode) fail(fieldError('placeCode', 'errors.post.placeFixed'));
    const id = existing?._id ?? docId.post(args.placeCode, args.code);
    const stamp = this.ctx.stamp(user, args.placeCode);
    const doc: PostDoc = {
      ...(existing ? { ...existing, updatedBy: stamp.updatedBy, updatedAt: stamp.updatedAt, placeCode: args.placeCode } : stamp),
      _id: id,
      type: 'post',
      code: args.code,
      name: args.name,
      kind: args.kind,
      category: args.category,
      employer: args.employer,
      plannedHoursPerMonth: args.plannedHoursPerMonth,
      payPerMonthFen: fen(args.payPerMonth),
      startDate: args.startDate,
      endDate: args.endDate,
    };
    const saved = await this.ctx.write(doc);
    this.posts.put(saved);
    return this.postView(saved);
  }


  /** The station's post of a code: its id under this place or as before places, else any post with the code. */
  private async byCode(code: string, placeCode: string): Promise<(PostDoc & { _rev: string }) | null> {
    for (const id of [docId.post(placeCode, code), legacyId.post(code)]) {
      const found = this.posts.get(id) ?? (await getOrNull<PostDoc>(this.ctx.db, id));
      if (found) return found as PostDoc & { _rev: string };
    }
    return this.posts.values().find((p) => p.code === code) ?? null;
  }

  async assign(args: ParsedArgsOf<'posts.assign'>, user: SessionUser): Promise<AssignmentView> {
    const post = this.post(args.postId);
    const resident = await this.ctx.residentDoc(args.residentId);
    if (!resident) notFound('residentId');
    if (resident.closure) fail(fieldError('residentId', 'errors.post.registrationClosed'));
    if (args.startDate < post.startDate || args.endDate > post.endDate) {
      fail(fieldError(args.startDate < post.startDate ? 'startDate' : 'endDate', 'errors.post.assignmentOutsidePost', { from: post.startDate, to: post.endDate }));
    }
    const failures = eligibility(this.ctx.policies, this.posts, { values: () => this.exits.allHeld() }, post, resident, args.startDate, args.endDate);
    failures.push(...(await gateIssues(this.gates, post, resident._id, this.ctx.today())));
    let override: AssignmentDoc['override'] = null;
    if (failures.length > 0) {
      if (!args.override) {
        fail({
          code: 'NOT_ELIGIBLE',
          field: failures[0]!.field,
          messageKey: failures[0]!.messageKey,
          ...(failures[0]!.params ? { params: failures[0]!.params } : {}),
          issues: failures,
          details: { rules: failures.map((f) => f.messageKey).join(',') },
        });
      }
      if (!mayCall('posts.override', user.role)) fail({ code: 'FORBIDDEN', field: 'override.reason', messageKey: 'errors.override.forbidden' });
      override = { reason: args.override.reason, by: user.loginName, at: this.ctx.now(), rules: failures.map((f) => f.messageKey) };
    }
    const doc: AssignmentDoc = {
      _id: docId.assignment(post._id, resident._id, args.startDate),
      type: 'assignment',
      ...this.ctx.stamp(user, post.placeCode),
      postId: post._id,
      residentId: resident._id,
      startDate: args.startDate,
      endDate: args.endDate,
      contractNo: args.contractNo,
      override,
    };
    // The assignment and its 公益性岗位 employment status entry: one write, all or nothing.
    const saved = await this.employment.storeWith(doc, [this.employment.assignmentEntry(resident, doc, post.employer, user)]);
    this.assignments.put(saved);
    if (override) await this.ctx.audit(user, 'override', saved._id, 'eligibility', override.reason);
    return this.assignmentView(saved);
  }

  // ── attendance ─────────────────────────────────────────────────────────────────────────

  /**
   * A month of one post's marks, kept for the most recently opened months: the grid is opened,
   * edited and closed again and again, and reading ~1,500 documents costs ~100 ms each time.
   */
  private readonly months = new Map<string, Map<string, AttendanceDoc & { _rev: string }>>();
  private static readonly MONTHS_KEPT = 24;

  private async monthDocs(postId: string, month: string): Promise<(AttendanceDoc & { _rev: string })[]> {
    const key = `${keyOf(postId)}:${month}`;
    let docs = this.months.get(key);
    if (docs) {
      this.months.delete(key);
    } else {
      const result = await this.ctx.db.allDocs<AttendanceDoc>({ include_docs: true, ...prefixRange(`${ID_PREFIX.attendance}${key}:`) });
      docs = this.months.get(key) ?? new Map();
      for (const row of result.rows) if (row.doc && row.doc.postId === postId) keepNewer(docs, row.doc as AttendanceDoc & { _rev: string });
      if (this.months.size >= PostsService.MONTHS_KEPT) this.months.delete(this.months.keys().next().value!);
    }
    this.months.set(key, docs);
    return [...docs.values()];
  }

  /** Keeps a cached month current with a written or replicated mark. */
  applyAttendance(doc: AttendanceDoc & { _rev: string }): void {
    const docs = this.months.get(`${keyOf(doc.postId)}:${doc.date.slice(0, 7)}`);
    if (docs) keepNewer(docs, doc);
  }

  private holdersInMonth(postId: string, month: string) {
    const first = `${month}-01`;
    const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
    return this.heldOf(postId)
      .filter((a) => a.startDate <= last && a.endDate >= first)
      .map((a) => ({
        assignment: a,
        from: a.startDate > first ? a.startDate : first,
        to: a.endDate < last ? a.endDate : last,
        name: this.ctx.residents.summary(a.residentId)?.name ?? '',
      }))
      .sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name, 'zh-CN') || a.assignment._id.localeCompare(b.assignment._id));
  }

  private closeOf(postId: string, month: string): (MonthCloseDoc & { _rev: string }) | null {
    return this.closes.get(docId.monthClose(postId, month));
  }

  async month(postId: string, month: string): Promise<AttendanceGridView> {
    const post = this.post(postId);
    const today = this.ctx.today();
    const days: GridDay[] = [];
    for (let d = 1; d <= daysInMonth(month); d++) {
      const date = `${month}-${String(d).padStart(2, '0')}`;
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      days.push({ date, day: d, weekday, weekend: weekday === 0 || weekday === 6, future: date > today });
    }
    const holders = this.holdersInMonth(postId, month);
    const cells: AttendanceGridView['cells'] = {};
    for (const h of holders) cells[h.assignment.residentId] = {};
    const marks = await this.monthDocs(postId, month);
    for (const doc of marks) (cells[doc.residentId] ??= {})[doc.date] = cellOf(doc);
    const close = this.closeOf(postId, month);
    // The county accepted the month (its close or any of its days): read-only until it unlocks.
    const countyLockedAt = [docId.monthClose(postId, month), ...marks.map((d) => d._id)].reduce<string | null>((latest, id) => {
      const at = this.ctx.lockedAt(id);
      return at && (!latest || at > latest) ? at : latest;
    }, null);
    return {
      post: this.postView(post),
      month,
      days,
      holders: holders.map((h) => ({ residentId: h.assignment.residentId, name: h.name, assignmentId: h.assignment._id, from: h.from, to: h.to })),
      cells,
      close: close ? closeView(close) : null,
      locked: close?.status === 'closed' || countyLockedAt !== null,
      countyLockedAt,
    };
  }

  async setMarks(args: ParsedArgsOf<'attendance.set'>, user: SessionUser): Promise<{ cells: { residentId: string; date: string; cell: AttendanceCell }[] }> {
    const post = this.post(args.postId);
    const today = this.ctx.today();
    const holders = this.heldOf(post._id);
    // Every mark is checked before anything is written: a batch is stored whole or not at all.
    args.marks.forEach((m, i) => {
      const future = attendanceDateIssue(m.date, today);
      if (future) fail(fieldError(`marks.${i}.${future.field}`, future.messageKey, future.params));
      if (this.closeOf(post._id, m.date.slice(0, 7))?.status === 'closed') {
        fail({ code: 'LOCKED', field: `marks.${i}.date`, messageKey: 'errors.attendance.monthClosed', params: { month: m.date.slice(0, 7) } });
      }
      if (!holders.some((a) => a.residentId === m.residentId && a.startDate <= m.date && a.endDate >= m.date)) {
        fail(fieldError(`marks.${i}.date`, 'errors.attendance.notHolder', { date: m.date }));
      }
    });
    // The last mark for a day wins within one batch.
    const byId = new Map<string, (typeof args.marks)[number]>();
    for (const m of args.marks) byId.set(docId.attendance(post._id, m.residentId, m.date), m);
    const ids = [...byId.keys()];
    const existing = await this.ctx.db.allDocs<AttendanceDoc>({ keys: ids, include_docs: true });
    const at = this.ctx.now();
    const docs: (AttendanceDoc & { _rev?: string })[] = [];
    const unchanged: (AttendanceDoc & { _rev: string })[] = [];
    existing.rows.forEach((row, i) => {
      const id = ids[i]!;
      const mark = byId.get(id)!;
      const old = row.doc as (AttendanceDoc & { _rev: string }) | undefined;
      if (old && old.mark === mark.mark && old.hours === mark.hours) {
        unchanged.push(old);
        return;
      }
      docs.push(
        old
          ? {
              ...old,
              mark: mark.mark,
              hours: mark.hours,
              history: [...old.history, { mark: old.mark, hours: old.hours, by: old.updatedBy, at: old.updatedAt }],
              updatedBy: user.loginName,
              updatedAt: at,
            }
          : {
              _id: id,
              type: 'attendance',
              ...this.ctx.stamp(user, post.placeCode),
              postId: post._id,
              residentId: mark.residentId,
              date: mark.date,
              mark: mark.mark,
              hours: mark.hours,
              history: [],
            },
      );
    });
    this.ctx.assertUnlocked(docs.map((d) => d._id));
    const results = docs.length ? await this.ctx.db.bulkDocs(docs) : [];
    const failed = results.find((r) => !('rev' in r));
    if (failed) fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
    const saved = docs.map((d, i) => ({ ...d, _rev: (results[i] as { rev: string }).rev }));
    for (const doc of saved) this.applyAttendance(doc);
    return { cells: [...saved, ...unchanged].map((d) => ({ residentId: d.residentId, date: d.date, cell: cellOf(d) })) };
  }

  async history(postId: string, residentId: string, date: string): Promise<AttendanceRevision[]> {
    const doc = await getOrNull<AttendanceDoc>(this.ctx.db, docId.attendance(postId, residentId, date));
    if (!doc) return [];
    return [...doc.history, { mark: doc.mark, hours: doc.hours, by: doc.updatedBy, at: doc.updatedAt }];
  }

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

function keepNewer(docs: Map<string, AttendanceDoc & { _rev: string }>, doc: AttendanceDoc & { _rev: string }): void {
  const existing = docs.get(doc._id);
  if (!existing || Number.parseInt(existing._rev, 10) <= Number.parseInt(doc._rev, 10)) docs.set(doc._id, doc);
}

function cellOf(doc: AttendanceDoc): AttendanceCell {
  return { mark: doc.mark, hours: doc.hours, updatedBy: doc.updatedBy, updatedAt: doc.updatedAt, corrections: doc.history.length };
}

function closeView(doc: MonthCloseDoc): MonthCloseView {
  const lastClose = [...doc.history].reverse().find((h) => h.action === 'close');
  return {
    ...doc.summary,
    status: doc.status,
    closedBy: lastClose?.by ?? '',
    closedAt: lastClose?.at ?? '',
    history: doc.history,
    ...(doc.belowMinimumReason ? { belowMinimumReason: doc.belowMinimumReason } : {}),
  };
}
