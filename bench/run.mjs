// Runs the bundled benchmark (built by `npm run build:node`) with the given arguments.
import { spawnSync } from 'node:child_process';
const result = spawnSync(process.execPath, ['--expose-gc', 'dist/bench/bench.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
