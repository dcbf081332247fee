// What a connection (one window) knows about its caller; the carriers create one per window
// and the dispatcher passes it to every handler.
import type { SessionUser } from '../../shared/rpc/handlers';

export interface SessionState {
  /** The account's epoch at login; a later role change, disabling or reset ends the session. */
  accountEpoch?: number;
  /** Monotonic ms of the last call that counted as activity. */
  lastCallAt?: number;
  locked?: boolean;
}

export interface Session extends SessionState {
  user: SessionUser | null;
}
