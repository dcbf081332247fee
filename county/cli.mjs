// Bundles county/cli.ts (with shared/places) to dist/county/cli.cjs with esbuild, packages left
// external, then runs it with the given arguments. Needs only `npm ci`.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = resolve(root, 'dist/county/cli.cjs');
await build({
  entryPoints: [resolve(root, 'county/cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const child = spawn(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.cwd() });
// Ctrl+C reaches the child through the terminal's process group; just wait for it.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
