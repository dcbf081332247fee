// How the county shows and merges a record: its fields as dotted paths (masked), its label, reading and setting one path.
import { labelDocuments, type RecordLabel } from '../../../shared/documents/labels';
import { maskIdNumber, maskPhone } from '../../../shared/id/mask';
import { keyOfId } from '../../../shared/documents/registry';
import { chunks, FETCH_CHUNK, type CountyServer } from './server';

/** Bookkeeping of every document: shown apart from the fields a person compares. */
const META_FIELDS = new Set(['type', 'schemaVersion', 'placeCode', 'createdBy', 'createdAt', 'updatedBy', 'updatedAt']);

/** A document's fields as dotted paths with display strings; ID numbers and phones masked. */
export function flattenFields(doc: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
      return;
    }
    const leaf = path.slice(path.lastIndexOf('.') + 1);
    let text: string;
    if (value === null || value === undefined) text = '';
    else if (Array.isArray(value)) text = value.every((v) => typeof v !== 'object' || v === null) ? value.join(', ') : JSON.stringify(value);
    else text = String(value);
    if (leaf === 'idNumber') text = maskIdNumber(text);
    else if (leaf === 'phone') text = maskPhone(text);
    out[path] = text;
  };
  for (const [key, value] of Object.entries(doc)) {
    if (key.startsWith('_') || META_FIELDS.has(key)) continue;
    walk(value, key);
  }
  return out;
}

export function getPath(doc: Record<string, unknown>, path: string): { found: boolean; value?: unknown } {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, part)) return { found: false };
    cur = (cur as Record<string, unknown>)[part];
  }
  return { found: true, value: cur };
}

export function setPath(doc: Record<string, unknown>, path: string, from: { found: boolean; value?: unknown }): void {
  const parts = path.split('.');
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) {
      if (!from.found) return;
      cur[part] = {};
    }
    cur = cur[part] as Record<string, unknown>;
  }
  const last = parts[parts.length - 1]!;
  if (from.found) cur[last] = structuredClone(from.value);
  else delete cur[last];
}

/**
 * What a person recognises records of a station's database by (shared/documents/labels.ts): the
 * person an attendance, an assignment, an enrolment or a sign-in is about, the post's name, the
 * session; the residents, posts and sessions they name are read from the same database.
 */
export async function labelRecords(server: CountyServer, db: string, items: readonly { id: string; doc: Record<string, unknown> | null }[]): Promise<RecordLabel[]> {
  return labelDocuments(items, async (ids) => {
    const out = new Map<string, Record<string, unknown>>();
    for (const part of chunks(ids, FETCH_CHUNK)) {
      const r = await server.request<{ rows: { key: string; doc?: Record<string, unknown> | null }[] }>('POST', `/${encodeURIComponent(db)}/_all_docs?include_docs=true`, { keys: part });
      for (const row of r.body.rows) if (row.doc) out.set(row.key, row.doc);
    }
    return out;
  });
}

/** A record as plain text, for the notice a station keeps of a resolved conflict; screens use labelRecords. */
export function recordLabel(doc: Record<string, unknown> | null, id: string): string {
  if (!doc) return id;
  const s = (key: string) => (typeof doc[key] === 'string' ? (doc[key] as string) : '');
  const post = (key = 'postId') => keyOfId(s(key));
  switch (doc.type) {
    case 'resident':
      return `${s('name')} ${maskIdNumber(s('idNumber'))}`.trim();
    case 'post':
      return `${s('name')} (${s('code')})`;
    case 'assignment':
      return `${post()} ${s('startDate')}–${s('endDate')}`;
    case 'attendance':
      return `${post()} ${s('date')} ${s('mark')}`;
    case 'monthClose':
      return `${post()} ${s('month')} ${s('status')}`;
    case 'training': {
      const course = doc.course as { occupation?: string; level?: string } | undefined;
      return `${course?.occupation ?? ''} ${s('startDate')}–${s('endDate')}`.trim();
    }
    case 'enrolment':
      return keyOfId(s('sessionId'));
    case 'signIn':
      return `${s('date')} ${s('half')}`;
    case 'station':
      return s('name');
    case 'policy':
      return `${s('kind')} ${s('effectiveFrom')}`;
    case 'audit':
      return `${s('action')} ${s('field')}`;
    default:
      return id;
  }
}
