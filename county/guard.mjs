// The county server's front door: an HTTP proxy in front of PouchDB Server (which listens on a
// private loopback port) that refuses what CouchDB refuses and PouchDB Server lets through or
// crashes on. county/README.md ("What the launcher enforces") lists the rules; county/attacks.test.ts
// tries each one over plain HTTP with a station's own password.
import http from 'node:http';

const SECRET_DOC = 'leye-county-secret';
/** `_users` fields a non-admin may change in its own document: the password and its hash. */
const PASSWORD_FIELDS = new Set(['_rev', '_revisions', 'password', 'derived_key', 'salt', 'iterations', 'password_scheme', 'pbkdf2_prf']);
/** Root endpoints (`/_…`) a non-admin may call; every other one is the server admin's. */
const OPEN_ROOT = new Set(['_session', '_uuids', '_up', '_users']);
/** Design functions PouchDB Server crashes on (and the app does not use): not offered at all. */
const NOT_OFFERED = new Set(['_list', '_show', '_update', '_rewrite']);
/** Built-in `_changes` filters PouchDB Server answers without crashing (others are refused). */
const SAFE_BUILTIN_FILTERS = new Set(['_doc_ids', '_design']);

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function send(res, status, error, reason) {
  if (res.headersSent) return res.end();
  const body = JSON.stringify({ error, reason });
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Sends a request (with a JSON body, if given) to the backend and collects its answer (JSON body or null). */
function ask(backend, method, path, headers, json) {
  const data = json === undefined ? null : Buffer.from(JSON.stringify(json));
  const sent = data ? { 'content-type': 'application/json', 'content-length': data.length } : {};
  return new Promise((ok, fail) => {
    const req = http.request({ ...backend, agent, method, path, headers: { accept: 'application/json', ...sent, ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        let body = null;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          // not JSON
        }
        ok({ status: res.statusCode ?? 502, body });
      });
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(data ?? undefined);
  });
}

const authHeaders = (req) => ({
  ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
  ...(req.headers.cookie ? { cookie: req.headers.cookie } : {}),
});

/** Who is asking, as PouchDB Server itself sees them (`_session`). */
async function whoIs(backend, req) {
  const r = await ask(backend, 'GET', '/_session', authHeaders(req));
  const ctx = r.body && typeof r.body === 'object' ? r.body.userCtx : null;
  const name = ctx && typeof ctx.name === 'string' ? ctx.name : null;
  const roles = ctx && Array.isArray(ctx.roles) ? ctx.roles : [];
  return { name, roles, admin: roles.includes('_admin'), failed: r.status === 401 };
}

function readBody(req) {
  return new Promise((ok, fail) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => ok(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

function parseJson(buf) {
  try {
    return JSON.parse(buf.toString('utf8'));
  } catch {
    return undefined;
  }
}

const stable = (v) =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** 401 for the anonymous, 403 for a signed-in non-admin. */
function refuse(res, who, reason) {
  if (who.name === null) send(res, 401, 'unauthorized', reason);
  else send(res, 403, 'forbidden', reason);
}

/**
 * A non-admin writing `_users`: only `PUT /_users/org.couchdb.user:<itself>` that keeps every
 * field but the password as stored (roles exactly as they are). Returns the refusal reason, or null.
 */
async function usersWrite(backend, req, who, docId, body) {
  if (req.method !== 'PUT' || who.name === null || docId !== `org.couchdb.user:${who.name}`) return 'Only a server admin may change user documents.';
  const next = parseJson(body);
  if (!next || typeof next !== 'object' || Array.isArray(next)) return 'The user document must be a JSON object.';
  const stored = await ask(backend, 'GET', `/_users/${encodeURIComponent(docId)}`, authHeaders(req));
  if (stored.status !== 200 || !stored.body) return 'Only a server admin may create user documents.';
  const keep = (d) => Object.fromEntries(Object.entries(d).filter(([k]) => !PASSWORD_FIELDS.has(k)));
  const was = keep(stored.body);
  const now = keep({ _id: docId, ...next });
  if (stable(was.roles) !== stable(now.roles)) return 'Only a server admin may change roles.';
  if (stable(was) !== stable(now)) return 'A user may change only its own password.';
  return null;
}

/** `_changes?filter=…`: refused unless the filter exists (PouchDB Server crashes on a missing one). */
async function changesFilter(backend, req, db, query) {
  const filter = query.get('filter');
  if (filter === null || SAFE_BUILTIN_FILTERS.has(filter)) return null;
  const named = filter === '_view' ? query.get('view') : filter.startsWith('_') ? null : filter;
  const parts = named ? named.split('/') : [];
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { status: 400, error: 'bad_request', reason: `Unsupported filter ${filter}` };
  const ddoc = await ask(backend, 'GET', `/${encodeURIComponent(db)}/_design/${encodeURIComponent(parts[0])}`, authHeaders(req));
  if (ddoc.status !== 200) return { status: ddoc.status === 404 ? 404 : ddoc.status, error: ddoc.body?.error ?? 'not_found', reason: ddoc.body?.reason ?? 'missing' };
  const fns = filter === '_view' ? ddoc.body?.views : ddoc.body?.filters;
  const fn = filter === '_view' ? fns?.[parts[1]]?.map : fns?.[parts[1]];
  if (typeof fn !== 'string') return { status: 404, error: 'not_found', reason: `missing ${filter === '_view' ? 'view' : 'filter'} ${named}` };
  return null;
}

/**
 * A replicated write (`_bulk_docs` with `new_edits: false`) into a station's database by a
 * non-county account: a revision whose history does not pass through the current revision of a
 * record the county locked (`countyLock`) would plant a branch beside the county's version (a
 * fabricated history). validate_doc_update cannot tell on CouchDB, so the front door refuses such
 * documents here, each with its reason, as `_bulk_docs` refuses a document. Only records whose
 * current revision is not in the new history are read (a station's ordinary push descends from
 * what the server holds and costs one `_all_docs` of ids). Returns the refused ids and reasons.
 */
async function lockedBranches(backend, req, who, db, docs) {
  const county = db.slice('station_'.length, 'station_'.length + 6);
  if (who.admin || who.roles.includes(`county:${county}`)) return [];
  const named = docs.filter((d) => d && typeof d === 'object' && typeof d._id === 'string' && !d._id.startsWith('_'));
  if (named.length === 0) return [];
  const path = `/${encodeURIComponent(db)}/_all_docs`;
  const current = await ask(backend, 'POST', path, authHeaders(req), { keys: named.map((d) => d._id) });
  const revs = new Map();
  for (const row of current.body?.rows ?? []) if (row?.value?.rev && !row.value.deleted) revs.set(row.id, row.value.rev);
  const history = (d) => {
    const h = d._revisions;
    if (!h || !Number.isSafeInteger(h.start) || !Array.isArray(h.ids)) return typeof d._rev === 'string' ? [d._rev] : [];
    return h.ids.map((id, i) => `${h.start - i}-${id}`);
  };
  const branching = named.filter((d) => revs.has(d._id) && !history(d).includes(revs.get(d._id)));
  if (branching.length === 0) return [];
  const held = await ask(backend, 'POST', `${path}?include_docs=true`, authHeaders(req), { keys: [...new Set(branching.map((d) => d._id))] });
  const locked = new Map();
  for (const row of held.body?.rows ?? []) {
    const lock = row?.doc?.countyLock;
    if (lock && typeof lock === 'object') locked.set(row.id, String(lock.at).slice(0, 10));
  }
  return branching
    .filter((d) => locked.has(d._id))
    .map((d) => ({ id: d._id, error: 'forbidden', reason: `document ${d._id} was accepted by the county on ${locked.get(d._id)} and is locked; a revision beside the county's is refused` }));
}

/** A `_bulk_docs` with some documents refused here: the others go on, the answer lists both. */
async function bulkWithout(backend, req, res, parsed, refused) {
  const out = new Set(refused.map((r) => r.id));
  const docs = parsed.docs.filter((d) => !(d && typeof d === 'object' && out.has(d._id)));
  let stored = { status: 201, body: [] };
  if (docs.length > 0) stored = await ask(backend, 'POST', req.url ?? '/', authHeaders(req), { ...parsed, docs });
  if (stored.status !== 201 || !Array.isArray(stored.body)) return send(res, stored.status, stored.body?.error ?? 'bad_gateway', stored.body?.reason ?? 'The county database is not answering.');
  const body = JSON.stringify([...stored.body, ...refused]);
  res.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Decides about one request: null to forward it, or sends the refusal itself and returns true. */
async function judge(backend, req, res, body) {
  const url = new URL(req.url ?? '/', 'http://x');
  const segments = url.pathname.split('/').filter(Boolean).map((s) => decodeURIComponent(s));
  const method = req.method ?? 'GET';
  const reading = method === 'GET' || method === 'HEAD';
  const [db = '', ...rest] = segments;
  const docId = rest.join('/');
  let who = null;
  const ask_ = async () => (who ??= await whoIs(backend, req));

  if (db === '') return false;
  if (rest.length >= 2 && rest[0] === '_design' && NOT_OFFERED.has(rest[2])) {
    send(res, 404, 'not_found', `${rest[2]} is not offered by this county server`);
    return true;
  }
  if (db === '_replicator' || db === '_replicate') {
    if ((await ask_()).admin) return false;
    refuse(res, who, 'Only a server admin may use replication documents.');
    return true;
  }
  if (db === '_users') {
    if ((await ask_()).admin) return false;
    if (reading && who.name !== null && docId === `org.couchdb.user:${who.name}`) return false;
    const reason = reading ? 'Only a server admin may read other user documents.' : await usersWrite(backend, req, who, docId, body);
    if (reason === null) return false;
    refuse(res, who, reason);
    return true;
  }
  if (db.startsWith('_') && !OPEN_ROOT.has(db)) {
    if ((await ask_()).admin) return false;
    refuse(res, who, 'Only a server admin may do this.');
    return true;
  }
  if (db.startsWith('_')) return false;
  if (rest.length === 0 && (method === 'PUT' || method === 'DELETE')) {
    if ((await ask_()).admin) return false;
    refuse(res, who, 'Only a server admin may create or delete databases.');
    return true;
  }
  if (!reading && (docId.includes(SECRET_DOC) || String(req.headers.destination ?? '').includes(SECRET_DOC) || body.includes(SECRET_DOC))) {
    if (!(await ask_()).admin) {
      refuse(res, who, 'Only a server admin may write the county secret.');
      return true;
    }
  }
  if (method === 'POST' && rest.length === 1 && rest[0] === '_bulk_docs' && db.startsWith('station_')) {
    const parsed = parseJson(body);
    if (parsed && parsed.new_edits === false && Array.isArray(parsed.docs)) {
      const refused = await lockedBranches(backend, req, await ask_(), db, parsed.docs);
      if (refused.length > 0) {
        await bulkWithout(backend, req, res, parsed, refused);
        return true;
      }
    }
  }
  if (rest[0] === '_changes') {
    const refused = await changesFilter(backend, req, db, url.searchParams);
    if (refused) {
      send(res, refused.status, refused.error, refused.reason);
      return true;
    }
  }
  return false;
}

/** Forwards one request (its body already read) to the backend and streams the answer back. */
function forward(backend, req, res, body) {
  const headers = { ...req.headers };
  if (body.length || 'content-length' in headers || 'transfer-encoding' in headers) {
    delete headers['transfer-encoding'];
    headers['content-length'] = String(body.length);
  }
  const out = http.request({ ...backend, agent, method: req.method, path: req.url, headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
    answer.pipe(res);
  });
  out.on('error', () => send(res, 502, 'bad_gateway', 'The county database is not answering.'));
  res.on('close', () => out.destroy());
  out.end(body);
}

/** Starts the front door on host:port, forwarding what it lets through to 127.0.0.1:backendPort. */
export function startGuard({ host, port, backendPort }) {
  const backend = { host: '127.0.0.1', port: backendPort };
  const server = http.createServer((req, res) => {
    readBody(req)
      .then(async (body) => {
        if (!(await judge(backend, req, res, body))) forward(backend, req, res, body);
      })
      .catch(() => send(res, 502, 'bad_gateway', 'The county database is not answering.'));
  });
  server.keepAliveTimeout = 65_000;
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}
