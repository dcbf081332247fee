// Garbage on the WebSocket carrier: every frame after the hello gets exactly one answer (a
// result under its id, or a badMessage), the connection and the host stay up, and an oversized
// frame costs only its own connection.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { HostMessage } from '../../shared/rpc/protocol';
import { tempDir } from '../core/testing/fixtures';
import { startNodeHost, type NodeHost } from './nodeHost';
import { connectSocket } from './socketClient';

const FRAMES = 1500;

interface RawSocket {
  ws: WebSocket;
  replies: HostMessage[];
}

async function rawSocket(host: NodeHost): Promise<RawSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/rpc`);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const replies: HostMessage[] = [];
  const ready = new Promise<void>((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as HostMessage;
      if (message.kind === 'ready') resolve();
      else replies.push(message);
    });
  });
  ws.send(JSON.stringify({ kind: 'hello', token: host.token }));
  await ready;
  return { ws, replies };
}

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const garbageCall = fc.record(
  {
    kind: fc.oneof(fc.constant('call'), fc.jsonValue({ maxDepth: 1 })),
    id: fc.oneof(fc.integer({ min: 0, max: 1e6 }), fc.jsonValue({ maxDepth: 1 }), fc.constant(2 ** 60)),
    name: fc.oneof(fc.constantFrom('app.ping', 'residents.search', 'station.status', '__proto__', 'constructor', 'toString', 'x'.repeat(101)), fc.string(), fc.jsonValue({ maxDepth: 1 })),
    args: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown)),
  },
  { requiredKeys: [] },
);

/** One frame: text or binary, JSON or not. */
const frame: fc.Arbitrary<string | Buffer> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  garbageCall.map((v) => JSON.stringify(v)),
  fc.constantFrom('', '{', 'null', '[]', '{"kind":"hello","token":"x"}', '\u0000'.repeat(64), '{"kind":"call","id":1,"name":"app.ping"'),
);

describe('the WebSocket carrier under garbage', () => {
  let host: NodeHost;
  beforeAll(async () => {
    host = await startNodeHost({ dataDir: tempDir() });
  });
  afterAll(async () => {
    await host?.close();
  });

  it(`answers each of ${FRAMES} garbage frames once and keeps serving`, async () => {
    const socket = await rawSocket(host);
    const frames = fc.sample(frame, { numRuns: FRAMES, seed: 6 });
    for (const f of frames) socket.ws.send(f, { binary: Buffer.isBuffer(f) });
    await until(() => socket.replies.length >= FRAMES);
    expect(socket.replies).toHaveLength(FRAMES);
    for (const reply of socket.replies) {
      if (reply.kind === 'badMessage') expect(reply.error).toEqual({ code: 'VALIDATION', messageKey: 'errors.badMessage' });
      else expect(reply.kind).toBe('result');
    }
    expect(socket.replies.filter((r) => r.kind === 'badMessage').length).toBeGreaterThan(FRAMES / 4);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The same connection still carries a real call.
    socket.ws.send(JSON.stringify({ kind: 'call', id: 99_999_999, name: 'app.ping', args: {} }));
    await until(() => socket.replies.some((r) => r.kind === 'result' && r.id === 99_999_999 && r.ok));
    socket.ws.close();
  }, 60_000);

  it('closes only the connection that sends an oversized frame', async () => {
    const big = await rawSocket(host);
    const closed = new Promise<number>((resolve) => big.ws.once('close', resolve));
    big.ws.on('error', () => undefined);
    big.ws.send('x'.repeat(3 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const { client, close } = await connectSocket(host.port, host.token);
    expect((await client.call('app.ping', {})).version).toBeTruthy();
    close();
  });
});
