// Issue 16's seed: service records (服务记录) and employment status entries (就业登记) spread over
// a station's residents and the last two years, as a station that has kept its ledger for two years
// holds them. Every document is built with the document registry's id builders and checked with
// the same function the county's quarantine uses (documentProblem) before it is written in synced
// bulk writes, like replication would bring them; the core's caches and the changes feed take them
// in as they would in real life. Referrals with and without a result, corrections of services, of
// results and of status entries, and registrations closed as employed (with the entry the closure
// writes) are among them.
import { docId, ID_PREFIX } from '../shared/documents/registry';
import type { EmploymentDoc, ResidentDoc } from '../shared/documents';
import type { EmploymentStatus } from '../shared/employment/schema';
import { REFERRAL_KIND, type ReferralResult, type ServiceChannel, type ServiceKind } from '../shared/services/schema';
import type { Core, Session } from '../src-main/core/core';
import type { ServiceDoc } from '../src-main/core/services/services';
import { prng } from '../src-main/core/station/demo';
import { documentProblem } from '../src-main/core/store/docSchemas';

const DAY_MS = 86_400_000;
const BATCH = 2000;
/** Share of residents whose registration is closed as employed (the closure writes a status entry). */
const CLOSED_SHARE = 0.04;

/** What the seed and the measurements need to know of a resident. */
export interface SeededResident {
  id: string;
  placeCode: string;
  birthDate: string;
  registrationDate: string;
  /** The day the registration was closed as employed, or null while open. */
  closedOn: string | null;
  /** Service records seeded for this resident. */
  services: number;
}

export interface ServicesSeed {
  residents: SeededResident[];
  serviceRecords: number;
  referrals: number;
  referralsWithResult: number;
  /** Service records that correct another (a service or a result). */
  corrections: number;
  statusEntries: number;
  statusCorrections: number;
  closures: number;
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
function weighted<T extends string>(random: Random, weights: Readonly<Record<T, number>>): T {
  const entries = Object.entries(weights) as [T, number][];
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1]![0];
}
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
/** Sorted random days from `from` to `to` (day numbers, both included). */
function days(random: Random, count: number, from: number, to: number): number[] {
  return Array.from({ length: count }, () => from + Math.floor(random() * (to - from + 1))).sort((a, b) => a - b);
}
/** A time during the station's working day (08:30 Beijing on), the n-th entry of the day a few minutes later. */
const timeOn = (day: string, n: number) => `${day}T${String(Math.min(9, Math.floor((30 + 7 * n) / 60))).padStart(2, '0')}:${String((30 + 7 * n) % 60).padStart(2, '0')}:00.000Z`;
/** Spreads `total` over the residents in proportion to their weights (a fixed multinomial draw). */
function spread(random: Random, weights: Float64Array, total: number): Int32Array {
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (cumulative[i] = sum += w));
  const counts = new Int32Array(weights.length);
  for (let n = 0; n < total; n++) {
    const r = random() * sum;
    let lo = 0;
    let hi = weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    counts[lo]! += 1;
  }
  return counts;
}

const CHANNELS: Record<ServiceChannel, number> = { atStation: 40, phone: 30, homeVisit: 15, wechat: 10, groupEvent: 5 };
const KINDS: Record<ServiceKind, number> = {
  policyConsultation: 20, careerGuidance: 15, jobReferral: 18, trainingReferral: 8, entrepreneurship: 4,
  aidBasic: 8, aidSpecial: 4, aidTargeted: 3, aidEmergency: 1, followUp: 19,
};
const CONTENT: Record<ServiceKind, string> = {
  policyConsultation: '咨询灵活就业人员社会保险补贴申领条件和材料', careerGuidance: '职业指导：结合求职意向修改简历，讲解面试注意事项',
  jobReferral: '推荐岗位，约定面试时间', trainingReferral: '推荐参加育婴员（五级）免费培训班', entrepreneurship: '讲解创业担保贷款政策和申请流程',
  aidBasic: '基本服务：登记求职意向，推送三个匹配岗位', aidSpecial: '专项帮扶：协调公益性岗位申请', aidTargeted: '特定帮扶：联系残联辅助性就业岗位',
  aidEmergency: '急难救助：协助申请临时救助', followUp: '回访就业情况和服务满意度',
};
const EMPLOYERS = ['济南历下华联超市有限公司', '山东鲁信物业服务有限公司', '济南泉城家政服务有限公司', '山东舜丰食品有限公司', '济南明湖建筑劳务有限公司'];
const JOBS = ['理货员', '保洁员', '育婴员', '食品包装工', '小区保安', '快递分拣员'];
const RESULTS: Record<ReferralResult, number> = { hired: 40, notHired: 45, refusedWithoutReason: 15 };
const STATUSES: Record<Exclude<EmploymentStatus, 'unemployed'>, number> = { employee: 32, flexible: 22, migrant: 18, selfEmployed: 8, publicWelfare: 3, retired: 2, other: 3 };

interface Entry {
  doc: ServiceDoc;
  /** The first entry of its correction chain (a result counts once per chain). */
  root: string;
  corrected: boolean;
}

/** Who is served more often: 就业困难人员 and hardship registrations (`hard`), the registered unemployed. */
type Need = 'hard' | 'unemployment' | 'other';

/** Reads every resident of the station (their facts, and the documents of those to be closed). */
async function readResidents(core: Core, random: Random): Promise<{ residents: SeededResident[]; needs: Need[]; toClose: (ResidentDoc & { _rev: string })[] }> {
  const residents: SeededResident[] = [];
  const needs: Need[] = [];
  const toClose: (ResidentDoc & { _rev: string })[] = [];
  let startkey: string = ID_PREFIX.resident;
  for (let skip = 0; ; skip = 1) {
    const page = await core.db.allDocs<ResidentDoc>({ startkey, endkey: `${ID_PREFIX.resident}\ufff0`, include_docs: true, limit: 5000, skip });
    if (page.rows.length === 0) break;
    for (const row of page.rows) {
      const doc = row.doc as (ResidentDoc & { _rev: string }) | undefined;
      if (!doc) continue;
      residents.push({ id: doc._id, placeCode: doc.placeCode, birthDate: doc.birthDate, registrationDate: doc.registration.date, closedOn: doc.closure?.date ?? null, services: 0 });
      const unemployed = doc.registration.kind === 'unemployment' && !doc.closure;
      needs.push(doc.careCategories.includes('hardToEmploy') || doc.registration.kind === 'hardship' ? 'hard' : unemployed ? 'unemployment' : 'other');
      // About 30% of the registrations are 失业登记: CLOSED_SHARE of all residents closed as employed.
      if (unemployed && random() < CLOSED_SHARE / 0.3) toClose.push(doc);
    }
    startkey = page.rows[page.rows.length - 1]!.id;
  }
  return { residents, needs, toClose };
}

export async function seedServices(core: Core, session: Session, serviceTotal: number, statusTotal: number): Promise<ServicesSeed> {
  const random = prng(1616);
  const user = session.user!;
  const today = core.today();
  const todayN = dayNumber(today);
  const twoYearsAgo = todayN - 730;
  const stamp = (placeCode: string, at: string) => ({ schemaVersion: 1, placeCode, createdBy: user.loginName, createdAt: at, updatedBy: user.loginName, updatedAt: at });
  const { residents, needs, toClose } = await readResidents(core, random);
  const byId = new Map(residents.map((r, i) => [r.id, i]));

  const pending: { _id: string }[] = [];
  const flush = async (force = false) => {
    while (pending.length >= BATCH || (force && pending.length)) {
      const batch = pending.splice(0, BATCH);
      for (const doc of batch) {
        const problem = documentProblem(doc as unknown as Record<string, unknown>);
        if (problem) throw new Error(`seeded ${doc._id} is not valid: ${problem.field} ${problem.messageKey}`);
      }
      const results = await core.db.bulkDocs(batch);
      const failed = results.find((r) => !('ok' in r && r.ok));
      if (failed) throw new Error(`seed write failed: ${JSON.stringify(failed)}`);
    }
  };

  // Registrations closed as employed, each with the status entry the closure writes (one write, as the core does).
  const closures: EmploymentDoc[] = [];
  for (const doc of toClose) {
    const from = Math.max(dayNumber(doc.registration.date) + 30, twoYearsAgo);
    if (from > todayN) continue;
    const date = dayOf(from + Math.floor(random() * (todayN - from + 1)));
    const at = timeOn(date, 0);
    const closed: ResidentDoc & { _rev: string } = { ...doc, closure: { reason: 'employed', date, note: '', by: user.loginName }, updatedBy: user.loginName, updatedAt: at };
    const entry: EmploymentDoc = {
      _id: docId.employment(doc.placeCode, doc._id, date, `c${String(closures.length).padStart(7, '0')}`),
      type: 'employment', ...stamp(doc.placeCode, at), residentId: doc._id, status: 'employee', area: null, destination: '',
      employer: { name: pick(random, EMPLOYERS), creditCode: '' }, effectiveDate: date, endDate: null, note: '',
      recordedBy: user.loginName, recordedByName: user.displayName, source: { kind: 'closure', id: doc._id }, corrects: null, correctionReason: '',
    };
    pending.push(closed, entry);
    closures.push(entry);
    residents[byId.get(doc._id)!]!.closedOn = date;
    await flush();
  }

  // Who gets served: the registered unemployed twice as often, 就业困难人员 and hardship registrations four times.
  const serviceWeights = new Float64Array(residents.length);
  const statusWeights = new Float64Array(residents.length);
  needs.forEach((need, i) => {
    serviceWeights[i] = need === 'hard' ? 4 : need === 'unemployment' ? 2 : 1;
    statusWeights[i] = need === 'other' ? 1 : 2;
  });
  const serviceCounts = spread(random, serviceWeights, serviceTotal);
  const statusCounts = spread(random, statusWeights, Math.max(0, statusTotal - closures.length));

  let referrals = 0;
  let referralsWithResult = 0;
  let corrections = 0;
  let statusCorrections = 0;
  let statusEntries = closures.length;
  for (const [i, resident] of residents.entries()) {
    const first = Math.max(dayNumber(resident.registrationDate), twoYearsAgo);
    // Service records: services, a referral's result some days later, now and then a correction.
    const entries: Entry[] = [];
    const withResult = new Set<string>();
    const count = serviceCounts[i]!;
    resident.services = count;
    const serviceDays = days(random, count, first, todayN);
    for (let n = 0; n < count; n++) {
      const date = dayOf(serviceDays[n]!);
      const at = timeOn(date, n);
      const id = docId.service(resident.placeCode, resident.id, at, String(n).padStart(8, '0'));
      const base = { _id: id, type: 'service' as const, ...stamp(resident.placeCode, at), residentId: resident.id };
      const open = entries.find((e) => e.doc.entry === 'service' && e.doc.kind === REFERRAL_KIND && !e.corrected && !withResult.has(e.root) && e.doc.date <= date);
      const roll = random();
      let entry: Entry;
      if (open && roll < 0.55) {
        entry = { doc: { ...base, entry: 'result', date, refersTo: open.doc._id, result: weighted(random, RESULTS), note: roll < 0.1 ? '用人单位电话告知' : '' }, root: id, corrected: false };
        withResult.add(open.root);
        referralsWithResult += 1;
      } else if (entries.length && roll > 0.97 && entries.some((e) => !e.corrected)) {
        const target = pick(random, entries.filter((e) => !e.corrected));
        target.corrected = true;
        corrections += 1;
        const doc: ServiceDoc = target.doc.entry === 'result'
          ? { ...base, entry: 'result', date: target.doc.date, refersTo: target.doc.refersTo, result: weighted(random, RESULTS), note: '更正：结果录入有误', corrects: target.doc._id }
          : { ...base, entry: 'service', date: target.doc.date, channel: target.doc.channel, kind: target.doc.kind, content: `${target.doc.content}（更正：补充服务内容）`, outcome: target.doc.outcome, ...(target.doc.referral ? { referral: target.doc.referral } : {}), corrects: target.doc._id };
        entry = { doc, root: target.root, corrected: false };
      } else {
        const closed = resident.closedOn !== null && date > resident.closedOn;
        const kind: ServiceKind = closed ? 'followUp' : weighted(random, KINDS);
        const referral = kind === REFERRAL_KIND ? { employerName: pick(random, EMPLOYERS), employerCreditCode: roll < 0.2 ? '91350100M000100Y43' : '', job: pick(random, JOBS), pay: `月薪${3000 + 100 * Math.floor(random() * 20)}元` } : undefined;
        if (referral) referrals += 1;
        const content = referral ? `${CONTENT[kind]}：${referral.employerName}，${referral.job}` : CONTENT[kind];
        entry = { doc: { ...base, entry: 'service', date, channel: weighted(random, CHANNELS), kind, content, outcome: roll < 0.5 ? '已告知，本人表示考虑' : '', ...(referral ? { referral } : {}) }, root: id, corrected: false };
      }
      entries.push(entry);
      pending.push(entry.doc);
    }

    // Status entries: the first often 未就业, then jobs; a few corrected.
    const statuses: EmploymentDoc[] = [];
    const statusDays = days(random, statusCounts[i]!, Math.max(first, dayNumber(resident.birthDate)), todayN);
    for (const [n, dayN] of statusDays.entries()) {
      const effectiveDate = dayOf(dayN);
      const at = timeOn(effectiveDate, 20 + n);
      const correcting = statuses.length && random() < 0.03 ? statuses.find((s) => !statuses.some((c) => c.corrects === s._id)) : undefined;
      const status: EmploymentStatus = n === 0 && random() < 0.4 ? 'unemployed' : weighted(random, STATUSES);
      const migrant = status === 'migrant';
      const employer = ['employee', 'publicWelfare'].includes(status) || (status === 'selfEmployed' && random() < 0.5) ? { name: pick(random, EMPLOYERS), creditCode: random() < 0.2 ? '91350100M000100Y43' : '' } : null;
      const doc: EmploymentDoc = {
        _id: docId.employment(resident.placeCode, resident.id, correcting?.effectiveDate ?? effectiveDate, `s${String(statusEntries).padStart(7, '0')}`),
        type: 'employment', ...stamp(resident.placeCode, at), residentId: resident.id, status,
        area: migrant ? pick(random, ['inCounty', 'inProvince', 'outOfProvince'] as const) : null, destination: migrant && random() < 0.7 ? pick(random, ['济南市槐荫区', '青岛市黄岛区', '江苏省苏州市']) : '',
        employer, effectiveDate: correcting?.effectiveDate ?? effectiveDate, endDate: status === 'flexible' && random() < 0.2 ? dayOf(Math.min(todayN, dayN + 90)) : null, note: '',
        recordedBy: user.loginName, recordedByName: user.displayName, source: null,
        corrects: correcting?._id ?? null, correctionReason: correcting ? '录入错误：就业状态填错' : '',
      };
      if (correcting) statusCorrections += 1;
      statuses.push(doc);
      pending.push(doc);
      statusEntries += 1;
    }
    await flush();
  }
  await flush(true);
  if (!(await core.whenIndexed(900_000))) throw new Error('the changes feed did not catch up with the seeded records in 15 minutes');
  return { residents, serviceRecords: serviceTotal, referrals, referralsWithResult, corrections, statusEntries, statusCorrections, closures: closures.length };
}
