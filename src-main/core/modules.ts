// What the core hands the services that keep their handlers in their own files (printed forms,
// spreadsheets, statistics): the typed slice of the handler map they implement, and the core's
// services they build on. `deps` is a function because the core creates its services after its
// handler map.
import type { HandlerName, ParsedArgsOf, ResultOf } from '../../shared/rpc/handlers';
import type { CoreContext } from './context';
import type { CountyService } from './county/county';
import type { Session } from './session';
import type { PostsService } from './posts/posts';
import type { SyncService } from './sync/sync';
import type { TrainingService } from './training/training';

export type ModuleImpl<K extends HandlerName> = { [N in K]: (args: ParsedArgsOf<N>, session: Session) => Promise<ResultOf<N>> };

export interface ModuleDeps {
  ctx: CoreContext;
  posts: PostsService;
  training: TrainingService;
  /** Relay copies of a township's villages, the reference copy, the county server. */
  sync: SyncService;
  /** The county's review service; refuses (FORBIDDEN / not connected) away from a connected county station. */
  county(): CountyService;
}
