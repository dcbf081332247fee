// What the payroll (the township's sheet and the county's views) calls a place: the county's
// station directory first, then the places table, else null (shown as 未知村（code）).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeName } from '../../../shared/places';
import { openLocalDb } from '../store/db';
import type { SyncService } from '../sync/sync';
import { tempDir } from '../testing/fixtures';
import { placeNames } from './names';

describe('payroll place names', () => {
  it('takes the directory’s name, not a code written as a name, then the places table, else null', async () => {
    const db = openLocalDb(path.join(tempDir(), 'reference'));
    await db.bulkDocs([
      { _id: 'station:370102001998', type: 'station', placeCode: '370102001998', name: '新建村' },
      { _id: 'station:370102001999', type: 'station', placeCode: '370102001999', name: '370102001999' },
      { _id: 'station:370102099', type: 'station', placeCode: '370102099', name: '' },
      { _id: 'station:370102002', type: 'station', placeCode: '370102002', name: '千佛山街道（试点）' },
    ]);
    const nameOf = await placeNames({ referenceDb: () => db } as unknown as Pick<SyncService, 'referenceDb'>);
    expect(nameOf('370102001998')).toBe('新建村');
    expect(nameOf('370102001999')).toBeNull();
    expect(nameOf('370102099')).toBeNull();
    expect(nameOf('370102002')).toBe('千佛山街道（试点）');
    expect(nameOf('370102001002')).toBe(placeName('370102001002'));
    await db.close();
  });
});
