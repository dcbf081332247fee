// Reading the county server's `_design/stats` views of the aggregate (county_<code>_aggregate)
// with the county station's account: the dashboard's and the employment counts' one way in, with
// one translation of what can go wrong (not connected, offline, refused).
import { fail } from '../context';
import type { SyncService } from '../sync/sync';
import { classifyFailure } from '../sync/http';

export interface ViewRow<K, V = unknown> {
  key: K;
  value: V;
}

/** A JSON value as a query parameter (`startkey=…`). */
export const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

/** The aggregate database of the county whose station this is. */
export const aggregateOf = (county: string) => `county_${county}_aggregate`;

/**
 * A view's rows: GET with a query, or POST with `keys` (CouchDB's multi-key lookup). Refuses with
 * the statistics' messages: not connected, offline (no answer, or not a 200), credentials.
 */
export async function countyView<K, V = unknown>(sync: SyncService, county: string, name: string, query: string, keys?: readonly unknown[]): Promise<ViewRow<K, V>[]> {
  if (!sync.isConnected()) fail({ code: 'VALIDATION', messageKey: 'errors.stats.countyNotConnected' });
  let response: { status: number; body: unknown };
  try {
    const path = `/${aggregateOf(county)}/_design/stats/_view/${name}?${query}`;
    response = await sync.serverFetch(path, keys ? { method: 'POST', body: { keys } } : {});
  } catch (error) {
    const reason = classifyFailure(error);
    fail({ code: 'VALIDATION', messageKey: reason === 'credentials' ? 'errors.stats.countyCredentials' : 'errors.stats.countyOffline' });
  }
  if (response.status === 401 || response.status === 403) fail({ code: 'FORBIDDEN', messageKey: 'errors.stats.countyCredentials' });
  if (response.status !== 200) fail({ code: 'VALIDATION', messageKey: 'errors.stats.countyOffline' });
  return (response.body as { rows: ViewRow<K, V>[] }).rows;
}
