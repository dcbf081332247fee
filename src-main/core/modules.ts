// What the core hands the services that read across domains (printed forms, spreadsheets,
// statistics, diagnostics): the context and the domain services they build on, as values.
import type { CoreContext } from './context';
import type { CountyService } from './county/county';
import type { PostsService } from './posts/posts';
import type { SyncService } from './sync/sync';
import type { TrainingService } from './training/training';

export interface ModuleDeps {
  ctx: CoreContext;
  posts: PostsService;
  training: TrainingService;
  /** Relay copies of a township's villages, the reference copy, the county server. */
  sync: SyncService;
  /** The county's review service; refuses (FORBIDDEN / not connected) away from a connected county station. */
  county(): CountyService;
}
