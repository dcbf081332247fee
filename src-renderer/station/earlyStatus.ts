// The station status, asked for as soon as the bridge exists (issue 18): main.tsx imports this
// before the language's texts, so the core answers while they load, and the first render shows
// the login screen (or the setup screen, or the user's home) instead of a spinner and then it.
import type { StationStatus } from '../../shared/rpc/handlers';
import { leye } from '../bridge';

let pending: Promise<StationStatus> | null = leye.call('station.status', {});
let answered: StationStatus | undefined;
pending.then(
  (status) => {
    answered = status;
  },
  () => undefined, // the query that takes the promise sees the failure (and retries as it would)
);

/**
 * Resolves when the status asked for at start has its answer (or failed), or after `waitMs`,
 * whichever is first: main.tsx awaits it with the language's texts, so the first render is the
 * right screen, not a loading state drawn (and its code fetched) on a slow PC and then replaced.
 */
export function earlyStatusSettled(waitMs: number): Promise<void> {
  const call = pending;
  if (!call || answered) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    call.then(done, done);
  });
}

/** The status asked for at start, for the first read only (every later read asks the core again); null once taken. */
export function takeEarlyStatus(): Promise<StationStatus> | null {
  const promise = pending;
  pending = null;
  return promise;
}

/** Its answer, if it has come and was not taken yet. */
export function earlyAnswer(): StationStatus | undefined {
  return pending ? answered : undefined;
}
