// Public-welfare posts: the records every posts handler reads (posts, holders, closed months,
// exits) and the views of a post and its holders. Attendance (./attendance.ts), the month close
// (./monthClose.ts) and writing posts and assignments (./posts.ts) build on it.
import { ageOn } from '../../../shared/id/idNumber';
import { maskIdNumber } from '../../../shared/id/mask';
import { placeName } from '../../../shared/places';
import type { AssignmentView, PostView } from '../../../shared/rpc/handlers';
import { notFound, type CoreContext } from '../context';
import { DocCache } from '../store/docCache';
import { ID_PREFIX, type AssignmentDoc, type MonthCloseDoc, type PostDoc } from '../store/docs';
import type { EmploymentService } from '../employment/employment';
import { PostExits, assessmentReader, type AssessmentReader } from './exits';

/** Where a post's children's ids start: `post:<place>:<code>` → `<place>:<code>` (a legacy post's: its code). */
export function keyOf(postId: string): string {
  return postId.slice(ID_PREFIX.post.length);
}

export const fen = (yuan: number) => Math.round(yuan * 100);
export const yuan = (fenValue: number) => Math.round(fenValue) / 100;

export class PostRecords {
  readonly posts = new DocCache<PostDoc>(ID_PREFIX.post);
  readonly assignments = new DocCache<AssignmentDoc>(ID_PREFIX.assignment);
  readonly closes = new DocCache<MonthCloseDoc>(ID_PREFIX.monthClose);

  constructor(
    protected readonly ctx: CoreContext,
    /** Writes the 公益性岗位 status entry of an assignment, in the same write. */
    protected readonly employment: EmploymentService,
    assessment: AssessmentReader = assessmentReader(ctx),
  ) {
    this.exits = new PostExits(ctx, employment, this, assessment);
  }

  /** Assignments ended early (./exits.ts): holders are read as held, up to their exit date. */
  readonly exits: PostExits;

  protected post(postId: string, field = 'postId'): PostDoc & { _rev: string } {
    return this.posts.get(postId) ?? notFound(field);
  }

  protected postView(doc: PostDoc & { _rev?: string }): PostView {
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

  protected holdersOf(postId: string): (AssignmentDoc & { _rev: string })[] {
    // (A legacy post coded like a place would share the prefix with that place's posts.)
    return this.assignments.withPrefix(`${ID_PREFIX.assignment}${keyOf(postId)}:`).filter((a) => a.postId === postId);
  }

  /** A post's assignments as held: ended early ones up to their exit date. */
  protected heldOf(postId: string): (AssignmentDoc & { _rev: string })[] {
    return this.holdersOf(postId).map((a) => this.exits.held(a));
  }

  /** One holder row (after an exit, say). */
  holder(assignmentId: string): AssignmentView {
    return this.assignmentView(this.assignments.get(assignmentId) ?? notFound('assignmentId'));
  }

  protected assignmentView(a: AssignmentDoc): AssignmentView {
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
}
