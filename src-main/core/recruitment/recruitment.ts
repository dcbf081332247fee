// Recruitment (招聘): a post's openings (岗位公告, a record edited while nothing is posted) and
// their dated facts (`recruitEntry`, append-only: an application, a withdrawal, a 公示 of the
// candidates, an objection, its decision), and the gate posts.assign calls for a candidate.
// Every action is one document written once: refused, it writes nothing.
import { docId, PREFIX } from '../../../shared/documents/registry';
import type { OpeningDetail, OpeningView } from '../../../shared/recruitment/contract';
import { applicationDateIssue, noticePeriod, publicityIssue } from '../../../shared/recruitment/rules';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { LeyeError } from '../../../shared/rpc/errors';
import type { ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import { notFound } from '../context';
import type { PostsService } from '../posts/posts';
import { randomId } from '../residents/identity';
import { DocCache } from '../store/docCache';
import type { PostDoc } from '../store/docs';
import { applicationViews, openingFacts, openingView, publicityFacts, publicityView, type OpeningDoc, type OpeningFacts, type RecruitEntryDoc } from './views';

function refuse(issue: FieldIssue | null | undefined): void {
  if (!issue) return;
  throw new LeyeError({ code: 'VALIDATION', field: issue.field, messageKey: issue.messageKey, ...(issue.params ? { params: issue.params } : {}), issues: [issue] });
}

type NewEntry = RecruitEntryDoc extends infer E ? (E extends RecruitEntryDoc ? Omit<E, '_id' | '_rev' | 'type' | 'schemaVersion' | 'placeCode' | 'createdBy' | 'createdAt' | 'updatedBy' | 'updatedAt' | 'openingId'> : never) : never;

export class RecruitmentService {
  readonly openings = new DocCache<OpeningDoc>(PREFIX.opening);
  readonly entries = new DocCache<RecruitEntryDoc>(PREFIX.recruitEntry);

  constructor(
    private readonly ctx: CoreContext,
    private readonly posts: PostsService,
  ) {}

  private post(postId: string, field = 'postId'): PostDoc {
    return this.posts.posts.get(postId) ?? notFound(field);
  }

  private opening(id: string, field = 'openingId'): OpeningDoc & { _rev: string } {
    return this.openings.get(id) ?? notFound(field);
  }

  private facts(openingId: string): OpeningFacts {
    const prefix = `${PREFIX.recruitEntry}${openingId.slice(PREFIX.opening.length)}:`;
    return openingFacts(this.entries.withPrefix(prefix).filter((e) => e.openingId === openingId));
  }

  list(postId: string | undefined): OpeningView[] {
    if (postId !== undefined) this.post(postId);
    const today = this.ctx.today();
    return this.openings
      .values()
      .filter((o) => postId === undefined || o.postId === postId)
      .sort((a, b) => b.windowFrom.localeCompare(a.windowFrom) || a._id.localeCompare(b._id))
      .map((o) => openingView(o, this.facts(o._id), this.posts.posts.get(o.postId)?.name ?? '', today));
  }

  async detail(openingId: string): Promise<OpeningDetail> {
    const doc = this.opening(openingId);
    const post = this.post(doc.postId);
    const today = this.ctx.today();
    const facts = this.facts(openingId);
    const policy = this.ctx.policies.recruitment(today);
    const applications = await applicationViews({ ctx: this.ctx, posts: this.posts }, post, facts, policy);
    const names = new Map(applications.map((a) => [a.residentId, a.name]));
    const held = new Set(this.posts.assignments.values().filter((a) => a.postId === post._id && a.startDate >= (facts.publicity?.noticeFrom ?? '')).map((a) => a.residentId));
    return {
      ...openingView(doc, facts, post.name, today),
      post: this.posts.get(post._id)!.post,
      applications,
      publicity: publicityView(facts, names, (id) => held.has(id), today),
      policy,
    };
  }

  async save(args: ParsedArgsOf<'recruitment.save'>, user: SessionUser): Promise<OpeningView> {
    const post = this.post(args.postId);
    if (args.windowFrom < post.startDate || args.windowTo > post.endDate) {
      refuse({ field: args.windowFrom < post.startDate ? 'windowFrom' : 'windowTo', messageKey: 'errors.recruitment.windowOutsidePost', params: { from: post.startDate, to: post.endDate } });
    }
    const previous = args.id ? this.opening(args.id, 'id') : null;
    if (previous) {
      if (previous.postId !== post._id) refuse({ field: 'postId', messageKey: 'errors.recruitment.openingChanged' });
      if (this.facts(previous._id).publicity) refuse({ field: 'places', messageKey: 'errors.recruitment.openingChanged' });
    }
    const stamp = this.ctx.stamp(user, post.placeCode);
    const doc: OpeningDoc = {
      _id: previous?._id ?? docId.opening(post._id, randomId(8)),
      ...(previous ? { _rev: args.rev ?? previous._rev } : {}),
      type: 'opening',
      ...stamp,
      ...(previous ? { createdBy: previous.createdBy, createdAt: previous.createdAt } : {}),
      postId: post._id,
      places: args.places,
      conditions: args.conditions,
      windowFrom: args.windowFrom,
      windowTo: args.windowTo,
      contact: args.contact,
    };
    const saved = await this.ctx.write(doc);
    this.openings.put(saved);
    return openingView(saved, this.facts(saved._id), post.name, this.ctx.today());
  }

  async apply(args: ParsedArgsOf<'recruitment.apply'>, user: SessionUser): Promise<OpeningDetail> {
    const opening = this.opening(args.openingId);
    const resident = (await this.ctx.residentDoc(args.residentId)) ?? notFound('residentId');
    refuse(applicationDateIssue(args.date, { from: opening.windowFrom, to: opening.windowTo }, this.ctx.today()));
    const facts = this.facts(opening._id);
    const standing = facts.applications.find((a) => a.residentId === resident._id && !facts.withdrawals.has(a._id));
    if (standing) refuse({ field: 'residentId', messageKey: 'errors.recruitment.alreadyApplied', params: { date: standing.date } });
    // Recorded even when the person is not eligible: the reasons are shown with the application.
    await this.append(user, opening, { entry: 'application', date: args.date, residentId: resident._id });
    return this.detail(opening._id);
  }

  async withdraw(args: ParsedArgsOf<'recruitment.withdraw'>, user: SessionUser): Promise<OpeningDetail> {
    const application = this.entries.get(args.applicationId);
    if (application?.entry !== 'application') return refuse({ field: 'applicationId', messageKey: 'errors.recruitment.noSuchApplication' }) as never;
    const opening = this.opening(application.openingId, 'applicationId');
    if (this.facts(opening._id).withdrawals.has(application._id)) refuse({ field: 'applicationId', messageKey: 'errors.recruitment.alreadyWithdrawn' });
    if (args.date > this.ctx.today()) refuse({ field: 'date', messageKey: 'errors.recruitment.futureDate', params: { date: args.date } });
    if (args.date < application.date) refuse({ field: 'date', messageKey: 'errors.recruitment.outsideWindow', params: { from: application.date, to: this.ctx.today() } });
    await this.append(user, opening, { entry: 'withdrawal', date: args.date, refersTo: application._id, residentId: application.residentId, reason: args.reason });
    return this.detail(opening._id);
  }

  async publish(args: ParsedArgsOf<'recruitment.publish'>, user: SessionUser): Promise<OpeningDetail> {
    const opening = this.opening(args.openingId);
    const detail = await this.detail(opening._id);
    const candidates = [...new Set(args.candidates)];
    if (candidates.length > opening.places) refuse({ field: 'candidates', messageKey: 'errors.recruitment.tooManyCandidates', params: { count: candidates.length, places: opening.places } });
    for (const id of candidates) {
      const application = detail.applications.find((a) => a.residentId === id && !a.withdrawn);
      if (!application) refuse({ field: 'candidates', messageKey: 'errors.recruitment.notAnApplicant', params: { name: (await this.ctx.residentDoc(id))?.name ?? '' } });
      else if (application.reasons.length > 0) refuse({ field: 'candidates', messageKey: 'errors.recruitment.candidateNotEligible', params: { name: application.name } });
    }
    const today = this.ctx.today();
    const period = noticePeriod(today, this.ctx.policies.recruitment(today).noticeDays);
    await this.append(user, opening, { entry: 'publicity', date: today, candidates, noticeFrom: period.from, noticeTo: period.to, objectionsTo: args.objectionsTo });
    return this.detail(opening._id);
  }

  async object(args: ParsedArgsOf<'recruitment.object'>, user: SessionUser): Promise<OpeningDetail> {
    const publicity = this.entries.get(args.publicityId);
    if (publicity?.entry !== 'publicity') return refuse({ field: 'publicityId', messageKey: 'errors.recruitment.noSuchPublicity' }) as never;
    const opening = this.opening(publicity.openingId, 'publicityId');
    if (this.facts(opening._id).publicity?._id !== publicity._id) refuse({ field: 'publicityId', messageKey: 'errors.recruitment.notCurrentPublicity' });
    if (args.date > this.ctx.today()) refuse({ field: 'date', messageKey: 'errors.recruitment.futureDate', params: { date: args.date } });
    if (args.date < publicity.noticeFrom) refuse({ field: 'date', messageKey: 'errors.recruitment.beforePublicity', params: { from: publicity.noticeFrom } });
    await this.append(user, opening, { entry: 'objection', date: args.date, refersTo: publicity._id, by: args.by, content: args.content });
    return this.detail(opening._id);
  }

  async decide(args: ParsedArgsOf<'recruitment.decide'>, user: SessionUser): Promise<OpeningDetail> {
    const objection = this.entries.get(args.objectionId);
    if (objection?.entry !== 'objection') return refuse({ field: 'objectionId', messageKey: 'errors.recruitment.noSuchObjection' }) as never;
    const opening = this.opening(objection.openingId, 'objectionId');
    if (this.facts(opening._id).decisions.has(objection._id)) refuse({ field: 'objectionId', messageKey: 'errors.recruitment.alreadyDecided' });
    if (args.date > this.ctx.today()) refuse({ field: 'date', messageKey: 'errors.recruitment.futureDate', params: { date: args.date } });
    if (args.date < objection.date) refuse({ field: 'date', messageKey: 'errors.recruitment.beforePublicity', params: { from: objection.date } });
    await this.append(user, opening, { entry: 'decision', date: args.date, refersTo: objection._id, upheld: args.upheld, reason: args.reason });
    return this.detail(opening._id);
  }

  /**
   * The gate posts.assign calls: a candidate of a current 公示 of an opening of this post is
   * placed only after its period ended without an upheld (or undecided) objection.
   */
  async gate(post: PostDoc, residentId: string, today: string): Promise<FieldIssue[]> {
    await Promise.all([this.openings.ensure(this.ctx.db), this.entries.ensure(this.ctx.db)]);
    const issues: FieldIssue[] = [];
    for (const opening of this.openings.values().filter((o) => o.postId === post._id)) {
      const facts = this.facts(opening._id);
      const p = publicityFacts(facts);
      if (!p || !facts.publicity!.candidates.includes(residentId)) continue;
      const issue = publicityIssue(p, today);
      if (issue) issues.push(issue);
    }
    return issues;
  }

  /** Stores a new entry (on disk before this resolves); a put without a revision never overwrites. */
  private async append(user: SessionUser, opening: OpeningDoc, fields: NewEntry): Promise<RecruitEntryDoc> {
    const stamp = this.ctx.stamp(user, opening.placeCode);
    const doc = { _id: docId.recruitEntry(opening._id, stamp.createdAt, randomId(8)), type: 'recruitEntry', openingId: opening._id, ...stamp, ...fields } as RecruitEntryDoc;
    const result = await this.ctx.db.put(doc);
    this.entries.put({ ...doc, _rev: result.rev });
    return doc;
  }
}
