import { describe, expect, it } from 'vitest';
import { LeyeError } from '../shared/rpc/errors';
import { createSocketBridge, type SocketLike } from './socketBridge';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.onclose?.({});
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('socket bridge', () => {
  it('says hello with the token, queues calls until ready, then answers them', async () => {
    const sockets: FakeSocket[] = [];
    const bridge = createSocketBridge({ url: 'ws://x/rpc', token: 'T', openSocket: () => (sockets.push(new FakeSocket()), sockets.at(-1)!) });
    const result = bridge.call('app.ping', {});
    const socket = sockets[0]!;
    socket.open();
    expect(socket.sent).toEqual([{ kind: 'hello', token: 'T' }]);
    socket.receive({ kind: 'ready' });
    expect(bridge.state()).toBe('open');
    expect(socket.sent[1]).toMatchObject({ kind: 'call', name: 'app.ping', args: {} });
    const id = (socket.sent[1] as { id: number }).id;
    socket.receive({ kind: 'result', id, ok: true, value: { version: '1', now: 'n' } });
    await expect(result).resolves.toEqual({ version: '1', now: 'n' });
    bridge.dispose();
  });

  it('delivers pushes and rejects with LeyeError', async () => {
    const socket = new FakeSocket();
    const bridge = createSocketBridge({ url: 'ws://x/rpc', token: 'T', openSocket: () => socket });
    socket.open();
    socket.receive({ kind: 'ready' });
    const seen: unknown[] = [];
    bridge.subscribe('residents.changed', (payload) => seen.push(payload));
    socket.receive({ kind: 'push', event: 'residents.changed', payload: { ids: ['a'] } });
    expect(seen).toEqual([{ ids: ['a'] }]);
    const call = bridge.call('station.status', {});
    const id = (socket.sent.at(-1) as { id: number }).id;
    socket.receive({ kind: 'result', id, ok: false, error: { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' } });
    await expect(call).rejects.toBeInstanceOf(LeyeError);
    bridge.dispose();
  });

  it('fails calls in flight on close, fails fast while down, and reconnects', async () => {
    const sockets: FakeSocket[] = [];
    const states: string[] = [];
    const bridge = createSocketBridge({
      url: 'ws://x/rpc',
      token: 'T',
      delays: [1],
      openSocket: () => (sockets.push(new FakeSocket()), sockets.at(-1)!),
    });
    bridge.onState((s) => states.push(s));
    sockets[0]!.open();
    sockets[0]!.receive({ kind: 'ready' });
    const inFlight = bridge.call('app.ping', {});
    sockets[0]!.close();
    await expect(inFlight).rejects.toMatchObject({ rpc: { messageKey: 'errors.disconnected' } });
    await expect(bridge.call('app.ping', {})).rejects.toMatchObject({ rpc: { messageKey: 'errors.disconnected' } });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sockets).toHaveLength(2);
    sockets[1]!.open();
    expect(sockets[1]!.sent[0]).toEqual({ kind: 'hello', token: 'T' });
    sockets[1]!.receive({ kind: 'ready' });
    await tick();
    expect(states).toEqual(['open', 'disconnected', 'open']);
    bridge.dispose();
  });
});
