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
 *
 * And glibc's mmap and trim thresholds fixed at their defaults (128 KB): set, glibc stops raising
 * the mmap threshold after each large free (up to 32 MB), so the large buffers of LevelDB reads
 * and V8's external strings keep going to mmap and back to the system when freed, instead of
 * staying in the malloc heap. Measured on one 100,000-resident station with issue 3's records
 * (bench --only memory --keep, three runs each): native rest 174-191 MB without, 115-117 MB
 * with; RSS 326-345 MB without, 270-272 MB with (64 KB and 1 MB gave the same).
 */
export const HOST_MALLOC_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '131072',
  MALLOC_TRIM_THRESHOLD_: '131072',
};
