// Entry: `node dist/host/node-host.cjs --data-dir DIR [--port N] [--renderer dist/renderer]`.
// Prints the preview URL for people and one LEYE_HOST_READY line for scripts and tests.
import path from 'node:path';
import { parseHostArgs } from './args';
import { hostActivity } from './idleCollector';
import { startNodeHost } from './nodeHost';

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const dataDir = path.resolve(args.dataDir ?? '.leye-data/preview');
  const started = Date.now();
  const host = await startNodeHost({
    dataDir,
    port: args.port,
    renderer: args.renderer ? path.resolve(args.renderer) : null,
    token: args.token,
  });
  // Memory freed by the start (the search index, the kept facts) and later work goes back once idle.
  hostActivity.start();
  console.log(`乐业驿站 Leye Station preview: ${host.url}`);
  console.log(`  data folder: ${dataDir}`);
  console.log(`LEYE_HOST_READY ${JSON.stringify({ url: host.url, port: host.port, token: host.token, startMs: Date.now() - started })}`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Leye core host failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
