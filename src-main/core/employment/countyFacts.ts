// The employment counts' facts at a county station, from the county server's aggregate views
// (county/designDocs.ts: `employmentMonths`, `employmentHistory`): the people with an employed
// entry starting in the months asked, then each one's whole history and registration, so the
// county folds them with the same shared function as a station (shared/employment/counts.ts).
import { entryFact, residentFact, type CountFacts, type EntryFact, type EntrySource, type ResidentFact, type ResidentSource } from '../../../shared/employment/counts';
import { countyView, q } from '../stats/countyViews';
import type { SyncService } from '../sync/sync';

/** People per multi-key read of their histories (one POST each). */
const PEOPLE_PER_READ = 500;
const READS_AT_ONCE = 4;

export async function countyEmploymentFacts(sync: SyncService, county: string, from: string, to: string): Promise<CountFacts> {
  // [month, residentId] grouped: each person once per month with an employed entry starting then.
  const months = await countyView<[string, string]>(sync, county, 'employmentMonths', `group_level=2&startkey=${q([from])}&endkey=${q([to, {}])}`);
  const people = [...new Set(months.map((r) => r.key[1]))].sort();
  const entries = new Map<string, EntryFact>();
  const residents = new Map<string, ResidentFact>();
  const reads: string[][] = [];
  for (let i = 0; i < people.length; i += PEOPLE_PER_READ) reads.push(people.slice(i, i + PEOPLE_PER_READ));
  // A few reads at a time: 100,000 residents' year is some tens of reads, not one long wait each.
  for (let i = 0; i < reads.length; i += READS_AT_ONCE) {
    const answers = await Promise.all(reads.slice(i, i + READS_AT_ONCE).map((keys) => countyView<string, { r?: ResidentSource; e?: EntrySource }>(sync, county, 'employmentHistory', 'reduce=false', keys)));
    for (const row of answers.flat()) {
      if (row.value.r) residents.set(row.key, residentFact(row.value.r));
      else if (row.value.e) entries.set(row.value.e._id, entryFact(row.value.e));
    }
  }
  return { entries: [...entries.values()], residents };
}
