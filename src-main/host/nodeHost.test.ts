import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { LeyeError } from '../../shared/rpc/errors';
import { registration, tempDir, VILLAGE } from '../core/testing/fixtures';
import { startNodeHost, type NodeHost } from './nodeHost';
import { connectSocket } from './socketClient';

const hosts: NodeHost[] = [];
afterEach(async () => {
  while (hosts.length) await hosts.pop()!.close();
});

async function host(): Promise<NodeHost> {
  const h = await startNodeHost({ dataDir: tempDir() });
  hosts.push(h);
  return h;
}

function socket(h: NodeHost, headers: Record<string, string> = {}): WebSocket {
  return new WebSocket(`ws://127.0.0.1:${h.port}/rpc`, { headers });
}

/** A typed client over a real WebSocket, as the browser preview uses. */
function connect(h: NodeHost, token = h.token) {
  return connectSocket(h.port, token);
}

describe('the WebSocket carrier', () => {
  it('carries typed calls, validation errors and pushes', async () => {
    const h = await host();
    const { client, ws } = await connect(h);
    expect((await client.call('station.status', {})).setUp).toBe(false);
    await client.call('station.setup', { placeCode: VILLAGE, clerk: { loginName: 'wangli', displayName: '王丽', password: 'secret-123' } });
    const refused = await client.call('residents.search', {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LeyeError);
    expect((refused as LeyeError).rpc.code).toBe('UNAUTHENTICATED');
    await client.call('auth.login', { loginName: 'wangli', password: 'secret-123' });
    const invalid = (await client.call('residents.register', { ...registration(), idNumber: '110105194912310021' }).catch((e: unknown) => e)) as LeyeError;
    expect(invalid.rpc).toMatchObject({ code: 'VALIDATION', field: 'idNumber', messageKey: 'errors.idNumber.checksum' });

    const pushed = new Promise<{ ids: string[] }>((resolve) => client.subscribe('residents.changed', resolve));
    // A second window registers; the first hears about it.
    const other = await connect(h);
    await other.client.call('auth.login', { loginName: 'wangli', password: 'secret-123' });
    const view = await other.client.call('residents.register', registration());
    expect((await pushed).ids).toContain(view.id);
    // Each window has its own session: logging out one leaves the other logged in.
    await other.client.call('auth.logout', {});
    expect((await client.call('residents.search', { query: 'zs' })).total).toBe(1);
    ws.close();
    other.ws.close();
  });

  it('answers an unknown handler with a coded error', async () => {
    const h = await host();
    const { client, ws } = await connect(h);
    const error = (await (client.call as (n: string, a: unknown) => Promise<unknown>)('fs.readFile', {}).catch((e: unknown) => e)) as LeyeError;
    expect(error.rpc.code).toBe('UNKNOWN_HANDLER');
    ws.close();
  });

  it('closes a connection that does not present the per-run token', async () => {
    const h = await host();
    await expect(connect(h, 'not-the-token')).rejects.toThrow('closed 4401');
  });

  it('refuses WebSocket upgrades from another origin', async () => {
    const h = await host();
    const ws = socket(h, { Origin: 'http://evil.example' });
    const status = await new Promise<number>((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).once('error', () => resolve(-1)));
    expect(status).toBe(403);
  });
});
