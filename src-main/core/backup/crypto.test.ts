// The encrypted envelope on its own: a stream in, a stream out, many reads long, the tag held back.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { LeyeError } from '../../../shared/rpc/errors';
import { tempDir } from '../testing/fixtures';
import { encryptingStep, openGzipStream, readHead } from './crypto';

async function encryptTo(file: string, data: Buffer, passphrase: string): Promise<void> {
  // Fed in pieces of 10 KB, as the gzip step feeds it.
  const pieces = Array.from({ length: Math.ceil(data.length / 10_000) }, (_, i) => data.subarray(i * 10_000, (i + 1) * 10_000));
  await pipeline(Readable.from(pieces), await encryptingStep(passphrase), fs.createWriteStream(file));
}

describe('the backup envelope', () => {
  it('encrypts and decrypts a stream many reads long, piece by piece (never the whole file at once)', async () => {
    const file = path.join(tempDir(), 'big.leyebak');
    const data = randomBytes(1024 * 1024 + 7);
    await encryptTo(file, data, '一个足够长的口令 phrase');
    expect(fs.statSync(file).size).toBeGreaterThan(data.length + 16);
    expect(await readHead(file)).toMatchObject({ kind: 'encrypted', header: { version: 3 } });
    const opened = await openGzipStream(file, '一个足够长的口令 phrase');
    expect(opened.encrypted).toBe(true);
    const chunks: Buffer[] = [];
    for await (const chunk of opened.stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(8);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(128 * 1024);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('refuses a cut file and a changed tag only at the end, and a wrong passphrase at the start', async () => {
    const file = path.join(tempDir(), 'small.leyebak');
    await encryptTo(file, randomBytes(200_000), 'passphrase-0123');
    // The stream gives every byte it decrypted, then says whether the tag matched (its reader
    // decides whether the file was cut short or changed: format.ts).
    const drain = async (f: string, passphrase: string) => {
      try {
        const opened = await openGzipStream(f, passphrase);
        for await (const chunk of opened.stream) void chunk;
        return opened.tagFailed() ? 'tag failed' : null;
      } catch (error) {
        return (error as LeyeError).rpc;
      }
    };
    const good = fs.readFileSync(file);
    const cut = path.join(path.dirname(file), 'cut.leyebak');
    fs.writeFileSync(cut, good.subarray(0, good.length - 5));
    expect(await drain(cut, 'passphrase-0123')).toBe('tag failed');
    expect(await drain(file, 'passphrase-0124')).toMatchObject({ field: 'passphrase', messageKey: 'errors.backup.passphraseWrong' });
    expect(await drain(file, 'passphrase-0123')).toBeNull();
  });
});
