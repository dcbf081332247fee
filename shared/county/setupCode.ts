// The setup code a county prints for a station (county/provision.ts makes it, the station's core
// reads it): base64url of JSON {v: 2, url, user, password, place, key, signingKey?}, `key` being
// the county secret (identity hash and USB file keys) so a station without network can still be
// set up for file transfer, `signingKey` the station's own Ed25519 private key (PKCS#8 DER,
// base64) whose public half the county publishes in its station directory: the station signs its
// USB files with it. Version 1 codes have no key; codes made before signing keys have no
// `signingKey` (the station then makes its own pair). One format, one place: see county/README.md.
// Plain JS (TextEncoder, btoa/atob): shared/ imports no Node.

export interface SetupCodeFields {
  v: 1 | 2;
  url: string;
  user: string;
  password: string;
  place: string;
  key?: string;
  /** The station's Ed25519 private key (PKCS#8 DER, base64), when the county made its pair. */
  signingKey?: string;
}

/** Bytes of an Ed25519 private key in PKCS#8 DER (the form `signingKey` carries). */
export const SIGNING_KEY_BYTES = 48;

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
  const { url, user, password, place, key, signingKey } = fields;
  return toBase64Url(JSON.stringify({ v: 2, url, user, password, place, key, ...(signingKey !== undefined ? { signingKey } : {}) }));
}

/**
 * The code's fields, or null for anything that is not a well-formed code (v2 needs a 32-byte key;
 * a signing key, when there is one, is 48 bytes).
 */
export function decodeSetupCode(code: string): SetupCodeFields | null {
  try {
    const value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64(code.trim()))) as Record<string, unknown>;
    const { v, url, user, password, place, key, signingKey } = value;
    if ((v !== 1 && v !== 2) || typeof url !== 'string' || typeof user !== 'string' || typeof password !== 'string' || typeof place !== 'string') return null;
    if (v === 2 && (typeof key !== 'string' || fromBase64(key).length !== 32)) return null;
    if (signingKey !== undefined && (typeof signingKey !== 'string' || fromBase64(signingKey).length !== SIGNING_KEY_BYTES)) return null;
    return { v, url, user, password, place, ...(typeof key === 'string' ? { key } : {}), ...(typeof signingKey === 'string' ? { signingKey } : {}) };
  } catch {
    return null;
  }
}
