import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOST_MALLOC_ENV } from './memoryFlags';

describe('core host memory settings', () => {
  it('limit glibc to two malloc arenas for a plain-Node host', () => {
    const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.env.MALLOC_ARENA_MAX))'], { encoding: 'utf8', env: { ...process.env, ...HOST_MALLOC_ENV } });
    expect(result.stdout).toBe('2');
  });

  it('fix the glibc mmap and trim thresholds (large buffers go back to the system when freed)', () => {
    const script = 'process.stdout.write([process.env.MALLOC_MMAP_THRESHOLD_, process.env.MALLOC_TRIM_THRESHOLD_].join())';
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, ...HOST_MALLOC_ENV } });
    expect(result.stdout).toBe('131072,131072');
  });
});

describe('the preview starts its host with the same memory settings', () => {
  it('scripts/start.mjs passes HOST_MALLOC_ENV to the plain-Node host', () => {
    const start = fs.readFileSync(path.join(__dirname, '../../scripts/start.mjs'), 'utf8');
    const declared = /^const HOST_MALLOC_ENV = (\{.*\});$/m.exec(start);
    expect(declared).not.toBeNull();
    expect(new Function(`return ${declared![1]}`)()).toEqual(HOST_MALLOC_ENV);
    // The host's spawn (node-host.cjs) gets it in its environment.
    const hostRun = start.slice(start.indexOf("'dist/host/node-host.cjs'),"));
    expect(hostRun.slice(0, hostRun.indexOf('\n} else {'))).toMatch(/\], \{ env: \{ \.\.\.process\.env, \.\.\.HOST_MALLOC_ENV \} \}\);$/);
  });
});
