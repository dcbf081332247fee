// The plausible registration age: a dated policy parameter (16 to 100 shipped) the station's
// registration refuses outside of, on the ID number field, with the age and the range.
import { describe, expect, it } from 'vitest';
import { clockedStations, idNumber, refusal, registration } from '../testing/fixtures';

const station = clockedStations();

describe('plausible registration age', () => {
  it('refuses someone born 1880 (a right check digit, 146 years old) on the ID number, and stores nothing', async () => {
    const { core, session } = await station();
    const error = await refusal(core.call(session, 'residents.register', registration({ idNumber: idNumber('18800101', '131') })));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'idNumber',
      messageKey: 'errors.age.implausible',
      params: { age: 146, min: 16, max: 100 },
      issues: [{ field: 'idNumber', messageKey: 'errors.age.implausible', params: { age: 146, min: 16, max: 100 } }],
    });
    expect((await core.db.allDocs({ startkey: 'resident:', endkey: 'resident:\ufff0' })).rows).toHaveLength(0);
    // 101 on the registration date is out, 99 is in.
    expect((await refusal(core.call(session, 'residents.register', registration({ idNumber: idNumber('19250101', '131') })))).params).toEqual({ age: 101, min: 16, max: 100 });
    await core.call(session, 'residents.register', registration({ idNumber: idNumber('19270101', '131') }));
  });

  it('ships 16 to 100 as a labelled default the county confirms', async () => {
    const { core, session } = await station();
    const entries = (await core.call(session, 'policy.list', {})).filter((e) => e.kind === 'registrationAge');
    expect(entries).toEqual([expect.objectContaining({ kind: 'registrationAge', isDefault: true, values: { minAge: 16, maxAge: 100 } })]);
  });

  it('applies a county-edited range to registrations dated from its day on, and refuses an upside-down range', async () => {
    const { core, session } = await station();
    expect(await refusal(core.call(session, 'policy.save', { kind: 'registrationAge', effectiveFrom: '2026-11-01', values: { minAge: 60, maxAge: 50 } }))).toMatchObject({
      field: 'values.maxAge',
      messageKey: 'errors.policy.ageRange',
    });
    const saved = await core.call(session, 'policy.save', { kind: 'registrationAge', effectiveFrom: '2026-11-01', values: { minAge: 16, maxAge: 90 } });
    expect(saved).toMatchObject({ kind: 'registrationAge', isDefault: false, values: { minAge: 16, maxAge: 90 } });
    const born1930 = idNumber('19300101', '151');
    // 96 on 2026-11-20: outside the county's 16–90.
    const after = await refusal(core.call(session, 'residents.register', registration({ idNumber: born1930, registration: { kind: 'jobSeeking', date: '2026-11-20' } })));
    expect(after).toMatchObject({ field: 'idNumber', messageKey: 'errors.age.implausible', params: { age: 96, min: 16, max: 90 } });
    // Dated before the county's entry, the default 16–100 applies.
    await core.call(session, 'residents.register', registration({ idNumber: born1930, registration: { kind: 'jobSeeking', date: '2026-10-15' } }));
  });
});
