// The work list's facts (issue 18): each fact comes from a document or a saved copy with strings
// of its own; kept, it shares its short texts, its id and its owner with the keys.
import { describe, expect, it } from 'vitest';
import { heapGrowth } from '../testing/heap';
import { Grouped } from './grouped';

/** Service entries as a saved copy gives them: [owner, id, fact], every string parsed apart. */
function saved(): [string, string, { id: string; entry: string; date: string; kind: string }][] {
  const entries = [];
  for (let i = 0; i < 60_000; i++) {
    const owner = `resident:370102001002-${String(i % 20_000).padStart(8, '0')}`;
    const id = `service:370102001002:${String(i).padStart(8, '0')}:2026-03-${String((i % 28) + 1).padStart(2, '0')}`;
    entries.push([owner, id, { id, entry: 'service', date: `2026-03-${String((i % 28) + 1).padStart(2, '0')}`, kind: i % 3 ? 'jobReferral' : 'policyAdvice' }]);
  }
  return JSON.parse(JSON.stringify(entries)) as ReturnType<typeof saved>;
}

describe('the work list’s grouped facts', () => {
  it('keep a saved copy’s entries in well under what their parsed copies hold', async () => {
    const { kept, grows } = heapGrowth();
    const parsed = await grows(() => saved());
    const grouped = await grows(() => {
      const g = new Grouped<{ id: string; entry: string; date: string; kind: string }>();
      for (const [owner, id, fact] of saved()) g.set(owner, id, fact);
      return g;
    });
    const g = kept[1] as Grouped<{ id: string; date: string }>;
    expect(g.byOwner.size).toBe(20_000);
    expect(g.of('resident:370102001002-00000007').map((f) => f.date)).toEqual(['2026-03-08', '2026-03-16', '2026-03-24']);
    expect(g.delete('service:370102001002:00000007:2026-03-08')).toBe('resident:370102001002-00000007');
    // Measured: 0.73 of it; 1.06 with every parsed string kept.
    expect(grouped).toBeLessThan(parsed * 0.85);
  });
});
