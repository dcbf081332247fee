// Runs the bundled benchmark (built by `npm run build:node`) with the given arguments.
// The benchmark holds the big station's core in its own process beside the seeding; at 300,000
// residents (907,350 service records, 453,675 status entries) that process passes V8's default
// 4 GB heap once the statistics export and the services phase have loaded their sets (issue 18's
// note), so it runs with 8 GB. The core host's own memory is measured in its own process.
import { spawnSync } from 'node:child_process';
const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', 'dist/bench/bench.cjs', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
