// A resident's document id is a keyed hash of the ID number: two villages registering the same
// person get the same id (and meet as a conflict at the county), while the number itself never
// appears in an id, a URL or a log.
import { createHmac, randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < chars) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  return out;
}

/** 26 base32 characters = 130 bits of HMAC-SHA256. */
export function residentKey(identityKey: string, idNumber: string): string {
  const mac = createHmac('sha256', Buffer.from(identityKey, 'base64')).update(idNumber, 'utf8').digest();
  return base32(mac, 26);
}

export function newIdentityKey(): string {
  return randomBytes(32).toString('base64');
}

export function randomId(chars = 16): string {
  return base32(randomBytes(Math.ceil((chars * 5) / 8)), chars);
}
