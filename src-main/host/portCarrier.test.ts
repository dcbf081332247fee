import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../shared/rpc/client';
import { LeyeError } from '../../shared/rpc/errors';
import type { HostMessage } from '../../shared/rpc/protocol';
import { Core } from '../core/core';
import { registration, tempDir, VILLAGE } from '../core/testing/fixtures';
import { serveParentPort, type PortLike } from './portCarrier';

/** Node's MessagePort in the shape of Electron's MessagePortMain (events carry `{data}`). */
function electronLike(port: MessagePort): PortLike {
  return {
    on: ((event: 'message' | 'close', listener: (e?: { data: unknown }) => void) => {
      if (event === 'message') port.on('message', (data) => listener({ data }));
      else port.on('close', () => listener());
    }) as PortLike['on'],
    postMessage: (message) => port.postMessage(message),
    start: () => port.start(),
  };
}

const cores: Core[] = [];
const ports: MessagePort[] = [];
afterEach(async () => {
  for (const p of ports.splice(0)) p.close();
  while (cores.length) await cores.pop()!.close();
});

describe('the MessagePort carrier (Electron utility process)', () => {
  it('carries the same typed calls, errors and pushes as the WebSocket', async () => {
    const core = await Core.open({ dataDir: tempDir() });
    cores.push(core);
    const parent = new EventEmitter();
    serveParentPort({ on: (event, listener) => parent.on(event, listener) }, Promise.resolve(core));

    // What main.ts does for each window: one channel, one end to the core, one to the page.
    const connect = async () => {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1, port2);
      parent.emit('message', { data: { kind: 'connect' }, ports: [electronLike(port1)] });
      let receive: (m: HostMessage) => void = () => undefined;
      const ready = new Promise<void>((resolve) =>
        port2.on('message', (m: HostMessage) => (m.kind === 'ready' ? resolve() : receive(m))),
      );
      port2.start();
      await ready;
      return createClient({ post: (m) => port2.postMessage(m), onMessage: (r) => (receive = r) });
    };

    const window1 = await connect();
    await window1.call('station.setup', { placeCode: VILLAGE, clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } });
    await window1.call('auth.login', { loginName: 'wangli', password: 'secret-123' });
    const bad = (await window1.call('residents.register', { ...registration(), phone: '1' }).catch((e: unknown) => e)) as LeyeError;
    expect(bad.rpc).toMatchObject({ code: 'VALIDATION', field: 'phone', messageKey: 'errors.phone' });

    const window2 = await connect();
    expect((await window2.call('station.status', {})).user).toBeNull();
    const pushed = new Promise<{ ids: string[] }>((resolve) => window1.subscribe('residents.changed', resolve));
    await window2.call('auth.login', { loginName: 'wangli', password: 'secret-123' });
    const view = await window2.call('residents.register', registration());
    expect((await pushed).ids).toContain(view.id);
  });
});
