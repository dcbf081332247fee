// The county's view of the townships' payrolls for a month, from the aggregate on the county
// server (`_design/stats/_view/payrollPosts`): per township, the villages whose posts had holders
// that month, which of them closed every such post, the holders and the pay due of the closed.
import type { CountyPayrollView, PostPlanView, TownshipPayrollStatus } from '../../../shared/payroll/contract';
import { docId } from '../../../shared/documents/registry';
import type { PostPlanDoc } from '../../../shared/documents/types';
import type { SessionUser } from '../../../shared/rpc/handlers';
import { getOrNull } from '../store/db';
import type { CoreContext } from '../context';
import { countyView, q } from '../stats/countyViews';
import type { SyncService } from '../sync/sync';
import { placeNames } from './names';
import type { CountyService } from '../county/county';

type Row = { key: [string, string, string, string]; value: { closed: number; holders: number; payDueFen: number } | null };

export async function countyPayroll(deps: { ctx: CoreContext; sync: SyncService; county(): Pick<CountyService, 'directory'> }, month: string): Promise<CountyPayrollView> {
  const county = deps.ctx.station().placeCode;
  const rows = (await countyView<Row['key'], Row['value']>(deps.sync, county, 'payrollPosts', `reduce=false&startkey=${q([month])}&endkey=${q([month, {}])}`)) as Row[];
  // township → village → post → what the aggregate holds of it
  const posts = new Map<string, Map<string, Map<string, { held: boolean; close: Row['value'] }>>>();
  for (const { key, value } of rows) {
    const [, township, village, postId] = key;
    let villages = posts.get(township);
    if (!villages) posts.set(township, (villages = new Map()));
    let byPost = villages.get(village);
    if (!byPost) villages.set(village, (byPost = new Map()));
    const entry = byPost.get(postId) ?? { held: false, close: null };
    if (value) entry.close = value;
    else entry.held = true;
    byPost.set(postId, entry);
  }
  const [names, directory] = await Promise.all([placeNames(deps.sync), deps.county().directory()]);
  const nameOf = (code: string) => {
    const listed = directory.get(code)?.name?.trim();
    return listed && listed !== code ? listed : names(code);
  };
  // Every township of the county's directory is listed: one whose villages sent nothing held that month says so.
  for (const code of directory.keys()) {
    const township = code.slice(0, 9);
    if (township !== county && !posts.has(township)) posts.set(township, new Map());
  }
  const townships: TownshipPayrollStatus[] = [];
  let holders = 0;
  let payDueFen = 0;
  for (const [township, villages] of [...posts].sort(([a], [b]) => a.localeCompare(b))) {
    const missing: TownshipPayrollStatus['missing'] = [];
    let tHolders = 0;
    let tFen = 0;
    for (const [village, byPost] of [...villages].sort(([a], [b]) => a.localeCompare(b))) {
      const open = [...byPost.values()].filter((p) => p.held && p.close?.closed !== 1).length;
      if (open) {
        missing.push({ placeCode: village, placeName: nameOf(village), openPosts: open });
        continue;
      }
      for (const p of byPost.values()) {
        if (p.close?.closed !== 1) continue;
        tHolders += p.close.holders;
        tFen += p.close.payDueFen;
      }
    }
    holders += tHolders;
    payDueFen += tFen;
    townships.push({
      placeCode: township,
      placeName: nameOf(township),
      villages: villages.size,
      status: villages.size === 0 ? 'noData' : missing.length ? 'missing' : 'complete',
      missing,
      holders: tHolders,
      payDue: tFen / 100,
    });
  }
  return { month, placeCode: county, townships, totals: { holders, payDue: payDueFen / 100 }, computedAt: deps.ctx.now() };
}

/** The plan of a year (as the county entered it) and the places created, per township. */
export async function postPlan(deps: { ctx: CoreContext; sync: SyncService }, year: number): Promise<PostPlanView> {
  const county = deps.ctx.station().placeCode;
  const [doc, rows, nameOf] = await Promise.all([
    getOrNull<PostPlanDoc>(deps.ctx.db, docId.postPlan(county, year)),
    countyView<[number, string], number>(deps.sync, county, 'postPlaces', `group_level=2&startkey=${q([year])}&endkey=${q([year, {}])}`),
    placeNames(deps.sync),
  ]);
  const byTownship = new Map<string, number>();
  for (const r of rows) byTownship.set(r.key[1].slice(0, 9), (byTownship.get(r.key[1].slice(0, 9)) ?? 0) + r.value);
  const townships = [...byTownship].sort(([a], [b]) => a.localeCompare(b)).map(([placeCode, created]) => ({ placeCode, placeName: nameOf(placeCode), created }));
  return { year, planned: doc?.places ?? null, note: doc?.note ?? '', created: townships.reduce((n, t) => n + t.created, 0), byTownship: townships };
}

export async function savePlan(deps: { ctx: CoreContext; sync: SyncService }, args: { year: number; places: number; note: string }, user: SessionUser): Promise<PostPlanView> {
  const { ctx } = deps;
  const county = ctx.station().placeCode;
  const id = docId.postPlan(county, args.year);
  const existing = await getOrNull<PostPlanDoc>(ctx.db, id);
  const stamp = ctx.stamp(user, county);
  const doc: PostPlanDoc = existing
    ? { ...existing, places: args.places, note: args.note, updatedBy: stamp.updatedBy, updatedAt: stamp.updatedAt }
    : ({ _id: id, type: 'postPlan', ...stamp, year: args.year, places: args.places, note: args.note } as PostPlanDoc);
  await ctx.write(doc);
  return postPlan(deps, args.year);
}
