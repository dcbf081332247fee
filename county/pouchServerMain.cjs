// PouchDB Server with one fix so it behaves like CouchDB: pouchdb-validation overwrites the
// incoming document's `_revisions` with the stored document's before running validate_doc_update,
// so in any database that has validation, a replicated write (new_edits: false) of a new revision
// or of a conflicting branch is silently dropped (CouchDB stores both). We validate a copy instead
// and leave the written document alone. The patch fails loudly if the package changes.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const file = require.resolve('pouchdb-validation/lib/index.js', { paths: [require.resolve('pouchdb-server/package.json')] });
const source = fs.readFileSync(file, 'utf8');
const clobber = 'newDoc._revisions = (oldDoc || {})._revisions;';
const call = 'func.call(designDoc, newDoc, oldDoc, options.userCtx, options.secObj);';
if (!source.includes(clobber) || !source.includes(call)) {
  throw new Error(`pouchdb-validation changed (${file}); review county/pouchServerMain.cjs`);
}
const patched = source
  .replace(clobber, 'var validated = Object.assign({}, newDoc, { _revisions: newDoc._revisions || (oldDoc || {})._revisions });')
  .replace(call, 'func.call(designDoc, validated, oldDoc, options.userCtx, options.secObj);');
const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(path.dirname(file));
mod._compile(patched, file);
mod.loaded = true;
require.cache[file] = mod;

require('pouchdb-server/lib/index.js');
