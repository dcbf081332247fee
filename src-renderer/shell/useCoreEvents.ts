// Keeps the query cache in step with the core's pushes and with reconnects.

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { leye } from '../bridge';
import { useConnectionState } from '../connection';
import { residentKeys } from '../residents/queries';
import { STATUS_KEY } from '../station/queries';

export function useCoreEvents() {
  const client = useQueryClient();
  const state = useConnectionState();
  const wasDown = useRef(false);

  useEffect(() => {
    const offStation = leye.subscribe('station.changed', (status) => client.setQueryData(STATUS_KEY, status));
    const offResidents = leye.subscribe('residents.changed', () => {
      void client.invalidateQueries({ queryKey: residentKeys.lists });
      void client.invalidateQueries({ queryKey: residentKeys.all });
    });
    return () => {
      offStation();
      offResidents();
    };
  }, [client]);

  useEffect(() => {
    if (state === 'disconnected') wasDown.current = true;
    // Anything may have changed while the core was away (or it restarted and forgot the login).
    if (state === 'open' && wasDown.current) {
      wasDown.current = false;
      void client.invalidateQueries();
    }
  }, [state, client]);

  return state;
}
