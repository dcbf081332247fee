// Public-welfare posts: saving a post and assigning a holder (the eligibility rules, the gates
// other domains add, an override with its reason). The service as a whole reads from
// ./records.ts (posts and holders), ./attendance.ts (daily marks) and ./monthClose.ts.
import { isKnownPlace, placeWithin } from '../../../shared/places';
import type { AssignmentView, ParsedArgsOf, PostView, SessionUser } from '../../../shared/rpc/handlers';
import { mayCall } from '../../../shared/rpc/handlers';
import { fail, notFound } from '../context';
import { docId, legacyId, placeOfId } from '../../../shared/documents/registry';
import type { AssignmentDoc, PostDoc } from '../store/docs';
import { getOrNull } from '../store/db';
import { fieldError } from '../validation';
import { eligibility } from './eligibility';
import { gateIssues, type AssignGate } from './assignGate';
import { PostMonths } from './monthClose';
import { fen } from './records';

export class PostsService extends PostMonths {
  /** Rules other domains add to an assignment (recruitment's 公示): see assignGate.ts. */
  readonly gates: AssignGate[] = [];

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
}
