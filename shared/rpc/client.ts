// The client half of the bridge over any carrier that moves protocol messages. The Electron
// preload runs it over a MessagePort, the browser preview over a WebSocket.

import { LeyeError, isRpcError, type RpcError } from './errors';
import type { LeyeBridge, PushEvents, PushName } from './handlers';
import type { CallMessage, HostMessage } from './protocol';

export interface Carrier {
  post(message: CallMessage): void;
  /** Registers the single receiver of host messages. */
  onMessage(receive: (message: HostMessage) => void): void;
}

export interface ClientOptions {
  /**
   * Reject calls with the plain RpcError object instead of a LeyeError: contextBridge drops an
   * Error's own properties, so the preload hands plain data across and the page re-wraps it.
   */
  rejectWithPlainError?: boolean;
}

export function createClient(carrier: Carrier, options: ClientOptions = {}): LeyeBridge & { failAll(error: RpcError): void } {
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(reason: unknown): void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const toReason = (error: RpcError) => (options.rejectWithPlainError ? error : new LeyeError(error));

  carrier.onMessage((message) => {
    if (message.kind === 'result') {
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(toReason(message.error));
    } else if (message.kind === 'push') {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  });

  return {
    call(name, args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        try {
          carrier.post({ kind: 'call', id, name, args });
        } catch {
          pending.delete(id);
          reject(toReason({ code: 'INTERNAL', messageKey: 'errors.disconnected' }));
        }
      });
    },
    subscribe<E extends PushName>(event: E, listener: (payload: PushEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    /** Rejects every call in flight, e.g. when the connection to the core is lost. */
    failAll(error: RpcError) {
      for (const waiting of pending.values()) waiting.reject(toReason(error));
      pending.clear();
    },
  };
}

/** Turns whatever a bridge call rejected with into a LeyeError. */
export function toLeyeError(reason: unknown): LeyeError {
  if (reason instanceof LeyeError) return reason;
  if (isRpcError(reason)) return new LeyeError(reason);
  return new LeyeError({ code: 'INTERNAL', messageKey: 'errors.internal' });
}
