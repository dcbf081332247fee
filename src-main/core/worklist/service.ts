// The work list's service: the station's own list, a township's read-only view of a village (from
// its relay copy), the marks (new append-only documents, nothing deleted), the overview (per
// village at a township, per station at the county) and the counts the heartbeat carries.
import { docId } from '../../../shared/documents/registry';
import type { WorklistMarkDoc } from '../../../shared/documents';
import { placeName, stationLevel } from '../../../shared/places';
import type { ParsedArgsOf, SessionUser } from '../../../shared/rpc/handlers';
import type { WorklistItem, WorklistOverviewRow, WorklistView } from '../../../shared/worklist/contract';
import { standingMark } from '../../../shared/worklist/rules';
import { fail, type CoreContext, type Stamp } from '../context';
import type { ModuleDeps } from '../modules';
import { randomId } from '../residents/identity';
import type { StationDb } from '../store/db';
import type { HeartbeatWorklist } from '../sync/heartbeat';
import type { FilledPage } from '../sync/replicate';
import { fieldError } from '../validation';
import { WorklistFacts } from './facts';
import { EMPTY_LIST, pageOf } from './page';
import { computeList, type ComputedList, type ListPolicy } from './worklist';

export class WorklistService {
  /** The station's own facts, their residents' ids the search index's strings. */
  private readonly own = new WorklistFacts(true, (id) => this.deps.ctx.residents.sameId(id));
  private readonly relays = new Map<string, WorklistFacts>();

  constructor(private readonly deps: ModuleDeps) {}

  private get ctx(): CoreContext {
    return this.deps.ctx;
  }

  private policy(today: string): ListPolicy {
    const p = this.ctx.policies;
    return { params: p.worklist(today).values, maxSubsidyMonths: p.posts(today).maxSubsidyMonths, retirement: p.retirement(today) };
  }

  private async ownList(today: string): Promise<ComputedList> {
    await this.own.refresh(this.ctx.db);
    return computeList(this.own, today, this.policy(today));
  }

  /** The villages of this township whose relay copy this machine holds. */
  private villages(): string[] {
    const place = this.ctx.station().placeCode;
    if (stationLevel(place) !== 'township') return [];
    return this.deps.sync.relayPlaces().filter((p) => p.startsWith(place) && p.length === 12);
  }

  private relayFacts(place: string): WorklistFacts {
    let facts = this.relays.get(place);
    if (!facts) this.relays.set(place, (facts = new WorklistFacts()));
    return facts;
  }

  private async villageList(place: string, today: string): Promise<ComputedList> {
    const facts = this.relayFacts(place);
    await facts.refresh(this.deps.sync.relay(place) as unknown as StationDb);
    return computeList(facts, today, this.policy(today));
  }

  /** A village's copy filled by a township's first pull: its pages taken in as stored, not read back. */
  takeFilled(place: string, page: FilledPage): void {
    if (this.villages().includes(place)) this.relayFacts(place).takeWritten(page);
  }

  async list(args: ParsedArgsOf<'worklist.list'>): Promise<WorklistView> {
    const own = this.ctx.station().placeCode;
    const today = this.ctx.today();
    const { params, maxSubsidyMonths } = this.policy(today);
    const common = { today, params: { ...params, maxSubsidyMonths } };
    if (args.placeCode === undefined || args.placeCode === own) return { placeCode: own, placeName: placeName(own) ?? '', ...common, readOnly: false, ...pageOf(await this.ownList(today), args) };
    // A township opens one of its villages (read-only); nobody else opens another place's list.
    if (stationLevel(own) !== 'township' || !args.placeCode.startsWith(own)) fail(fieldError('placeCode', 'errors.worklist.notYourVillage'));
    const computed = this.villages().includes(args.placeCode) ? await this.villageList(args.placeCode, today) : EMPTY_LIST;
    return { placeCode: args.placeCode, placeName: placeName(args.placeCode) ?? '', ...common, readOnly: true, ...pageOf(computed, args) };
  }

  async mark(args: ParsedArgsOf<'worklist.mark'>, user: SessionUser): Promise<WorklistItem> {
    const place = this.ctx.station().placeCode;
    if (args.placeCode !== undefined && args.placeCode !== place) fail(fieldError('placeCode', 'errors.worklist.readOnly'));
    const today = this.ctx.today();
    const row = (await this.ownList(today)).find(args.key);
    if (!row) fail(fieldError('key', 'errors.worklist.noSuchRow'));
    if (args.kind === 'snoozed' && (args.until === null || args.until <= today)) fail(fieldError('until', 'errors.worklist.untilNotAfterToday', { today }));
    if (args.kind === 'reopened' && !standingMark(this.own.marks.of(args.key), today)) fail(fieldError('kind', 'errors.worklist.nothingToReopen'));
    const stamp = this.laterThanMarks(this.ctx.stamp(user, place), args.key);
    const doc: WorklistMarkDoc = {
      _id: docId.worklistMark(place, stamp.createdAt, randomId(8)),
      type: 'worklistMark',
      ...stamp,
      key: args.key,
      rule: row.rule,
      kind: args.kind,
      until: args.kind === 'snoozed' ? args.until : null,
      reason: args.reason,
      residentId: row.residentId,
      byName: user.displayName || user.loginName,
    };
    // A put without a revision never overwrites; on disk before this resolves.
    await this.ctx.db.put(doc);
    this.own.apply(doc._id, doc as unknown as Record<string, unknown>, false);
    return computeList(this.own, today, this.policy(today)).find(args.key) ?? row;
  }

  /** The latest mark of a key decides: a new one is stamped after every earlier one (two in one millisecond, a clock set back). */
  private laterThanMarks(stamp: Stamp, key: string): Stamp {
    const latest = this.own.marks.of(key).reduce((max, m) => (m.at > max ? m.at : max), '');
    if (stamp.createdAt > latest) return stamp;
    const at = new Date(Date.parse(latest) + 1).toISOString();
    return { ...stamp, createdAt: at, updatedAt: at };
  }

  /** Per village at a township (from its relay copies, as of today), per station at the county, nothing at a village. */
  async overview(): Promise<WorklistOverviewRow[]> {
    const level = stationLevel(this.ctx.station().placeCode);
    if (level === 'county') return this.countyOverview();
    if (level !== 'township') return [];
    const today = this.ctx.today();
    const rows: WorklistOverviewRow[] = [];
    for (const place of this.villages()) {
      const { counts } = await this.villageList(place, today);
      rows.push({ placeCode: place, name: placeName(place) ?? place, due: counts.due, overdue: counts.overdue, asOf: today });
    }
    return rows;
  }

  private async countyOverview(): Promise<WorklistOverviewRow[]> {
    const stations = await this.deps.county().stations({ staleDays: 7 });
    return stations.map((s) => ({ placeCode: s.placeCode, name: s.name, due: s.worklist?.due ?? 0, overdue: s.worklist?.overdue ?? 0, asOf: s.worklist?.asOf ?? null }));
  }

  /** What the heartbeat tells the county: this station's counts, and a township's per village. */
  async heartbeatReport(): Promise<HeartbeatWorklist> {
    const today = this.ctx.today();
    const counts = { ...(await this.ownList(today)).counts };
    const villages: Record<string, { due: number; overdue: number }> = {};
    for (const place of this.villages()) villages[place] = { ...(await this.villageList(place, today)).counts };
    return { ...counts, asOf: today, ...(Object.keys(villages).length > 0 ? { villages } : {}) };
  }
}
