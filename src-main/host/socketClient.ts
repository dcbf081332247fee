// A Node client of the core host's WebSocket carrier, speaking the same protocol as the browser
// preview: for the carrier's tests, the end-to-end tests' second window and the benchmark.
import WebSocket from 'ws';
import { createClient } from '../../shared/rpc/client';
import type { LeyeBridge } from '../../shared/rpc/handlers';
import type { HostMessage } from '../../shared/rpc/protocol';

export interface SocketClient {
  client: LeyeBridge;
  ws: WebSocket;
  close(): void;
}

/** Connects, presents the token and resolves once the host is ready; rejects with `closed <code>` if refused. */
export async function connectSocket(port: number, token: string): Promise<SocketClient> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let receive: (message: HostMessage) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as HostMessage;
      if (message.kind === 'ready') resolve();
      else receive(message);
    });
    ws.once('close', (code) => reject(new Error(`closed ${code}`)));
  });
  ws.send(JSON.stringify({ kind: 'hello', token }));
  await ready;
  const client = createClient({ post: (m) => ws.send(JSON.stringify(m)), onMessage: (r) => (receive = r) });
  return { client, ws, close: () => ws.close() };
}

/** The same, from the preview URL the host prints (`http://127.0.0.1:PORT/#token=…`). */
export function connectToUrl(url: string): Promise<SocketClient> {
  const { port, hash } = new URL(url);
  return connectSocket(Number(port), new URLSearchParams(hash.slice(1)).get('token') ?? '');
}
