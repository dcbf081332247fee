// The waiting set's digest counts what a Map of ids and revisions would, in a tenth of the memory.
import { describe, expect, it } from 'vitest';
import { WaitingDigest } from './waitingDigest';

/** A small deterministic generator (the same operations at every run). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('the waiting digest', () => {
  it('counts like a Map of ids through sets, deletions, holds and growing', () => {
    const digest = new WaitingDigest();
    const model = new Map<string, boolean>();
    const next = random(7);
    const held = () => [...model.values()].filter(Boolean).length;
    for (let i = 0; i < 60_000; i++) {
      const id = `service:370102001001:${Math.floor(next() * 20_000)}:x`;
      const op = next();
      if (op < 0.6) {
        const isHeld = next() < 0.1;
        digest.set(id, isHeld);
        model.set(id, isHeld);
      } else if (op < 0.85) {
        digest.delete(id);
        model.delete(id);
      } else {
        digest.hold(id);
        if (model.has(id)) model.set(id, true);
      }
      expect(digest.has(id)).toBe(model.has(id));
      if (i % 5_000 === 0) expect([digest.size, digest.waiting]).toEqual([model.size, model.size - held()]);
    }
    expect(digest.size).toBe(model.size);
    expect(digest.waiting).toBe(model.size - held());

    digest.releaseAll();
    expect(digest.waiting).toBe(model.size);
    for (const id of model.keys()) digest.hold(id);
    expect(digest.waiting).toBe(0);
    // Every id the model lost is gone from the digest too.
    for (let k = 0; k < 20_000; k++) {
      const id = `service:370102001001:${k}:x`;
      expect(digest.has(id)).toBe(model.has(id));
    }
  });

  it('is saved and read back as the same entries, none held, each found again by its id', async () => {
    const digest = new WaitingDigest();
    for (let i = 0; i < 50_000; i++) digest.set(`resident:370102001001:${i}`, i % 2 === 0);
    for (let i = 0; i < 50_000; i += 3) digest.delete(`resident:370102001001:${i}`);
    let pauses = 0;
    const back = await WaitingDigest.fromWords(digest.toWords(), async () => void (pauses += 1));
    // Loaded a slice at a time (the host answers calls between them).
    expect(pauses).toBe(Math.ceil(digest.size / 20_000) - 1);
    expect(back.size).toBe(digest.size);
    expect(back.waiting).toBe(back.size);
    back.hold('resident:370102001001:1');
    back.hold('resident:370102001001:3'); // deleted: not there
    expect(back.waiting).toBe(back.size - 1);
    expect([back.has('resident:370102001001:2'), back.has('resident:370102001001:3')]).toEqual([true, false]);
    back.delete('resident:370102001001:1');
    back.set('resident:370102001001:1', false);
    expect(back.size).toBe(digest.size);
    expect(back.waiting).toBe(back.size);
  });

  it('holds 700,000 documents in 8 bytes and a bit each (a Map of their ids and revisions took 130 MB)', () => {
    const digest = new WaitingDigest();
    for (let i = 0; i < 700_000; i++) digest.set(`service:370102001001:${(i * 7919).toString(36)}:${i}`, false);
    expect(digest.size).toBe(700_000);
    const arrays = digest as unknown as { keys: Uint32Array; held: Uint32Array };
    expect(arrays.keys.byteLength + arrays.held.byteLength).toBeLessThanOrEqual(8.2 * 2 ** 20);
  });
});
