// PouchDB Server with one fix so it behaves like CouchDB: pouchdb-validation overwrites the
// incoming document's `_revisions` with the stored document's before running validate_doc_update,
// so in any database that has validation, a replicated write (new_edits: false) of a new revision
// or of a conflicting branch is silently dropped (CouchDB stores both). We validate a copy instead
// and leave the written document alone. The patch fails loudly if the package changes.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

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

load('pouchdb-server/lib/index.js');
