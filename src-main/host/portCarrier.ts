// The MessagePort carrier: Electron's main process hands the utility process one port per window
// over its parent port; each port becomes a connection to the same core. Typed by what we use of
// Electron's MessagePortMain, so this file needs no 'electron' import and runs in tests on Node.
import type { Core, Session } from '../core/core';
import type { SecretBox } from '../core/sync/secretBox';
import type { SecretReply, SecretRequest } from './secretMessages';
import { attachConnection } from './connection';

export interface PortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  on(event: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

export interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: PortLike[] }) => void): void;
  postMessage(message: unknown): void;
}

/**
 * The core's SecretBox in the utility process: Electron's safeStorage lives in the main process,
 * which seals and opens on request (main.ts answers `secret` messages).
 */
export function parentPortSecretBox(parentPort: ParentPort, timeoutMs = 10_000): SecretBox {
  let next = 0;
  const waiting = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  parentPort.on('message', (event) => {
    const reply = event.data as SecretReply | null;
    if (reply?.kind !== 'secret-reply') return;
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    clearTimeout(pending.timer);
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.value);
  });
  const ask = (op: SecretRequest['op'], value: string) =>
    new Promise<string>((resolve, reject) => {
      const id = ++next;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the main process did not answer a ${op} request`));
      }, timeoutMs);
      waiting.set(id, { resolve, reject, timer });
      parentPort.postMessage({ kind: 'secret', id, op, value } satisfies SecretRequest);
    });
  return { kind: 'safeStorage', seal: (plain) => ask('seal', plain), open: (sealed) => ask('open', sealed) };
}

/**
 * Answers every `{kind: 'connect'}` message that brings a port, once the core is open. Main
 * names the window's session (`session`, a number of its choosing): ports with the same number
 * share who is logged in, so a hidden print window prints as the clerk whose window asked.
 */
export function serveParentPort(parentPort: ParentPort, core: Promise<Core>): void {
  const sessions = new Map<number, { session: Session; ports: number }>();
  parentPort.on('message', (event) => {
    const data = event.data as { kind?: string; session?: unknown } | null;
    const port = event.ports[0];
    if (data?.kind !== 'connect' || !port) return;
    const key = Number.isSafeInteger(data.session) ? (data.session as number) : null;
    void core.then((opened) => {
      let shared: { session: Session; ports: number } | undefined;
      if (key !== null) {
        shared = sessions.get(key) ?? { session: { user: null }, ports: 0 };
        shared.ports += 1;
        sessions.set(key, shared);
      }
      const connection = attachConnection(opened, (message) => port.postMessage(message), shared?.session);
      port.on('message', (e) => connection.receive(e.data));
      port.on('close', () => {
        connection.close();
        if (key !== null && shared && --shared.ports === 0) sessions.delete(key);
      });
      port.start();
      port.postMessage({ kind: 'ready' });
    });
  });
}
