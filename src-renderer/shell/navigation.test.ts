import { describe, expect, it } from 'vitest';
import { menuKeyOf, visibleGroups } from './navigation';

const targets = (role: Parameters<typeof visibleGroups>[0], county: boolean) => visibleGroups(role, county).map((group) => [group.key, group.entries.map((entry) => entry.target)]);

describe('side menu', () => {
  it('shows an administrator at a county station every group', () => {
    expect(targets('admin', true)).toEqual([
      ['people', ['residents', 'register']],
      ['posts', ['posts', 'payroll']],
      ['training', ['training']],
      ['stats', ['stats', 'sheets']],
      ['sync', ['county', 'conflicts']],
      ['system', ['policy', 'backup', 'users', 'audit']],
    ]);
  });

  it('hides the county review at a village, and the administration from a clerk', () => {
    expect(targets('clerk', false)).toEqual([
      ['people', ['worklist', 'residents', 'register']],
      ['posts', ['posts']],
      ['training', ['training']],
      ['stats', ['stats', 'sheets']],
      ['system', ['policy', 'backup']],
    ]);
  });

  it('shows county staff the review but not the registration they may not make', () => {
    const shown = targets('county', true);
    expect(shown[0]).toEqual(['people', ['residents']]);
    expect(shown).toContainEqual(['sync', ['county', 'conflicts']]);
    expect(shown.flatMap(([, entries]) => entries)).not.toContain('users');
  });

  it('lights the entry a page belongs to', () => {
    expect(menuKeyOf({ name: 'attendance', postId: 'post:1', month: '2026-01' })).toBe('posts');
    expect(menuKeyOf({ name: 'signIn', sessionId: 'training:1' })).toBe('training');
    expect(menuKeyOf({ name: 'resident', id: 'resident:1' })).toBe('residents');
    expect(menuKeyOf({ name: 'countyBatch', id: 'b1' })).toBe('county');
    expect(menuKeyOf({ name: 'about' })).toBeNull();
    expect(menuKeyOf({ name: 'worklist', placeCode: '370102001002' })).toBe('worklist');
  });

  it('offers the payroll (补贴发放表) at a township and, as every township’s status, at the county; not at a village', () => {
    const at = (role: Parameters<typeof visibleGroups>[0], county: boolean, township: boolean) => visibleGroups(role, county, township).flatMap((g) => g.entries.map((e) => e.target));
    expect(at('township', false, true)).toContain('payroll');
    expect(at('clerk', false, false)).not.toContain('payroll');
    expect(at('county', true, false)).toContain('payroll');
    expect(visibleGroups('county', true).flatMap((g) => g.entries).filter((e) => e.target === 'payroll')).toMatchObject([{ needs: 'payroll.county' }]);
  });

  it('offers 待办 at village and township stations, not at the county', () => {
    expect(targets('township', false)[0]).toEqual(['people', ['worklist', 'residents', 'register']]);
    expect(targets('county', true).flatMap(([, entries]) => entries)).not.toContain('worklist');
  });
});
