// PouchDB Server behind the project's front door (county/guard.mjs): PouchDB Server listens on a
// private loopback port and every request reaches it through the guard, which refuses what
// CouchDB would refuse and what crashes PouchDB Server (see county/README.md).
//
// Fixes so it behaves like CouchDB. One: pouchdb-validation overwrites the
// incoming document's `_revisions` with the stored document's before running validate_doc_update,
// so in any database that has validation, a replicated write (new_edits: false) of a new revision
// or of a conflicting branch is silently dropped (CouchDB stores both). We validate a copy instead
// and leave the written document alone. A patch fails loudly if its package changes.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { startGuard } from './guard.mjs';

// CommonJS loading, for PouchDB Server and the patched modules in its cache.
const load = createRequire(import.meta.url);
const serverPackage = load.resolve('pouchdb-server/package.json');

/** Loads a module of PouchDB Server with `replacements` made in its source; fails loudly if one no longer applies. */
function patch(name, replacements) {
  const file = load.resolve(name, { paths: [serverPackage] });
  let source = fs.readFileSync(file, 'utf8');
  for (const [from, to] of replacements) {
    if (!source.includes(from)) throw new Error(`${name} changed (${file}); review county/pouchServerMain.mjs`);
    source = source.replace(from, to);
  }
  const mod = new Module(file);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  mod._compile(source, file);
  mod.loaded = true;
  load.cache[file] = mod;
}

patch('pouchdb-validation/lib/index.js', [
  ['newDoc._revisions = (oldDoc || {})._revisions;', 'var validated = Object.assign({}, newDoc, { _revisions: newDoc._revisions || (oldDoc || {})._revisions });'],
  ['func.call(designDoc, newDoc, oldDoc, options.userCtx, options.secObj);', 'func.call(designDoc, validated, oldDoc, options.userCtx, options.secObj);'],
]);

// Two: when an administrator deletes a running replication's `_replicator` document, the
// replicator's last state write reads the deleted document and throws the 404 where nothing
// catches it, which ends the server. CouchDB just forgets the replication; so do we.
patch('pouchdb-replicator/lib/index.js', [
  [
    'function updateExistingDoc(db, docId, func) {\n  db.get(docId).then(function (doc) {\n',
    'function updateExistingDoc(db, docId, func) {\n  db.get(docId).catch(function (err) { if (err.status === 404) return null; throw err; }).then(function (doc) {\n    if (!doc) return;\n',
  ],
]);

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
