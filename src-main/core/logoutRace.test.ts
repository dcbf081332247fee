// Calls still running when their window logs out (issue 15, item 13): each ends with
// UNAUTHENTICATED, never INTERNAL, and leaves nothing half-done (no audit entry without its
// author, no file handed to a window that is no longer logged in).
import { describe, expect, it } from 'vitest';
import type { Core, Session } from './core';
import type { Reply } from './dispatch';
import { closedAfterEach, registration } from './testing/fixtures';

const station = closedAfterEach();

/** Lets the call run `ticks` turns of the event loop before the window logs out. */
const turns = (ticks: number) => new Promise<void>((resolve) => {
  const next = (left: number) => (left <= 0 ? resolve() : setImmediate(() => next(left - 1)));
  next(ticks);
});

async function auditCount(core: Core): Promise<number> {
  return (await core.db.allDocs({ startkey: 'audit:', endkey: 'audit:\ufff0' })).rows.length;
}

describe('a log-out while calls are in flight', () => {
  it.each([
    ['residents.reveal', (id: string) => ({ id, field: 'idNumber' })],
    ['audit.export', () => ({})],
    ['stats.export', () => ({})],
    ['diagnostics.bundle', () => ({})],
  ] as const)('%s ends UNAUTHENTICATED and writes nothing half-done', async (name, args) => {
    const { core, session } = await station();
    const { id } = await core.call(session, 'residents.register', registration());
    const user = session.user!;
    let refused = 0;
    for (const ticks of [0, 0, 1, 2, 4, 8]) {
      if (!session.user) session.user = user;
      const before = await auditCount(core);
      const call: Promise<Reply> = core.dispatch(session, name, args(id));
      const window: Session = session;
      if (ticks === 0) void core.dispatch(window, 'auth.logout', {});
      else void turns(ticks).then(() => core.dispatch(window, 'auth.logout', {}));
      const reply = await call;
      if (reply.ok) continue; // finished before the log-out: a whole answer
      expect(reply.error.code).toBe('UNAUTHENTICATED');
      refused++;
      await turns(10);
      // An audit entry written for a refused call has its author; none is left unfinished.
      const entries = await core.db.allDocs<{ createdBy?: string }>({ startkey: 'audit:', endkey: 'audit:\ufff0', include_docs: true });
      for (const row of entries.rows) expect(row.doc?.createdBy).toBeTruthy();
      expect(entries.rows.length).toBeGreaterThanOrEqual(before);
    }
    // A log-out at once always catches the call in flight.
    expect(refused).toBeGreaterThanOrEqual(2);
  });
});
