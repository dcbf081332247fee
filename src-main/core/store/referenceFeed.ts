// The county's reference copy (county_ref, replicated by sync): policy parameters the county
// edits, posts it set up for this station's place and its course catalogue join the station's own
// caches, and stay current from the copy's changes feed.
import type { PouchDB as P } from 'pouchdb-node';
import { placeWithin } from '../../../shared/places';
import type { DocCache } from './docCache';
import { prefixRange } from './db';
import { ID_PREFIX, type CourseDoc, type PolicyDoc, type PostDoc } from './docs';

export interface ReferenceFeedDeps {
  /** The reference copy (once sync is connected). */
  referenceDb(): P.Database;
  /** The station's place code. */
  placeCode(): string;
  policies: DocCache<PolicyDoc>;
  posts: DocCache<PostDoc>;
  courses: DocCache<CourseDoc>;
}

export class ReferenceFeed {
  private changes: P.Changes<object> | null = null;

  constructor(private readonly deps: ReferenceFeedDeps) {}

  /**
   * Policy parameters the county edits arrive in the reference copy of county_ref; they join the
   * station's own (a county's revision of a shipped default wins, being the later revision).
   */
  async follow(): Promise<void> {
    if (this.changes) return;
    const { policies, posts, courses } = this.deps;
    const county = this.deps.placeCode().slice(0, 6);
    const reference = this.deps.referenceDb();
    const inCounty = (doc: { placeCode?: unknown } | undefined) => typeof doc?.placeCode === 'string' && doc.placeCode.startsWith(county);
    const since = (await reference.info()).update_seq;
    const existing = await reference.allDocs<PolicyDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.policy) });
    for (const row of existing.rows) if (row.doc && inCounty(row.doc)) policies.put(row.doc as PolicyDoc & { _rev: string });
    // Posts the county set up for this station's place (a village's own, a township's villages')
    // are used here like the station's own: holders, attendance, month sheets.
    const station = this.deps.placeCode();
    const forStation = (doc: { placeCode?: unknown } | undefined) => typeof doc?.placeCode === 'string' && placeWithin(doc.placeCode, station);
    const postDocs = await reference.allDocs<PostDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.post) });
    for (const row of postDocs.rows) if (row.doc && forStation(row.doc)) posts.put(row.doc as PostDoc & { _rev: string });
    // The county's course catalogue, for the sessions stations run.
    const courseDocs = await reference.allDocs<CourseDoc>({ include_docs: true, ...prefixRange(ID_PREFIX.course) });
    for (const row of courseDocs.rows) if (row.doc && inCounty(row.doc)) courses.put(row.doc as CourseDoc & { _rev: string });
    this.changes = reference
      .changes<object>({ since, live: true, include_docs: true })
      .on('change', (change) => {
        if (change.id.startsWith(ID_PREFIX.policy) && !change.deleted && inCounty(change.doc as { placeCode?: unknown })) policies.apply(change);
        if (change.id.startsWith(ID_PREFIX.course) && !change.deleted && inCounty(change.doc as { placeCode?: unknown })) {
          courses.put(change.doc as unknown as CourseDoc & { _rev: string });
        }
        if (change.id.startsWith(ID_PREFIX.post) && !change.deleted && forStation(change.doc as { placeCode?: unknown })) {
          posts.put(change.doc as unknown as PostDoc & { _rev: string });
        }
      })
      .on('error', () => undefined);
  }

  stop(): void {
    this.changes?.cancel();
  }
}
