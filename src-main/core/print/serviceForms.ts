// The follow-up ledger's printed forms (issue 16): the 入户走访登记表 of one service record and a
// person's 服务记录卡, built from the service records (src-main/core/services/), the employment
// status history (src-main/core/employment/), post assignments and trainings. Who recorded
// something is named by the station account's display name (a login the station does not know
// is printed as it is); the ID number is masked.
import { ageOn } from '../../../shared/id/idNumber';
import { maskIdNumber } from '../../../shared/id/mask';
import { placePath } from '../../../shared/places';
import type { EmploymentEntryView } from '../../../shared/employment/contract';
import type { ServiceCardBody, PrintedService, PrintedStatus, ServiceFormResident } from '../../../shared/print/serviceForms';
import { rootOf, type StoredEntry } from '../../../shared/services/rules';
import { ownEntry } from '../access/ownKeys';
import type { CoreContext } from '../context';
import type { EmploymentService } from '../employment/employment';
import { effectiveEnd } from '../../../shared/posts/exits';
import type { PostsService } from '../posts/posts';
import type { ServiceDoc, ServicesService } from '../services/services';
import { getOrNull } from '../store/db';
import type { ResidentDoc, UsersDoc } from '../store/docs';
import type { TrainingService } from '../training/training';

/** The one service of a visit record, from its resident's entries (null: no such service entry). */
export async function visitService(resident: ResidentDoc & { _id: string }, serviceId: string, deps: Pick<ServiceFormsDeps, 'ctx' | 'services'>): Promise<PrintedService | null> {
  const nameOf = await accountNames(deps.ctx);
  return printedServices(await deps.services.entries(resident._id), nameOf).find((s) => s.id === serviceId) ?? null;
}

export interface ServiceFormsDeps {
  ctx: CoreContext;
  posts: PostsService;
  training: TrainingService;
  services: Pick<ServicesService, 'entries'>;
  employment: Pick<EmploymentService, 'history'>;
}

/** login → display name, from the station's accounts (only the display names are read). */
export async function accountNames(ctx: CoreContext): Promise<(login: string) => string> {
  const users = (await getOrNull<UsersDoc>(ctx.db, '_local/users'))?.users;
  return (login) => ownEntry(users, login)?.displayName || login;
}

export function residentPart(doc: ResidentDoc, today: string): ServiceFormResident {
  const r = doc.registration;
  return {
    id: doc._id,
    name: doc.name,
    sex: doc.sex,
    age: ageOn(doc.birthDate, today),
    idNumberMasked: maskIdNumber(doc.idNumber),
    phone: doc.phone,
    address: doc.address,
    placePath: placePath(doc.placeCode).map((p) => p.name),
    registration: { kind: r.kind, date: r.date, hardshipCategories: r.kind === 'hardship' ? r.hardshipCategories : [] },
    targetGroups: doc.targetGroups,
    careCategories: doc.careCategories,
    closure: doc.closure ? { date: doc.closure.date, reason: doc.closure.reason } : null,
  };
}

const stored = (d: ServiceDoc): StoredEntry => ({
  id: d._id,
  residentId: d.residentId,
  entry: d.entry,
  date: d.date,
  ...(d.entry === 'service' ? { kind: d.kind } : { refersTo: d.refersTo }),
  ...(d.corrects ? { corrects: d.corrects } : {}),
});

/**
 * The services of one resident as printed, each with the standing result of its referral chain
 * (a result recorded for any version of the referral; a corrected result is not printed).
 */
export function printedServices(all: readonly ServiceDoc[], nameOf: (login: string) => string): PrintedService[] {
  const byId = new Map(all.map((d) => [d._id, stored(d)]));
  const docOf = new Map(all.map((d) => [d._id, d]));
  const correctedBy = new Map(all.flatMap((d) => (d.corrects ? [[d.corrects, d] as const] : [])));
  const standingResult = new Map<string, Extract<ServiceDoc, { entry: 'result' }>>();
  for (const d of all) {
    if (d.entry !== 'result' || correctedBy.has(d._id) || !byId.has(d.refersTo)) continue;
    standingResult.set(rootOf(d.refersTo, byId), d);
  }
  return all.flatMap((d): PrintedService[] => {
    if (d.entry !== 'service') return [];
    const result = standingResult.get(rootOf(d._id, byId));
    const corrected = d.corrects ? docOf.get(d.corrects) : undefined;
    return [
      {
        id: d._id,
        date: d.date,
        channel: d.channel,
        kind: d.kind,
        content: d.content,
        outcome: d.outcome,
        referral: d.referral ?? null,
        result: result ? { date: result.date, result: result.result, note: result.note, clerk: nameOf(result.createdBy) } : null,
        clerk: nameOf(d.createdBy),
        correctsDate: corrected ? corrected.date : null,
        correctedOn: correctedBy.get(d._id)?.createdAt.slice(0, 10) ?? null,
      },
    ];
  });
}

function printedStatus(e: EmploymentEntryView): PrintedStatus {
  return {
    status: e.status,
    area: e.area,
    destination: e.destination,
    employer: e.employer?.name ?? '',
    effectiveDate: e.effectiveDate,
    endDate: e.endDate,
    correction: e.corrects !== null,
    clerk: e.recordedBy,
  };
}

const byDate = <T>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

/** The card's lists: standing services and statuses, posts and trainings, each oldest first. */
export async function serviceCardBody(resident: ResidentDoc & { _id: string }, deps: ServiceFormsDeps): Promise<ServiceCardBody> {
  const { ctx, posts, training } = deps;
  const nameOf = await accountNames(ctx);
  const all = printedServices(await deps.services.entries(resident._id), nameOf);
  const standing = all.filter((s) => s.correctedOn === null);
  const history = await deps.employment.history(resident._id);
  const assignments = posts.assignments
    .values()
    .filter((a) => a.residentId === resident._id)
    .map((a) => {
      const post = posts.posts.get(a.postId);
      // Ended early: the exit date and its reason, not the agreed end.
      const end = effectiveEnd(a, posts.exits.exitOf(a._id));
      return { post: post?.name ?? '', employer: post?.employer.name ?? '', from: a.startDate, to: end.date, endReason: end.reason };
    })
    .sort(byDate((a) => a.from));
  const today = ctx.today();
  const trainings: ServiceCardBody['trainings'] = [];
  for (const e of training.enrolments.values().filter((x) => x.residentId === resident._id)) {
    const got = training.get(e.sessionId);
    if (!got) continue;
    const s = got.session;
    const mine = (await training.attendance(e.sessionId)).trainees.find((t) => t.residentId === resident._id);
    trainings.push({
      occupation: s.course.occupation,
      level: s.course.level,
      provider: s.provider.name,
      from: s.startDate,
      to: s.endDate,
      attendedHours: mine?.attendedHours ?? 0,
      totalClassHours: s.totalClassHours,
      eligible: mine?.eligible ?? false,
      ended: s.endDate < today,
    });
  }
  trainings.sort(byDate((t) => t.from));
  return {
    current: history.current ? printedStatus(history.current) : null,
    statuses: history.entries.filter((e) => e.correctedBy === null).map(printedStatus).reverse(),
    services: [...standing].sort(byDate((x) => x.date)),
    supersededCount: all.length - standing.length,
    assignments,
    trainings,
  };
}
