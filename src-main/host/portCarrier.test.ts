import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../shared/rpc/client';
import { LeyeError } from '../../shared/rpc/errors';
import type { HostMessage } from '../../shared/rpc/protocol';
import { Core } from '../core/core';
import { registration, tempDir, VILLAGE } from '../core/testing/fixtures';
import fs from 'node:fs';
import path from 'node:path';
import { parentPortSecretBox, serveParentPort, type ParentPort, type PortLike } from './portCarrier';
import type { SecretReply, SecretRequest } from './secretMessages';

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
    serveParentPort({ on: (event, listener) => parent.on(event, listener), postMessage: () => undefined }, Promise.resolve(core));

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

  it('lets ports main names with the same session share the login (a hidden print window), and only those', async () => {
    const core = await Core.open({ dataDir: tempDir() });
    cores.push(core);
    const parent = new EventEmitter();
    serveParentPort({ on: (event, listener) => parent.on(event, listener), postMessage: () => undefined }, Promise.resolve(core));
    const connect = async (session?: number) => {
      const { port1, port2 } = new MessageChannel();
      ports.push(port1, port2);
      parent.emit('message', { data: { kind: 'connect', ...(session === undefined ? {} : { session }) }, ports: [electronLike(port1)] });
      let receive: (m: HostMessage) => void = () => undefined;
      const ready = new Promise<void>((resolve) => port2.on('message', (m: HostMessage) => (m.kind === 'ready' ? resolve() : receive(m))));
      port2.start();
      await ready;
      return createClient({ post: (m) => port2.postMessage(m), onMessage: (r) => (receive = r) });
    };
    const main = await connect(7);
    await main.call('station.setup', { placeCode: VILLAGE, clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } });
    await main.call('auth.login', { loginName: 'wangli', password: 'secret-123' });
    const printWindow = await connect(7);
    expect((await printWindow.call('station.status', {})).user?.loginName).toBe('wangli');
    expect((await (await connect(8)).call('station.status', {})).user).toBeNull();
    expect((await (await connect()).call('station.status', {})).user).toBeNull();
  });

  it('has the county password sealed by the main process (safeStorage), never in the clear on disk', async () => {
    // A stand-in for main.ts's answerSecret: seals by reversing base64 (the test needs only
    // that the sealed text differs and only this "key store" opens it).
    const parent = new EventEmitter();
    const sealed: string[] = [];
    const port: ParentPort = {
      on: (event, listener) => parent.on(event, listener),
      postMessage: (message) => {
        const request = message as SecretRequest;
        const value =
          request.op === 'seal' ? Buffer.from(request.value).toString('base64').split('').reverse().join('') : Buffer.from(request.value.split('').reverse().join(''), 'base64').toString();
        if (request.op === 'seal') sealed.push(value);
        setImmediate(() => parent.emit('message', { data: { kind: 'secret-reply', id: request.id, value } satisfies SecretReply, ports: [] }));
      },
    };
    const dataDir = tempDir();
    const session = { user: null };
    const open = async (withBox: boolean) => {
      const core = await Core.open({ dataDir, ...(withBox ? { secretBox: parentPortSecretBox(port) } : {}) });
      cores.push(core);
      return core;
    };
    const core = await open(true);
    await core.call(session, 'station.setup', { placeCode: VILLAGE, clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } });
    await core.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    // A setup code for a server that is not there: the account is kept (the code carries the key).
    const code = Buffer.from(
      JSON.stringify({ v: 2, url: 'http://127.0.0.1:9', user: `station-${VILLAGE}`, password: 'county-password-42', place: VILLAGE, key: Buffer.alloc(32, 7).toString('base64') }),
    ).toString('base64url');
    expect(await core.call(session, 'sync.connect', { setupCode: code })).toMatchObject({ connected: true });
    const file = fs.readFileSync(path.join(dataDir, 'county-credentials.json'), 'utf8');
    expect(file).not.toContain('county-password-42');
    expect(JSON.parse(file)).toEqual({ sealed: sealed[0], box: 'safeStorage' });
    await cores.pop()!.close();

    // The app opens it again through the key store; without one (the Node host) it stays shut.
    const reopened = await open(true);
    await reopened.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    expect(await reopened.call(session, 'sync.status', {})).toMatchObject({ connected: true, server: { username: `station-${VILLAGE}` } });
    await cores.pop()!.close();
    const plain = await open(false);
    await plain.call(session, 'auth.login', { loginName: 'wangli', password: 'secret-123' });
    expect(await plain.call(session, 'sync.status', {})).toMatchObject({ connected: false });
  });
});
