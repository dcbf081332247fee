// The station's own tally kept current in the background (store/keptFacts.ts FactsFollower), so
// the dashboard's first opening finds it current and reads nothing.
import type { StationDb } from '../store/db';
import { FactsFollower } from '../store/keptFacts';
import type { Tally } from './tally';

const followed = new WeakMap<StationDb, Tally>();

/** The tally following a database (tests: what it holds before any dashboard call). */
export function followedTally(db: StationDb): Tally | undefined {
  return followed.get(db);
}

/** Starts following a database's changes with the tally; answers what the changes feed calls. */
export function followTally(tally: Tally, db: StationDb): FactsFollower {
  followed.set(db, tally);
  const follower = new FactsFollower(tally, db);
  follower.start();
  return follower;
}
