// County review, run at a county station (county staff, online): incoming batches per station,
// accept or return per record, stations gone silent, conflicts in the aggregate. Everything is
// read from and written to the county server through the CouchDB HTTP API with the county
// staff account, so the server's validation (not this code) decides what the account may write.
// This file: CountyService, which the core calls; the work is in server.ts (HTTP), stations.ts,
// review.ts (batches, decisions, unlocks), conflicts.ts and records.ts.
import type {
  CountyBatchDetail,
  CountyBatchView,
  CountyConflictView,
  CountyStationView,
  ParsedArgsOf,
  SessionUser,
} from '../../../shared/rpc/handlers';
import type { CoreContext } from '../context';
import type { SyncService } from '../sync/sync';
import { ConflictResolution } from './conflicts';
import { BatchReview } from './review';
import { CountyServer } from './server';
import { StationList } from './stations';

export { type ResolutionDoc } from './conflicts';
export { flattenFields, recordLabel } from './records';

export class CountyService {
  private readonly stationList: StationList;
  private readonly review_: BatchReview;
  private readonly conflictResolution: ConflictResolution;

  private readonly server: CountyServer;

  constructor(ctx: CoreContext, sync: SyncService) {
    const server = (this.server = new CountyServer(ctx, sync));
    this.stationList = new StationList(ctx, server);
    this.review_ = new BatchReview(ctx, server, () => sync.countyKeys());
    this.conflictResolution = new ConflictResolution(ctx, server);
  }

  /** The county's station directory (county_ref) as the server holds it now: place code → entry. */
  directory(): Promise<Map<string, { name?: string; placeCode: string }>> {
    return this.server.directory();
  }

  /** The county's stations, with their last sync and the batches waiting. */
  stations(args: ParsedArgsOf<'county.stations'>): Promise<CountyStationView[]> {
    return this.stationList.stations(args);
  }

  /** Batches as they reached the aggregate, newest first; a township's code takes in its villages. */
  batches(args: ParsedArgsOf<'county.batches'>): Promise<CountyBatchView[]> {
    return this.review_.batches(args);
  }

  /** One batch, record by record (null: no such batch). */
  batch(batchId: string): Promise<CountyBatchDetail | null> {
    return this.review_.batch(batchId);
  }

  /** Accepts or returns records of a batch. */
  review(args: ParsedArgsOf<'county.review'>, user: SessionUser): Promise<CountyBatchView> {
    return this.review_.review(args, user);
  }

  /** Lets the station change a record the county accepted. */
  unlock(args: ParsedArgsOf<'county.unlock'>, user: SessionUser): Promise<{ id: string }> {
    return this.review_.unlock(args, user);
  }

  /** Records that met in the aggregate with different content. */
  conflicts(): Promise<CountyConflictView[]> {
    return this.conflictResolution.conflicts();
  }

  /** Resolves a conflict: one revision kept (with fields from others), the other branches deleted. */
  resolve(args: ParsedArgsOf<'county.resolve'>, user: SessionUser): Promise<{ id: string; rev: string }> {
    return this.conflictResolution.resolve(args, user);
  }
}
