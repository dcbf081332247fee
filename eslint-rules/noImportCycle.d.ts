import type { ESLint } from 'eslint';
/** Files of each import cycle among the sources under `roots` (absolute paths), by file. */
export function importCycles(roots: string[]): Map<string, string[]>;
declare const plugin: ESLint.Plugin;
export default plugin;
