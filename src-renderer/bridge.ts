// The one way the UI reaches the core. In Electron the preload exposes `window.leye`
// (its calls reject with plain RpcError objects, which contextBridge can carry); in the browser
// preview the page talks to the core host over a WebSocket, authenticated by the token the
// host printed in the URL's fragment.

import { toLeyeError } from '../shared/rpc/client';
import type { ArgsOf, HandlerName, LeyeBridge, PushEvents, PushName, ResultOf } from '../shared/rpc/handlers';
import { createSocketBridge, type ConnectionState } from './socketBridge';

declare global {
  interface Window {
    leye?: LeyeBridge;
  }
}

const TOKEN_KEY = 'leye.token';

/** Takes the token out of the URL (it must not linger in history) into this tab's session. */
function takeToken(): string | null {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

type Listener = (state: ConnectionState | 'unavailable') => void;

interface Connection {
  state(): ConnectionState | 'unavailable';
  onState(listener: Listener): () => void;
}

function unavailable(): LeyeBridge & Connection {
  const fail = () => Promise.reject(toLeyeError({ code: 'INTERNAL', messageKey: 'errors.disconnected' }));
  return {
    call: fail as LeyeBridge['call'],
    subscribe: () => () => {},
    state: () => 'unavailable',
    onState: () => () => {},
  };
}

function createBridge(): LeyeBridge & Connection {
  const preload = window.leye;
  if (preload) {
    return {
      call<N extends HandlerName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
        return preload.call(name, args).catch((reason: unknown) => {
          throw toLeyeError(reason);
        });
      },
      subscribe<E extends PushName>(event: E, listener: (payload: PushEvents[E]) => void) {
        return preload.subscribe(event, listener);
      },
      state: () => 'open',
      onState: () => () => {},
    };
  }
  const token = takeToken();
  if (!token) return unavailable();
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return createSocketBridge({ url: `${scheme}://${window.location.host}/rpc`, token });
}

const bridge = createBridge();

const lockListeners = new Set<() => void>();

/** Called when the core refuses a call because the session is locked (idle): the lock screen shows. */
export function onSessionLocked(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}

function call<N extends HandlerName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>> {
  return bridge.call(name, args).catch((reason: unknown) => {
    if (toLeyeError(reason).rpc.code === 'SESSION_LOCKED') for (const listener of lockListeners) listener();
    throw reason;
  });
}

export const leye: LeyeBridge = { call, subscribe: bridge.subscribe };
export const connection: Connection = { state: bridge.state, onState: bridge.onState };
