// How the core host process is started for a low-end village PC (issue 18). Every launcher of
// a plain-Node host (the preview's and the benchmark's `node` command line) passes this.
//
// Measured on one 100,000-resident station (bench --only memory --keep): RSS 234 MB as is,
// 221 MB with MALLOC_ARENA_MAX=2; `--max-semi-space-size=1` (or 2) took the V8 heap from 149 to
// 120 MB but grew the native rest by 45-60 MB (261-267 MB in all), so the host keeps V8's default.

/**
 * Environment for a plain-Node host (glibc): at most two malloc arenas. LevelDB's background
 * compaction and libuv's threads otherwise each get an arena that keeps its freed memory
 * (13 MB of RSS at 100,000 residents). Electron's utility process has its own allocator.
 */
export const HOST_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
