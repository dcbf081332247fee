// Builds everything that is not the renderer with esbuild: the Electron main process and
// preload, the core host (for Electron's utilityProcess and for plain Node) and the benchmark.
// esbuild rather than electron-vite: the core host must build and run without the Electron
// binary (CI cannot download it), and these are four small entry points.
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  charset: 'ascii',
  // Dependencies stay in node_modules (electron-builder packs them; leveldown is native).
  packages: 'external',
  metafile: true,
};

const outputs = await Promise.all([
  build({ ...common, entryPoints: { 'main/main': 'src-main/app/main.ts' }, outdir: 'dist', outExtension: { '.js': '.cjs' } }),
  // A sandboxed preload may only require 'electron' and a few polyfills: bundle the rest in.
  build({
    ...common,
    packages: undefined,
    external: ['electron'],
    entryPoints: { 'main/preload': 'src-main/app/preload.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  }),
  build({
    ...common,
    entryPoints: {
      'host/node-host': 'src-main/host/node-host.ts',
      'host/utility-host': 'src-main/host/utility-host.ts',
      'bench/bench': 'bench/bench.ts',
    },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
  }),
]);

/**
 * V8 keeps a script's source for as long as its functions live, and one character beyond Latin-1
 * makes it hold the whole text two bytes a character: the host's bundle held 4.5 MB of its heap
 * where ASCII holds 2.4 (issue 18). esbuild's ASCII charset escapes strings but not comments or
 * regular expressions (a Chinese word in either): those are escaped here, which means the same
 * in both; only columns after them on their own line move, so the source maps stay right.
 */
for (const file of outputs.flatMap((result) => Object.keys(result.metafile.outputs)).filter((f) => f.endsWith('.cjs'))) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\t\n\r\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
