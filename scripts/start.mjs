// `npm start`: builds if needed, then runs the app in Electron, or the browser preview (the
// core on plain Node, serving the renderer) when asked with --preview or when the Electron
// binary is not installed. Arguments after `--` go to whichever runs:
//   npm start -- --data-dir X        npm run preview -- --data-dir X
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const argv = process.argv.slice(2);
const preview = argv.includes('--preview');
// npm strips the `--` itself; drop one left over when this script is run directly.
const extra = argv.filter((arg) => arg !== '--preview' && arg !== '--');

const outputs = [
  'dist/main/main.cjs',
  'dist/main/preload.cjs',
  'dist/host/node-host.cjs',
  'dist/host/utility-host.cjs',
  'dist/renderer/index.html',
].map((file) => path.join(root, file));
const sources = ['src-main', 'shared', 'src-renderer', 'scripts/build-node.mjs', 'vite.config.ts', 'vite.plugins.ts', 'package.json'].map((file) =>
  path.join(root, file),
);

/** Newest modification time under a file or folder (tests excluded: they are not built). */
function newest(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(file) ? 0 : stat.mtimeMs;
  let time = 0;
  for (const entry of readdirSync(file)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    time = Math.max(time, newest(path.join(file, entry)));
  }
  return time;
}

function needsBuild() {
  if (!outputs.every((file) => existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return Math.max(...sources.map(newest)) > oldestOutput;
}

function build() {
  // Under npm, npm_execpath is npm's own script: run it with this Node (no shell, any OS).
  const npmCli = process.env.npm_execpath;
  const result = npmCli
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('Build failed.');
    process.exit(result.status ?? 1);
  }
}

/**
 * The Electron binary's path, or null if it is not installed. require('electron') alone would
 * try to download a missing binary (no network here), so look for path.txt and the file first.
 */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    if (!existsSync(path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8')))) return null;
  }
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null; // 'Electron failed to install correctly'
  }
}

/**
 * The plain-Node host's malloc setting (issue 18; as src-main/host/memoryFlags.ts HOST_MALLOC_ENV,
 * which a test keeps equal, and where the figures are): at most two glibc arenas, fixed mmap
 * and trim thresholds.
 */
const HOST_MALLOC_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' };

/** Removes a default option the user passed themselves (`--name value` or `--name=value`). */
function withDefault(name, value, args) {
  return args.some((arg) => arg === name || arg.startsWith(`${name}=`)) ? [] : [name, value];
}

/** Runs the child with our stdio, passes Ctrl+C / termination on and exits with its code. */
function run(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
  const forward = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('error', (error) => {
    console.error(`Could not start ${command}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (constants.signals[signal] ?? 0) : 1)));
}

if (needsBuild()) build();

/**
 * Electron 45 fetches its binary on first use rather than at install: try once (quietly, with a
 * time limit) unless told not to, as CI machines are (ELECTRON_SKIP_BINARY_DOWNLOAD=1).
 */
function fetchElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return;
  let installer;
  try {
    installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return;
  }
  process.stdout.write('Fetching the Electron binary (first start)… ');
  const result = spawnSync(process.execPath, [installer], { cwd: root, stdio: 'ignore', timeout: 180_000 });
  process.stdout.write(result.status === 0 ? 'done.\n' : 'not possible here.\n');
}

let electron = electronBinary();
if (!electron && !preview) {
  fetchElectron();
  electron = electronBinary();
}
if (preview || !electron) {
  console.log(
    electron
      ? 'Starting the browser preview (core on Node, renderer in your browser).'
      : 'Electron is not installed here; starting the browser preview instead.',
  );
  run(process.execPath, [
    path.join(root, 'dist/host/node-host.cjs'),
    ...withDefault('--data-dir', path.join(root, '.leye-data', 'preview'), extra),
    ...withDefault('--renderer', path.join(root, 'dist', 'renderer'), extra),
    ...extra,
  ], { env: { ...process.env, ...HOST_MALLOC_ENV } });
} else {
  // An inherited ELECTRON_RUN_AS_NODE would make the binary act as plain Node.
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  run(electron, ['.', ...extra], { env });
}
