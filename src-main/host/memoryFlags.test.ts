import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOST_MALLOC_ENV, HOST_NODE_FLAGS } from './memoryFlags';

// Allocates short-lived garbage as a busy host does, then reports the young generation's size.
const PROBE = `
let keep = [];
for (let i = 0; i < 200000; i++) { keep.push({ i, s: 'x' + i }); if (keep.length > 20000) keep = []; }
const space = require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
process.stdout.write(JSON.stringify({ newSpace: space.space_size, arenas: process.env.MALLOC_ARENA_MAX ?? null }));
`;

function probe(flags: readonly string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [...flags, '-e', PROBE], { encoding: 'utf8', env: { ...process.env, ...env } });
  return JSON.parse(result.stdout) as { newSpace: number; arenas: string | null };
}

describe('core host memory flags', () => {
  it('keeps the young generation small under allocation', () => {
    const withFlags = probe(HOST_NODE_FLAGS, HOST_MALLOC_ENV);
    expect(withFlags.newSpace).toBeLessThanOrEqual(3 * 1048576);
    expect(withFlags.arenas).toBe('2');
  });
});
