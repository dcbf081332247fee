// The county's view of the townships' payrolls for a month, from the aggregate on the county
// server (`_design/stats/_view/payrollPosts`): per township, the villages whose posts had holders
// that month, which of them closed every such post, the holders and the pay due of the closed.
import { placeName } from '../../../shared/places';
import type { CountyPayrollView, TownshipPayrollStatus } from '../../../shared/payroll/contract';
import type { CoreContext } from '../context';
import { countyView, q } from '../stats/countyViews';
import type { SyncService } from '../sync/sync';

type Row = { key: [string, string, string, string]; value: { closed: number; holders: number; payDueFen: number } | null };

export async function countyPayroll(deps: { ctx: CoreContext; sync: SyncService }, month: string): Promise<CountyPayrollView> {
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
        missing.push({ placeCode: village, placeName: placeName(village) ?? village, openPosts: open });
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
      placeName: placeName(township) ?? township,
      villages: villages.size,
      status: missing.length ? 'missing' : 'complete',
      missing,
      holders: tHolders,
      payDue: tFen / 100,
    });
  }
  return { month, placeCode: county, townships, totals: { holders, payDue: payDueFen / 100 }, computedAt: deps.ctx.now() };
}
