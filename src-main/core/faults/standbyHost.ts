// The Node host for the crash test, started ahead of time: it loads the whole core (several
// seconds on a busy 2-core machine) and waits for a line on stdin before it opens the data folder
// and serves, exactly as node-host.ts does then. So the test can have the next host ready while
// it kills the current one, and 20 kills fit in well under a minute and a half.
import path from 'node:path';
import { parseHostArgs } from '../../host/args';
import { startNodeHost } from '../../host/nodeHost';

const args = parseHostArgs(process.argv.slice(2));
process.stdin.once('data', () => {
  startNodeHost({ dataDir: path.resolve(args.dataDir ?? '.'), port: args.port }).then(
    (host) => {
      console.log(`LEYE_HOST_READY ${JSON.stringify({ port: host.port, token: host.token })}`);
      process.once('SIGTERM', () => void host.close().then(() => process.exit(0)));
    },
    (error: unknown) => {
      console.error('Leye core host failed to start:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
});
console.log('LEYE_HOST_STANDBY');
