// Pure bookkeeping of the sign-in screen: who has signed in or out of a half-day, from the
// core's records plus the results that came back since they were loaded.

import type { SignInRecordView } from '../../shared/rpc/handlers';
import type { SignDirection } from '../../shared/training/schema';

export interface SignedSets {
  in: ReadonlySet<string>;
  out: ReadonlySet<string>;
}

/** Residents with a sign-in / sign-out for the half-day: the core's records ∪ local successes. */
export function signedSets(records: readonly SignInRecordView[] | undefined, local: { in: readonly string[]; out: readonly string[] } | undefined): SignedSets {
  const signedIn = new Set<string>(local?.in ?? []);
  const signedOut = new Set<string>(local?.out ?? []);
  for (const record of records ?? []) {
    if (record.in) signedIn.add(record.residentId);
    if (record.out) signedOut.add(record.residentId);
  }
  return { in: signedIn, out: signedOut };
}

/** Adds a resident to a direction's local list (no duplicates), returning a new object. */
export function addLocal(
  local: { in: readonly string[]; out: readonly string[] } | undefined,
  direction: SignDirection,
  residentId: string,
): { in: string[]; out: string[] } {
  const next = { in: [...(local?.in ?? [])], out: [...(local?.out ?? [])] };
  if (!next[direction].includes(residentId)) next[direction].push(residentId);
  return next;
}

/** Keeps the newest `limit` entries, newest first. */
export function pushRecent<T>(list: readonly T[], entry: T, limit = 10): T[] {
  return [entry, ...list].slice(0, limit);
}
