import { defineConfig } from 'vitest/config';
import { accessLists } from './vite.plugins.ts';

export default defineConfig({
  plugins: [accessLists()],
  test: {
    include: ['tests/*.test.ts', 'shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'county/**/*.test.ts'],
    // Sign-in times are local wall-clock times: run the tests in the users' time zone.
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
