// Builds everything that is not the renderer with esbuild: the Electron main process and
// preload, the core host (for Electron's utilityProcess and for plain Node) and the benchmark.
// esbuild rather than electron-vite: the core host must build and run without the Electron
// binary (CI cannot download it), and these are four small entry points.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Dependencies stay in node_modules (electron-builder packs them; leveldown is native).
  packages: 'external',
};

await Promise.all([
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
