// County review, run at a county station (county staff, online): incoming batches per station,
// accept or return per record, stations gone silent, conflicts in the aggregate. Everything is
// read from and written to the county server through the CouchDB HTTP API with the county
// staff account, so the server's validation (not this code) decides what the account may write.
import type { CountyBatchDetail, CountyBatchView, CountyConflictView, CountyStationView, ParsedArgsOf, SessionUser } from '../../shared/rpc/handlers';
import type { CoreContext } from './context';
import type { SyncService } from './sync';

export class CountyService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly sync: SyncService,
  ) {}

  async stations(_args: ParsedArgsOf<'county.stations'>): Promise<CountyStationView[]> {
    throw new Error('not implemented');
  }

  async batches(_args: ParsedArgsOf<'county.batches'>): Promise<CountyBatchView[]> {
    throw new Error('not implemented');
  }

  async batch(_batchId: string): Promise<CountyBatchDetail | null> {
    throw new Error('not implemented');
  }

  async review(_args: ParsedArgsOf<'county.review'>, _user: SessionUser): Promise<CountyBatchView> {
    throw new Error('not implemented');
  }

  async unlock(_args: ParsedArgsOf<'county.unlock'>, _user: SessionUser): Promise<{ id: string }> {
    throw new Error('not implemented');
  }

  async conflicts(): Promise<CountyConflictView[]> {
    throw new Error('not implemented');
  }

  async resolve(_args: ParsedArgsOf<'county.resolve'>, _user: SessionUser): Promise<{ id: string; rev: string }> {
    throw new Error('not implemented');
  }
}
