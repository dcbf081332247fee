// PouchDB Server behind the project's front door (county/guard.mjs): PouchDB Server listens on a
// private loopback port and every request reaches it through the guard, which refuses what
// CouchDB would refuse and what crashes PouchDB Server (see county/README.md).
//
// One fix so it behaves like CouchDB: pouchdb-validation overwrites the
// incoming document's `_revisions` with the stored document's before running validate_doc_update,
// so in any database that has validation, a replicated write (new_edits: false) of a new revision
// or of a conflicting branch is silently dropped (CouchDB stores both). We validate a copy instead
// and leave the written document alone. The patch fails loudly if the package changes.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { startGuard } from './guard.mjs';

// CommonJS loading, for PouchDB Server and the patched module in its cache.
const load = createRequire(import.meta.url);
const file = load.resolve('pouchdb-validation/lib/index.js', { paths: [load.resolve('pouchdb-server/package.json')] });
const source = fs.readFileSync(file, 'utf8');
const clobber = 'newDoc._revisions = (oldDoc || {})._revisions;';
const call = 'func.call(designDoc, newDoc, oldDoc, options.userCtx, options.secObj);';
if (!source.includes(clobber) || !source.includes(call)) {
  throw new Error(`pouchdb-validation changed (${file}); review county/pouchServerMain.mjs`);
}
const patched = source
  .replace(clobber, 'var validated = Object.assign({}, newDoc, { _revisions: newDoc._revisions || (oldDoc || {})._revisions });')
  .replace(call, 'func.call(designDoc, validated, oldDoc, options.userCtx, options.secObj);');
const mod = new Module(file);
mod.filename = file;
mod.paths = Module._nodeModulePaths(path.dirname(file));
mod._compile(patched, file);
mod.loaded = true;
load.cache[file] = mod;

// The public --host/--port go to the guard; PouchDB Server gets a free loopback port.
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const publicHost = arg('--host', '127.0.0.1');
const publicPort = Number(arg('--port', '5984'));
const backendPort = await new Promise((ok, fail) => {
  const probe = createServer();
  probe.on('error', fail);
  probe.listen(0, '127.0.0.1', () => {
    const port = probe.address().port;
    probe.close(() => ok(port));
  });
});
const setArg = (name, value) => {
  const i = process.argv.indexOf(name);
  if (i >= 0) process.argv[i + 1] = value;
  else process.argv.push(name, value);
};
setArg('--host', '127.0.0.1');
setArg('--port', String(backendPort));
load('pouchdb-server/lib/index.js');
await startGuard({ host: publicHost, port: publicPort, backendPort });
