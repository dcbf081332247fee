// A minimal CouchDB HTTP client on fetch: only the CouchDB 3.x API, nothing PouchDB-Server-only.
// Credentials never go into URLs (fetch refuses them); they travel as a Basic Authorization header.

export interface Credentials {
  user: string;
  password: string;
}

export class CouchError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly reason: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(`${method} ${path}: ${status} ${error}${reason ? `: ${reason}` : ''}`);
    this.name = 'CouchError';
  }
}

export interface CouchResponse<T> {
  status: number;
  body: T;
}

/** `http://user:pass@host:5984/` → base URL without credentials and the credentials (if any). */
export function splitUrl(url: string): { base: string; credentials: Credentials | null } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`Not a URL: ${url}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`Not an http(s) URL: ${url}`);
  const credentials = u.username ? { user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : null;
  u.username = '';
  u.password = '';
  u.search = '';
  u.hash = '';
  const base = u.toString().replace(/\/+$/, '');
  return { base, credentials };
}

export function basicAuth(c: Credentials): string {
  return 'Basic ' + Buffer.from(`${c.user}:${c.password}`, 'utf8').toString('base64');
}

export class Couch {
  readonly base: string;
  constructor(
    url: string,
    readonly credentials: Credentials | null,
  ) {
    this.base = splitUrl(url).base;
  }

  /** Raw request: never throws on HTTP status, only on network failure. */
  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<CouchResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.credentials) headers.authorization = basicAuth(this.credentials);
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new Error(`Cannot reach ${this.base} (${cause?.code ?? cause?.message ?? (e as Error).message})`, { cause: e });
    }
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = { error: 'not_json', reason: text.slice(0, 200) };
    }
    return { status: res.status, body: parsed as T };
  }

  /** Request that throws a CouchError unless the status is 2xx (or listed in `ok`). */
  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, ok: number[] = []): Promise<CouchResponse<T>> {
    const r = await this.request<T>(method, path, body);
    if ((r.status >= 200 && r.status < 300) || ok.includes(r.status)) return r;
    const b = (r.body ?? {}) as { error?: string; reason?: string };
    throw new CouchError(r.status, b.error ?? 'error', b.reason ?? '', method, path);
  }

  /** The document, or null on 404. */
  async getDoc<T = Record<string, unknown>>(db: string, id: string): Promise<T | null> {
    const r = await this.call<T>('GET', `/${encodeURIComponent(db)}/${docPath(id)}`, undefined, [404]);
    return r.status === 404 ? null : r.body;
  }

  async putDoc(db: string, doc: { _id: string; [key: string]: unknown }): Promise<{ id: string; rev: string }> {
    const r = await this.call<{ id: string; rev: string }>('PUT', `/${encodeURIComponent(db)}/${docPath(doc._id)}`, doc);
    return r.body;
  }
}

/** Design documents keep their slash; everything else is encoded. */
export function docPath(id: string): string {
  if (id.startsWith('_design/')) return '_design/' + encodeURIComponent(id.slice('_design/'.length));
  if (id.startsWith('_local/')) return '_local/' + encodeURIComponent(id.slice('_local/'.length));
  return encodeURIComponent(id);
}

/** `user:password` (the password may contain ':'). */
export function parseCredentials(s: string): Credentials {
  const i = s.indexOf(':');
  if (i <= 0 || i === s.length - 1) throw new Error('Credentials must be given as user:password');
  return { user: s.slice(0, i), password: s.slice(i + 1) };
}
