// Entry run by Electron's utilityProcess (see portCarrier.ts). No 'electron' import: the parent
// port is a global of the utility process.
import { Core } from '../core/core';
import { parseHostArgs } from './args';
import { hostActivity } from './idleCollector';
import { parentPortSecretBox, serveParentPort, type ParentPort } from './portCarrier';
import { restrictFileModes } from '../core/store/permissions';

// First of all: whatever the core writes (LevelDB, search index, logs, backups) is this user's alone.
restrictFileModes();

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('utility-host runs inside Electron utilityProcess only; use node-host for Node.');
  process.exit(1);
}

const args = parseHostArgs(process.argv.slice(2));
if (!args.dataDir) {
  console.error('utility-host needs --data-dir');
  process.exit(1);
}
// The county account's password is sealed by the operating system's key store (main process).
const corePromise = Core.open({ dataDir: args.dataDir, secretBox: parentPortSecretBox(parentPort) });
corePromise.catch((error: unknown) => {
  console.error('Leye core failed to open its data folder:', error instanceof Error ? error.message : error);
  process.exit(1);
});

serveParentPort(parentPort, corePromise);
// Memory freed by the start (the search index, the kept facts) and later work goes back once idle.
hostActivity.start();

const shutdown = () => void corePromise.then((core) => core.close()).finally(() => process.exit(0));
process.on('SIGTERM', shutdown);
