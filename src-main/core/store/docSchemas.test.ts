// The stored-document schemas of the registry (shared/documents) describe what the core really
// writes: every document of a station with residents, a post with holders and marks, a training
// session with enrolments and sign-ins, audits and the station's own document passes both its
// type's schema and the quarantine's check.
import { afterEach, describe, expect, it } from 'vitest';
import { schemaOfId, typeOfId } from '../../../shared/documents';
import type { Core } from '../core';
import { documentProblem } from './docSchemas';
import { openStation, tempDir } from '../testing/fixtures';
import { seedStation } from '../testing/statsData';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

describe('the stored-document schemas', () => {
  it('accept every document the core writes', async () => {
    let now = new Date('2026-11-22T10:00:00+08:00');
    const s = await openStation(tempDir(), () => now);
    open.push(s.core);
    await seedStation({ core: s.core, session: s.session, placeCode: '370102001002', at: (iso) => (now = new Date(iso)) }, 1, 8, true);
    const all = await s.core.db.allDocs<Record<string, unknown>>({ include_docs: true });
    const types = new Set<string>();
    const problems = all.rows.flatMap((row) => {
      const type = typeOfId(row.id);
      if (!type) return [`${row.id}: no type`];
      types.add(type);
      const parsed = schemaOfId(row.id)!.safeParse(row.doc);
      const problem = documentProblem(row.doc as Record<string, unknown>);
      return [
        ...(parsed.success ? [] : [`${row.id}: ${JSON.stringify(parsed.error.issues[0])}`]),
        ...(problem ? [`${row.id}: ${problem.field} ${problem.messageKey}`] : []),
      ];
    });
    expect(problems).toEqual([]);
    expect([...types].sort()).toEqual(expect.arrayContaining(['assignment', 'attendance', 'enrolment', 'policy', 'post', 'resident', 'signIn', 'station', 'training']));
  });
});
