// The messages both carriers (Electron MessagePort, WebSocket) carry, unchanged.

import type { RpcError } from './errors';

export interface CallMessage {
  kind: 'call';
  id: number;
  name: string;
  args: unknown;
}

export type ReplyMessage =
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: RpcError };

export interface PushMessage {
  kind: 'push';
  event: string;
  payload: unknown;
}

/** The first message on a WebSocket: the per-run token the host printed. */
export interface HelloMessage {
  kind: 'hello';
  token: string;
}

/** The answer to a message that is not a call at all (no id to answer under): clients ignore it. */
export interface BadMessage {
  kind: 'badMessage';
  error: RpcError;
}

export type HostMessage = ReplyMessage | PushMessage | BadMessage | { kind: 'ready' };
export type ClientMessage = CallMessage | HelloMessage;
