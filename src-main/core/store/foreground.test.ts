// The calls go first: a background step waits while a call is in flight (up to a limit), the
// dispatcher counts every call, and a kept copy's file is written between calls, not during them,
// and taken in at a start behind them (unless a call waits for it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { closedAfterEach, tempDir } from '../testing/fixtures';
import { KEPT_FOLDER, openStationDb } from './db';
import { Foreground, foregroundOf, YIELD_LIMIT_MS } from './foreground';
import { SavedCopy, savedFile, takeInSlices } from './keptFacts';
import { writeLines } from './savedLines';

const open = closedAfterEach();

/** Whether a promise has settled after the pending callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('Foreground', () => {
  it('gives a background step its turn at once when no call is in flight, else when the last call ends', async () => {
    const foreground = new Foreground();
    foreground.limitMs = 60_000;
    expect(await settled(foreground.turn())).toBe(true);
    foreground.enter();
    foreground.enter();
    const turn = foreground.turn();
    expect(await settled(turn)).toBe(false);
    foreground.leave();
    expect(await settled(turn)).toBe(false);
    foreground.leave();
    expect(await settled(turn)).toBe(true);
    expect(foreground.calls).toBe(0);
  });

  it('keeps a step waiting through calls that come back to back, and lets it go after its caller has the answer', async () => {
    const foreground = new Foreground();
    foreground.limitMs = 60_000;
    foreground.enter();
    const turn = foreground.turn();
    // One call ends and the next begins before the event loop turns (a busy caller's loop).
    foreground.leave();
    foreground.enter();
    expect(await settled(turn)).toBe(false);
    foreground.leave();
    let order = '';
    void turn.then(() => (order += 'step;'));
    // The caller's answer (a promise settled as the call ends) comes before the step.
    void Promise.resolve().then(() => (order += 'answer;'));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toBe('answer;step;');
  });

  it('lets a step go ahead beside a long call after the limit', async () => {
    const foreground = new Foreground();
    foreground.enter();
    const started = performance.now();
    await foreground.turn();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(YIELD_LIMIT_MS - 5);
    expect(waited).toBeLessThan(YIELD_LIMIT_MS * 20);
    // The call is still in flight, a long one now: the next steps go on beside it at once.
    expect(foreground.calls).toBe(1);
    expect(await settled(foreground.turn())).toBe(true);
    expect(await settled(foreground.turn())).toBe(true);
    foreground.leave();
    expect(foreground.calls).toBe(0);
  });

  it('holds a copy being written as lines at its first line while a call is in flight, and finishes it after', async () => {
    const foreground = new Foreground();
    // Held by the call alone, however slow the machine (not let go as a long call).
    foreground.limitMs = 60_000;
    const file = path.join(tempDir(), 'copy.json');
    const handle = await fs.promises.open(file, 'w');
    const copy = { seq: 7, rows: Array.from({ length: 10_000 }, (_, i) => [i, `row ${i}`]) };
    foreground.enter();
    const writing = writeLines(handle, copy, () => foreground.turn());
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The head is written; the slices wait for the call.
    expect(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    foreground.leave();
    await writing;
    await handle.close();
    // The head, 40 slices of 250 and the closing line.
    expect(fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(42);
  });
});

describe('a station saving its kept facts', () => {
  it('writes the copy a slice at a time between the calls on its database', async () => {
    const dataDir = tempDir();
    const db = openStationDb(dataDir);
    try {
      const foreground = foregroundOf(db);
      // Held by the call alone, however slow the machine (not let go as a long call).
      foreground.limitMs = 60_000;
      const copy = new SavedCopy(100);
      const id = '_local/test-facts';
      foreground.enter();
      copy.save(db, { _id: id, seq: 3, rows: Array.from({ length: 10_000 }, (_, i) => i) } as { _id: string; seq: number });
      await new Promise((resolve) => setTimeout(resolve, 50));
      // Not saved while the call is in flight: the file is still being written (its head alone).
      expect(copy.seq).toBe(-1);
      foreground.leave();
      await vi.waitUntil(() => copy.seq === 3, { timeout: 2_000 });
      expect(fs.readFileSync(savedFile(path.join(dataDir, KEPT_FOLDER), id), 'utf8').split('\n').filter(Boolean)).toHaveLength(42);
    } finally {
      await db.close();
    }
  });
});

describe('a station taking its kept facts in at a start', () => {
  const ID = '_local/test-facts';
  const ENTRIES = 20_000;

  /** A station database with a saved copy of ENTRIES entries, and a fresh copy to take it in. */
  async function savedStation() {
    const db = openStationDb(tempDir());
    const saving = new SavedCopy(100);
    saving.save(db, { _id: ID, seq: 3, rows: Array.from({ length: ENTRIES }, (_, i) => i) } as { _id: string; seq: number });
    await vi.waitUntil(() => saving.seq === 3, { timeout: 5_000 });
    const foreground = foregroundOf(db);
    // Held by the call alone, however slow the machine (not let go as a long call).
    foreground.limitMs = 60_000;
    const taken: number[] = [];
    const copy = new SavedCopy(100);
    const restore = () => copy.restore<{ seq: number; rows: number[] }>(db, ID, async (saved, step) => (await takeInSlices(saved.rows, (n) => taken.push(n), step), true), () => (taken.length = 0));
    return { db, foreground, copy, taken, restore };
  }

  it('takes the copy in behind the calls in flight, and all of it once they are answered', async () => {
    const { db, foreground, taken, restore } = await savedStation();
    try {
      foreground.enter();
      const restoring = restore();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await settled(restoring)).toBe(false);
      expect(taken.length).toBeLessThan(ENTRIES);
      foreground.leave();
      expect(await restoring).toBe(3);
      expect(taken).toHaveLength(ENTRIES);
    } finally {
      await db.close();
    }
  });

  it('stops waiting for the calls in flight once a call waits for the facts themselves', async () => {
    const { db, foreground, copy, taken, restore } = await savedStation();
    try {
      // The call in flight is the one that asked for the facts (the statistics' first opening).
      foreground.enter();
      const restoring = restore();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await settled(restoring)).toBe(false);
      copy.hurry();
      expect(await restoring).toBe(3);
      expect(taken).toHaveLength(ENTRIES);
      expect(foreground.calls).toBe(1);
      foreground.leave();
    } finally {
      await db.close();
    }
  });
});

describe('the dispatcher', () => {
  it('counts each call in flight on its station database until it is answered or refused', async () => {
    const { core, session } = await open();
    const foreground = foregroundOf(core.db);
    expect(foreground.calls).toBe(0);
    const answered = core.call(session, 'residents.search', { query: '' });
    const refused = core.call(session, 'residents.get', { id: 'not-a-resident' }).catch((error: unknown) => error);
    expect(foreground.calls).toBe(2);
    await Promise.all([answered, refused]);
    expect(foreground.calls).toBe(0);
  });
});
