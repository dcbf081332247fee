// An ID-number search shows no more than the mask does (issue 15, item 12): a fragment matches
// only the digits the mask shows (the first 4 and the last 4), a whole number matches exactly and
// is audited. The fragment attack that rebuilt a masked number finds nothing to build on.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core, Session } from '../core';
import { idNumber, openStation, registration } from '../testing/fixtures';

const open: Core[] = [];
afterEach(async () => {
  while (open.length) await open.pop()!.close();
});

const TARGET = idNumber('19900520', '123');
const OTHER = idNumber('19851103', '456');

async function station() {
  const s = await openStation();
  open.push(s.core);
  const target = await s.core.call(s.session, 'residents.register', registration({ idNumber: TARGET }));
  await s.core.call(s.session, 'residents.register', registration({ idNumber: OTHER, name: '李四' }));
  const ids = async (query: string) => (await s.core.call(s.session, 'residents.search', { query })).items.map((r) => r.id);
  return { ...s, targetId: target.id, ids };
}

async function idSearchAudits(core: Core, session: Session) {
  return (await core.call(session, 'audit.list', { action: 'idSearch' })).items;
}

describe('ID-number search', () => {
  it('the fragment attack does not rebuild a masked number', async () => {
    const { core, session, targetId, ids } = await station();
    const [row] = (await core.call(session, 'residents.search', { query: '张三' })).items;
    const masked = row!.idNumberMasked;
    // Extend the digits the mask shows one digit at a time, keeping the one that still finds the person.
    let known = masked.slice(0, 4);
    let queries = 0;
    while (known.length < 14) {
      let next: string | null = null;
      for (const digit of '0123456789') {
        queries++;
        if ((await ids(known + digit)).includes(targetId)) {
          next = digit;
          break;
        }
      }
      if (next === null) break;
      known += next;
    }
    const rebuilt = known.length === 14 ? known + masked.slice(-4) : null;
    expect(rebuilt).toBeNull();
    expect(queries).toBeLessThanOrEqual(10);
    // Nor does the birth date the row shows, with the two hidden digits before it tried in turn.
    for (let d = 0; d < 100; d++) expect(await ids(`${String(d).padStart(2, '0')}${row!.birthDate.replaceAll('-', '')}`)).toEqual([]);
    expect(await idSearchAudits(core, session)).toEqual([]);
  });

  it('a fragment matches only the digits the mask shows', async () => {
    const { targetId, ids } = await station();
    expect(await ids(TARGET.slice(0, 4))).toContain(targetId);
    expect(await ids(TARGET.slice(-4))).toEqual([targetId]);
    expect(await ids(TARGET.slice(-4).toLowerCase())).toEqual([targetId]);
    // Digits the mask hides find nothing, whatever their length.
    for (const fragment of [TARGET.slice(6, 10), TARGET.slice(0, 5), TARGET.slice(0, 6), TARGET.slice(6, 14), TARGET.slice(-5), TARGET.slice(0, 17), TARGET.slice(1)]) {
      expect(await ids(fragment), fragment).toEqual([]);
    }
  });

  it('a whole number finds its person exactly (as typed: spaced, full-width) and is audited', async () => {
    const { core, session, targetId, ids } = await station();
    expect(await ids(TARGET)).toEqual([targetId]);
    const spaced = `${TARGET.slice(0, 6)} ${TARGET.slice(6, 14)} ${TARGET.slice(14)}`;
    expect(await ids(spaced)).toEqual([targetId]);
    expect(await ids(TARGET.replace(/[0-9X]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)))).toEqual([targetId]);
    // One look-up, however often the list asks again (typed three ways, refetched): one entry.
    const audits = await idSearchAudits(core, session);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: 'idSearch', by: 'wangli', targetId, field: 'idNumber' });
    expect(JSON.stringify(audits)).not.toContain(TARGET);
    // A whole number nobody here has finds nothing and tells nothing to log.
    expect(await ids(idNumber('19700101', '111'))).toEqual([]);
    expect(await idSearchAudits(core, session)).toHaveLength(1);
    // Names still search as before, unaudited.
    expect(await ids('张三')).toEqual([targetId]);
    expect(await ids('zs')).toEqual([targetId]);
    expect(await idSearchAudits(core, session)).toHaveLength(1);
  });
});
