// The setup code a county prints for a station (county/provision.ts makes it, the station's core
// reads it): base64url of JSON {v: 2, url, user, password, place, key}, `key` being the county
// secret (identity hash and USB file keys) so a station without network can still be set up for
// file transfer. Version 1 codes have no key. One format, one place: see county/README.md.
// Plain JS (TextEncoder, btoa/atob): shared/ imports no Node.

export interface SetupCodeFields {
  v: 1 | 2;
  url: string;
  user: string;
  password: string;
  place: string;
  key?: string;
}

/**
 * Where the county keeps its secret on the server: in the aggregate (county staff) and in every
 * station database (that station, its township, the county). `_local` documents never replicate,
 * and `_security` decides who reads them.
 */
export const COUNTY_SECRET_DOC = '_local/leye-county-secret';

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64(value: string): Uint8Array {
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export function encodeSetupCode(fields: Omit<SetupCodeFields, 'v'> & { key: string }): string {
  const { url, user, password, place, key } = fields;
  return toBase64Url(JSON.stringify({ v: 2, url, user, password, place, key }));
}

/** The code's fields, or null for anything that is not a well-formed code (v2 needs a 32-byte key). */
export function decodeSetupCode(code: string): SetupCodeFields | null {
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64(code.trim()))) as Record<string, unknown>;
    const { v, url, user, password, place, key } = value;
    if ((v !== 1 && v !== 2) || typeof url !== 'string' || typeof user !== 'string' || typeof password !== 'string' || typeof place !== 'string') return null;
    if (v === 2 && (typeof key !== 'string' || fromBase64(key).length !== 32)) return null;
    return { v, url, user, password, place, ...(typeof key === 'string' ? { key } : {}) };
  } catch {
    return null;
  }
}
