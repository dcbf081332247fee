// Test helpers of the payroll: a village (or the township) with a post, holders, a month of
// attendance and, when asked, the month closed; its records carried to the township by USB file.
import type { ArgsOf } from '../../../shared/rpc/handlers';
import { docId } from '../../../shared/documents/registry';
import { idNumber, registration } from '../testing/fixtures';
import { importFile, type Station } from '../transfer/testStations';

export const MONTH = '2026-10';

export interface SeededPost {
  postId: string;
  holders: { residentId: string; name: string; hours: number; payDue: number }[];
}

/** A rural post at `village` with one holder per name (born in the 1970s), `days[i]` days of 4 hours each in MONTH. */
export async function seedPost(s: Pick<Station, 'core' | 'session'>, village: string, code: string, names: string[], days: number[], close: boolean, seq0 = 100): Promise<SeededPost> {
  const post: ArgsOf<'posts.save'> = {
    code,
    name: `${code} 保洁`,
    kind: 'rural',
    category: 'ruralCleaning',
    placeCode: village,
    employer: { name: '解放路街道办事处', creditCode: '' },
    plannedHoursPerMonth: 40,
    payPerMonth: 1000,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  };
  await s.core.call(s.session, 'posts.save', post);
  const postId = docId.post(village, code);
  const holders: SeededPost['holders'] = [];
  for (const [i, name] of names.entries()) {
    const { id } = await s.core.call(s.session, 'residents.register', registration({ idNumber: idNumber(`19${70 + (i % 10)}0101`, String(seq0 + i).padStart(3, '0')), name }));
    await s.core.call(s.session, 'posts.assign', { postId, residentId: id, startDate: '2026-01-01', endDate: '2026-12-31', contractNo: `HT-${code}-${i}` });
    const n = days[i] ?? 0;
    const marks = Array.from({ length: n }, (_, d) => ({ residentId: id, date: `${MONTH}-${String(d + 1).padStart(2, '0')}`, mark: 'present' as const, hours: 4 }));
    if (marks.length) await s.core.call(s.session, 'attendance.set', { postId, marks });
    const hours = n * 4;
    holders.push({ residentId: id, name, hours, payDue: Math.round(1000 * Math.min(1, hours / 40) * 100) / 100 });
  }
  if (close) await s.core.call(s.session, 'attendance.closeMonth', { postId, month: MONTH, belowMinimumReason: '试点' });
  return { postId, holders };
}

/** The village's waiting records, carried to the township on a USB file. */
export async function carry(village: Station, township: Station): Promise<void> {
  const file = await village.core.call(village.session, 'transfer.export', {});
  await importFile(township, file);
}
