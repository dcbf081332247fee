// How the core host process is started for a low-end village PC (issue 18). Every launcher of
// the host (the Electron main process's utilityProcess.fork `execArgv`, the preview's and the
// benchmark's `node` command line) passes these.

/**
 * V8 flags. The young generation's semi-spaces grow to 16 MB each by default (up to 48 MB of
 * heap kept for short-lived objects); the host's calls allocate little at a time, so 1 MB each
 * keeps about 30 MB less for the cost of more frequent, smaller scavenges.
 */
export const HOST_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=1'];

/**
 * Environment for a plain-Node host (glibc): at most two malloc arenas. LevelDB's background
 * compaction and libuv's threads otherwise each get an arena that keeps its freed memory
 * (about 15 MB of RSS at 100,000 residents). Electron's utility process has its own allocator.
 */
export const HOST_MALLOC_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };
