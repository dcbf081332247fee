// The one way a domain registers its handlers (after Actual Budget's `createApp` / `combine`):
// each domain folder exports an app built by `createApp` with its slice of the handler map and
// the in-memory caches its handlers need; `domains.ts` combines them into the whole map, which the
// dispatcher (dispatch.ts) calls after validating the argument and the caller's role.
import type { PouchDB as P } from 'pouchdb-node';
import type { HandlerName, ParsedArgsOf, ResultOf } from '../../shared/rpc/handlers';
import type { Session } from './session';
import type { StationDb } from './store/db';

export type Method<N extends HandlerName> = (args: ParsedArgsOf<N>, session: Session) => Promise<ResultOf<N>>;
export type Methods<K extends HandlerName> = { [N in K]: Method<N> };

/** A small document set kept in memory and fed by the changes feed (see store/docCache.ts). */
export interface Cache {
  /** Follows every change to keep derived facts (a tally, counts), not a set of documents of some types. */
  readonly derived?: boolean;
  ensure(db: StationDb): Promise<void>;
  accepts(id: string): boolean;
  apply(change: P.Change<object>): void;
}

export interface App<K extends HandlerName> {
  readonly name: string;
  readonly methods: Methods<K>;
  /** Loaded (once) before any of this app's handlers runs. */
  readonly caches: readonly Cache[];
}

export function createApp<K extends HandlerName>(name: string, methods: Methods<K>, options: { caches?: readonly Cache[] } = {}): App<K> {
  return { name, methods, caches: options.caches ?? [] };
}

type KeysOf<A> = A extends App<infer K> ? K : never;

export interface Combined<K extends HandlerName> {
  readonly methods: Methods<K>;
  /** The caches a handler's app declared. */
  cachesFor(name: HandlerName): readonly Cache[];
  /** Every cache any app declared (the changes feed keeps each current). */
  readonly caches: readonly Cache[];
}

/** Merges the domains' apps; a handler registered twice is a programming error. */
export function combine<A extends App<never>[]>(...apps: A): Combined<KeysOf<A[number]>> {
  const methods: Record<string, unknown> = {};
  const cachesByName = new Map<string, readonly Cache[]>();
  const all = new Set<Cache>();
  for (const app of apps) {
    for (const [name, method] of Object.entries(app.methods)) {
      if (name in methods) throw new Error(`handler ${name} registered by two apps`);
      methods[name] = method;
      cachesByName.set(name, app.caches);
    }
    for (const cache of app.caches) all.add(cache);
  }
  return {
    methods: methods as Methods<KeysOf<A[number]>>,
    cachesFor: (name) => cachesByName.get(name) ?? [],
    caches: [...all],
  };
}
