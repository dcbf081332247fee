// The browser preview's carrier: a WebSocket to the core host. The first message is the
// per-run token; calls wait in a queue until the host answers 'ready'. When the socket drops,
// every call in flight fails (the core may or may not have done it, so nothing is resent)
// and the socket is reopened with back-off.

import { createClient } from '../shared/rpc/client';
import type { LeyeBridge } from '../shared/rpc/handlers';
import type { CallMessage, ClientMessage, HostMessage } from '../shared/rpc/protocol';

/** 'disconnected' lasts through the reconnect attempts, until the host says 'ready' again. */
export type ConnectionState = 'connecting' | 'open' | 'disconnected';

export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface SocketBridgeOptions {
  url: string;
  token: string;
  openSocket?: (url: string) => SocketLike;
  /** Back-off delays in ms; the last one repeats. */
  delays?: readonly number[];
}

export interface SocketBridge extends LeyeBridge {
  state(): ConnectionState;
  /** Called on every state change; returns an unsubscribe function. */
  onState(listener: (state: ConnectionState) => void): () => void;
  dispose(): void;
}

const DEFAULT_DELAYS = [250, 500, 1000, 2000, 4000, 8000];

export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const openSocket = options.openSocket ?? ((url: string) => new WebSocket(url) as unknown as SocketLike);
  const delays = options.delays ?? DEFAULT_DELAYS;
  let socket: SocketLike | null = null;
  let ready = false;
  let attempt = 0;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let state: ConnectionState = 'connecting';
  let receive: (message: HostMessage) => void = () => {};
  const queue: CallMessage[] = [];
  const stateListeners = new Set<(state: ConnectionState) => void>();

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const send = (message: ClientMessage) => socket?.send(JSON.stringify(message));

  const client = createClient({
    post(message) {
      // Queue while connecting; fail fast while the core is unreachable rather than hang.
      if (ready && socket) send(message);
      else if (state === 'disconnected') throw new Error('disconnected');
      else queue.push(message);
    },
    onMessage(receiver) {
      receive = receiver;
    },
  });

  const connect = () => {
    if (disposed) return;
    const current = openSocket(options.url);
    socket = current;
    ready = false;
    current.onopen = () => send({ kind: 'hello', token: options.token });
    current.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      let message: HostMessage;
      try {
        message = JSON.parse(event.data) as HostMessage;
      } catch {
        return;
      }
      if (message.kind === 'ready') {
        ready = true;
        attempt = 0;
        for (const queued of queue.splice(0)) send(queued);
        setState('open');
      } else {
        receive(message);
      }
    };
    current.onerror = () => {};
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      ready = false;
      queue.length = 0;
      client.failAll({ code: 'INTERNAL', messageKey: 'errors.disconnected' });
      if (disposed) return;
      setState('disconnected');
      const delay = delays[Math.min(attempt, delays.length - 1)] ?? 1000;
      attempt += 1;
      timer = setTimeout(connect, delay);
    };
  };

  connect();

  return {
    call: client.call,
    subscribe: client.subscribe,
    state: () => state,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
