import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HOST_MALLOC_ENV } from './memoryFlags';

describe('core host memory settings', () => {
  it('limit glibc to two malloc arenas for a plain-Node host', () => {
    const result = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.env.MALLOC_ARENA_MAX))'], { encoding: 'utf8', env: { ...process.env, ...HOST_MALLOC_ENV } });
    expect(result.stdout).toBe('2');
  });
});
