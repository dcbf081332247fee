import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, dataUrlBase64, safeFileName } from './transferFile';

describe('transfer files', () => {
  it('round-trips bytes through base64, in chunks for large files', () => {
    const bytes = new Uint8Array(200_001);
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (i * 31 + 7) & 0xff;
    const base64 = bytesToBase64(bytes);
    expect(base64).toBe(Buffer.from(bytes).toString('base64'));
    expect(base64ToBytes(base64)).toEqual(bytes);
    expect(bytesToBase64(new Uint8Array())).toBe('');
    expect(base64ToBytes('')).toEqual(new Uint8Array());
  });

  it('takes the base64 out of a data URL', () => {
    expect(dataUrlBase64('data:application/octet-stream;base64,AAEC')).toBe('AAEC');
    expect(dataUrlBase64('data:application/octet-stream;base64,')).toBe('');
    expect(dataUrlBase64('nonsense')).toBe('');
  });

  it('keeps file names safe to save under', () => {
    expect(safeFileName('leye-370102001001-20250310.leye')).toBe('leye-370102001001-20250310.leye');
    expect(safeFileName('a/b\\c:d*.leye')).toBe('a_b_c_d_.leye');
    expect(safeFileName('  ')).toBe('leye-transfer.bin');
  });
});
