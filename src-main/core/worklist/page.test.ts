// The work list in pages: a rule with 100 rows read 30 at a time, in order, without gaps or
// repeats; the totals are the whole list's; a mark moves a row from the open section to the
// marked one (both paged the same way) and the totals follow.
import { describe, expect, it } from 'vitest';
import type { WorklistItem, WorklistView } from '../../../shared/worklist/contract';
import type { Core, Session } from '../core';
import { clockedStations, idNumber, refusal, registration } from '../testing/fixtures';

// Today is 2026-11-22 at the station: registered from 2026-09-01, not contacted since: overdue.
const station = clockedStations();
const day = (n: number) => new Date(Date.UTC(2026, 8, 1) + n * 86_400_000).toISOString().slice(0, 10);

async function hundredUnemployed(core: Core, session: Session): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const date = day(i % 20);
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19800101', String(100 + i)), name: `${'王李张刘陈杨赵黄周吴'[i % 10]}${'伟芳娜敏静丽强磊军洋'[Math.floor(i / 10)]}`, registration: { kind: 'unemployment', date, unemploymentType: 'lostJob', unemployedSince: date } }));
  }
}

const page = (core: Core, session: Session, offset: number, section: 'open' | 'marked' = 'open') => core.call(session, 'worklist.list', { rule: 'unemployedNotContacted', section, offset });
const totalsOf = (view: WorklistView) => view.totals.find((t) => t.rule === 'unemployedNotContacted');
const inOrder = (rows: WorklistItem[]) => rows.every((r, i) => i === 0 || rows[i - 1]!.dueDate < r.dueDate || (rows[i - 1]!.dueDate === r.dueDate && rows[i - 1]!.key < r.key));

describe('the work list in pages', () => {
  it('pages a 100-row rule in order, without gaps or repeats; a mark moves a row to the marked section', async () => {
    const { core, session } = await station();
    await hundredUnemployed(core, session);
    const first = await core.call(session, 'worklist.list', {});
    // The screen's first call: 30 rows of the rule, the whole list's totals.
    expect(first.items).toHaveLength(30);
    expect(first).toMatchObject({ counts: { due: 0, overdue: 100 }, markedCount: 0, page: { rule: null, section: 'open', offset: 0, limit: 30 } });
    expect(totalsOf(first)).toEqual({ rule: 'unemployedNotContacted', due: 0, overdue: 100, marked: 0 });
    const pages = [];
    for (const offset of [0, 30, 60, 90]) pages.push(await page(core, session, offset));
    expect(pages.map((p) => p.items.length)).toEqual([30, 30, 30, 10]);
    expect(pages[0]!.items).toEqual(first.items);
    const all = pages.flatMap((p) => p.items);
    expect(new Set(all.map((r) => r.key)).size).toBe(100);
    expect(inOrder(all)).toBe(true);
    expect((await page(core, session, 100)).items).toEqual([]);
    // The marked section is paged the same way.
    const moved = all[45]!;
    await core.call(session, 'worklist.mark', { key: moved.key, kind: 'notApplicable', reason: '已外迁' });
    const after = await page(core, session, 30);
    expect(after).toMatchObject({ counts: { due: 0, overdue: 99 }, markedCount: 1 });
    expect(totalsOf(after)).toEqual({ rule: 'unemployedNotContacted', due: 0, overdue: 99, marked: 1 });
    expect(after.items.map((r) => r.key)).toEqual([...all.slice(30, 45), ...all.slice(46, 61)].map((r) => r.key));
    const marked = await page(core, session, 0, 'marked');
    expect(marked.items).toEqual([]);
    expect(marked.marked.map((r) => [r.key, r.mark?.kind])).toEqual([[moved.key, 'notApplicable']]);
    expect((await core.call(session, 'worklist.list', {})).marked.map((r) => r.key)).toEqual([moved.key]);
  }, 60_000);

  it('refuses a page bigger than 200 rows or an unknown rule, on the field', async () => {
    const { core, session } = await station();
    expect(await refusal(core.call(session, 'worklist.list', { rule: 'unemployedNotContacted', limit: 201 }))).toMatchObject({ code: 'VALIDATION', field: 'limit' });
    expect(await refusal(core.call(session, 'worklist.list', { rule: 'nothing' as 'noticeEnded' }))).toMatchObject({ code: 'VALIDATION', field: 'rule' });
  });
});
