// Stations at the county: the directory with each station's last sync, days silent and batches waiting.
import type { CountyStationView, ParsedArgsOf } from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import { aggregateDb, range, type CountyServer, type ViewRows } from './server';
import { PREFIX } from '../../../shared/documents/registry';
import { needsReview } from '../../../shared/sync/review';

const DAY_MS = 86_400_000;

/** The heartbeat a station writes into its database after a successful sync (`heartbeat:<place>`). */
interface HeartbeatDoc {
  _id: string;
  type: 'heartbeat';
  placeCode: string;
  lastSyncAt: string;
  /** The work list's counts (see shared/documents/schemas.ts heartbeatSchema). */
  worklist?: { due?: unknown; overdue?: unknown; asOf?: unknown; villages?: Record<string, { due?: unknown; overdue?: unknown }> };
}

type WorklistCounts = NonNullable<CountyStationView['worklist']>;
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Each station's counts from its own heartbeat, else from its township's (that township's relay copy of it). */
function worklistCounts(heartbeats: readonly (HeartbeatDoc | undefined)[]): Map<string, WorklistCounts> {
  const own = new Map<string, WorklistCounts>();
  const relayed = new Map<string, WorklistCounts>();
  for (const doc of heartbeats) {
    const w = doc?.type === 'heartbeat' ? doc.worklist : undefined;
    if (!w || typeof w.asOf !== 'string') continue;
    if (isCount(w.due) && isCount(w.overdue)) own.set(doc!.placeCode, { due: w.due, overdue: w.overdue, asOf: w.asOf });
    for (const [place, c] of Object.entries(w.villages ?? {})) {
      if (!isCount(c.due) || !isCount(c.overdue)) continue;
      const earlier = relayed.get(place);
      if (!earlier || earlier.asOf < w.asOf) relayed.set(place, { due: c.due, overdue: c.overdue, asOf: w.asOf });
    }
  }
  for (const [place, c] of relayed) {
    const mine = own.get(place);
    if (!mine || mine.asOf < c.asOf) own.set(place, c);
  }
  return own;
}

export class StationList {
  constructor(
    private readonly ctx: CoreContext,
    private readonly server: CountyServer,
  ) {}

  async stations(args: ParsedArgsOf<'county.stations'>): Promise<CountyStationView[]> {
    const [directory, heartbeats, batches, reviews] = await Promise.all([
      this.server.directory(),
      this.server.request<ViewRows<string, { rev: string }, HeartbeatDoc>>('GET', `/${aggregateDb(this.server.county)}/_all_docs?include_docs=true&${range(PREFIX.heartbeat)}`),
      this.server.batchSummaries(),
      this.server.reviewSummaries(),
    ]);
    const lastSync = new Map<string, string>();
    for (const row of heartbeats.body.rows) {
      if (row.doc?.type === 'heartbeat' && typeof row.doc.lastSyncAt === 'string') lastSync.set(row.doc.placeCode, row.doc.lastSyncAt);
    }
    // The latest of the heartbeat and the newest batch: the heartbeat is written at most hourly
    // and never for a file carried by USB, so a batch can be the later news of a station.
    for (const b of batches) {
      if (b.createdAt > (lastSync.get(b.placeCode) ?? '')) lastSync.set(b.placeCode, b.createdAt);
    }
    const waiting = new Map<string, number>();
    for (const b of batches) {
      if (!reviews.has(b.id) && needsReview(b.summary.counts)) waiting.set(b.placeCode, (waiting.get(b.placeCode) ?? 0) + 1);
    }
    const worklist = worklistCounts(heartbeats.body.rows.map((r) => r.doc));
    const now = Date.parse(this.ctx.now());
    return [...directory.values()]
      .sort((a, b) => a.placeCode.localeCompare(b.placeCode))
      .map((station) => {
        const lastSyncAt = lastSync.get(station.placeCode) ?? null;
        const daysSinceSync = lastSyncAt === null ? null : Math.max(0, Math.floor((now - Date.parse(lastSyncAt)) / DAY_MS));
        return {
          placeCode: station.placeCode,
          name: this.server.stationName(directory, station.placeCode),
          level: station.level ?? (station.placeCode.length === 12 ? 'village' : 'township'),
          lastSyncAt,
          daysSinceSync,
          stale: daysSinceSync === null || daysSinceSync >= args.staleDays,
          batchesWaiting: waiting.get(station.placeCode) ?? 0,
          worklist: worklist.get(station.placeCode) ?? null,
        };
      });
  }
}
