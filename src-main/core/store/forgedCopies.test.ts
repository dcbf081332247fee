// A kept copy damaged or written by hand (a file of the station's `kept/` folder) never stops the
// screen it serves: the work list, the statistics and the audit log read their facts afresh and
// answer as they did before (issue 18: the copies are JSON lines, see ./savedLines.ts).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SAVED_AUDIT_COUNTS } from '../audit/counts';
import { SAVED_TALLY } from '../stats/tally';
import { openStation, registration, tempDir } from '../testing/fixtures';
import { SAVED_FACTS } from '../worklist/facts';
import { keptFolderOf } from './db';
import { savedFile } from './keptFacts';

const head = (id: string, extra: object) => JSON.stringify({ lines: 1, head: { _id: id, seq: 0, ...extra }, lists: [] });
/** Forged copies, each with the current format (and the audit counts' time zone) and a sequence the database has. */
const FORGED: Record<string, (id: string, format: Record<string, unknown>) => string> = {
  'lists of the wrong things': (id, format) =>
    `${JSON.stringify({ lines: 1, head: { _id: id, seq: 0, ...format }, lists: ['residents', 'people', 'counts', 'attendance'] })}\n` +
    `${JSON.stringify({ list: 'residents', values: [1, 'x', null, { id: 5 }] })}\n${JSON.stringify({ list: 'people', values: [[1], null] })}\n` +
    `${JSON.stringify({ list: 'counts', values: [7, null] })}\n${JSON.stringify({ list: 'attendance', values: ['a'] })}\n` +
    `${JSON.stringify({ end: { residents: 4, people: 2, counts: 2, attendance: 1 } })}\n`,
  // Written as text: an object literal's `__proto__` would not be a key.
  'a list named __proto__': (id, format) =>
    `${JSON.stringify({ lines: 1, head: { _id: id, seq: 0, ...format }, lists: ['__proto__'] })}\n{"list":"__proto__","values":[{"polluted":true}]}\n{"end":{"__proto__":1}}\n`,
  'no lists at all': (id, format) => `${head(id, format)}\n${JSON.stringify({ end: {} })}\n`,
  'a negative sequence': (id, format) => `${head(id, { ...format, seq: -5 })}\n${JSON.stringify({ end: {} })}\n`,
  'not JSON': () => 'garbage\n',
};

describe('a forged or damaged kept copy', () => {
  it.each(Object.keys(FORGED))('(%s) is read as none: the work list, statistics and audit log answer as before', async (name) => {
    const dataDir = tempDir();
    const first = await openStation(dataDir);
    await first.core.call(first.session, 'residents.register', registration());
    const answers = async (s: typeof first) => ({
      worklist: (await s.core.call(s.session, 'worklist.list', {})).counts,
      stats: (await s.core.call(s.session, 'stats.dashboard', {})).total,
      audit: (await s.core.call(s.session, 'audit.list', { offset: 0, limit: 5 })).items.map((e) => e.action),
    });
    const before = await answers(first);
    const folder = keptFolderOf(first.core.db)!;
    await first.core.close();
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(savedFile(folder, SAVED_FACTS), FORGED[name]!(SAVED_FACTS, { format: 6 }));
    fs.writeFileSync(savedFile(folder, SAVED_TALLY), FORGED[name]!(SAVED_TALLY, { format: 1 }));
    fs.writeFileSync(savedFile(folder, SAVED_AUDIT_COUNTS), FORGED[name]!(SAVED_AUDIT_COUNTS, { format: 1, zone: `${Intl.DateTimeFormat().resolvedOptions().timeZone}|${new Date(0).getTimezoneOffset()}` }));
    const again = await openStation(dataDir);
    try {
      const after = await answers(again);
      expect(after.worklist).toEqual(before.worklist);
      expect(after.stats).toEqual(before.stats);
      // The second start's login is the newest entry; the rest as before.
      expect(after.audit.slice(1)).toEqual(before.audit.slice(0, 4));
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    } finally {
      await again.core.close();
    }
  });
});
