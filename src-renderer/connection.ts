// React view of the bridge's connection state, for the "disconnected" banner.

import { useSyncExternalStore } from 'react';
import { connection } from './bridge';

export function useConnectionState() {
  return useSyncExternalStore(connection.onState, connection.state);
}
