import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/*.test.ts', 'shared/**/*.test.ts', 'src-main/**/*.test.ts', 'src-renderer/**/*.test.{ts,tsx}', 'county/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
