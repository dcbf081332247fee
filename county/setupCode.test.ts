import { describe, expect, it } from 'vitest';
import { decodeSetupCode, encodeSetupCode } from '../shared/county/setupCode';

const key = Buffer.alloc(32, 7).toString('base64');

describe('setup code', () => {
  it('reads back what it wrote, and reads codes written with Node base64url (the first provisioning CLI)', () => {
    const fields = { url: 'https://县.example:6984/', user: 'station-370102001002', password: 'ab+/cd==?', place: '370102001002', key };
    const code = encodeSetupCode(fields);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSetupCode(code)).toEqual({ v: 2, ...fields });
    expect(code).toBe(Buffer.from(JSON.stringify({ v: 2, ...fields }), 'utf8').toString('base64url'));
    const v1 = Buffer.from(JSON.stringify({ v: 1, url: 'http://h', user: 'u', password: 'p', place: '370102' })).toString('base64url');
    expect(decodeSetupCode(` ${v1}\n`)).toEqual({ v: 1, url: 'http://h', user: 'u', password: 'p', place: '370102' });
  });

  it('carries the station\'s signing key when the county made one; codes without one still read', () => {
    const signingKey = Buffer.alloc(48, 3).toString('base64');
    const fields = { url: 'http://h', user: 'station-370102001002', password: 'p', place: '370102001002', key, signingKey };
    expect(decodeSetupCode(encodeSetupCode(fields))).toEqual({ v: 2, ...fields });
    const { signingKey: _none, ...before } = fields;
    expect(decodeSetupCode(encodeSetupCode(before))).toEqual({ v: 2, ...before });
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeSetupCode(encode({ v: 2, ...before, signingKey: Buffer.alloc(32).toString('base64') }))).toBeNull();
    expect(decodeSetupCode(encode({ v: 2, ...before, signingKey: 42 }))).toBeNull();
  });

  it('refuses what is not a code: garbage, missing fields, a v2 code without a 32-byte key', () => {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeSetupCode('not a code!')).toBeNull();
    expect(decodeSetupCode(encode({ v: 2 }))).toBeNull();
    expect(decodeSetupCode(encode({ v: 3, url: 'u', user: 'u', password: 'p', place: '370102' }))).toBeNull();
    expect(decodeSetupCode(encode({ v: 2, url: 'u', user: 'u', password: 'p', place: '370102' }))).toBeNull();
    expect(decodeSetupCode(encode({ v: 2, url: 'u', user: 'u', password: 'p', place: '370102', key: Buffer.alloc(16).toString('base64') }))).toBeNull();
    expect(decodeSetupCode(Buffer.from([0xff, 0xfe, 0x00]).toString('base64url'))).toBeNull();
  });
});
