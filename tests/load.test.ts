// Issue 6's multi-station load, small enough for CI: ten village stations write their records,
// then all sync at once against one county server on 127.0.0.1. Every revision written at a
// station must be in its database on the server and, through the county's replication, in the
// aggregate; every station must end with nothing waiting. (`npm run bench -- --only load` runs
// the same with 50 stations and hundreds of records each, and measures it.)
import { describe, expect, it } from 'vitest';
import { runLoad } from '../bench/load';

describe('many stations syncing at once', () => {
  it('lose nothing: every record written at ten stations reaches the server and the county aggregate', { timeout: 120_000 }, async () => {
    const report = await runLoad({ stations: 10, residentsPerStation: 40, holdersPerStation: 1, daysPerHolder: 9, deadlineMs: 60_000 });
    // 40 residents, a post, one assignment and 9 days of attendance at each station.
    expect(report.recordsWritten).toBe(10 * 51);
    expect(report.stillWaiting).toEqual([]);
    expect(report.stationDrainMs.every((ms) => ms !== null)).toBe(true);
    expect(report.missingOnServer).toEqual([]);
    expect(report.missingInAggregate).toEqual([]);
    // The aggregate holds every station's documents once each, and nothing else.
    expect(report.serverDocs).toBeGreaterThanOrEqual(report.recordsWritten);
    expect(report.aggregateDocs).toBe(report.aggregateExpectedDocs);
  });
});
