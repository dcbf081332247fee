// County review, on a county station online with a county staff account: the stations and
// their last sync, batches and their review, unlocking an accepted record, and conflicts.
// Part of the one handler map (see ../rpc/handlers.ts).

import { z } from 'zod';
import type { FieldIssue } from '../rpc/errors';
import { docId, docRev, freeText, requiredText, stationBelowCounty as countyPlace } from '../common/fields';
import { COUNTY_STAFF, handler, none } from '../rpc/define';
import { ID_PATTERNS } from '../documents/ids';
import type { RecordLabel } from '../documents/labelTypes';

/** A station in the county's directory and when it last synced. */
export interface CountyStationView {
  placeCode: string;
  name: string;
  level: 'village' | 'township';
  /** The station's last sync that reached the county (its heartbeat), or null if never. */
  lastSyncAt: string | null;
  /** Whole days since lastSyncAt; null if never. */
  daysSinceSync: number | null;
  /** Not synced for at least the asked number of days (or never). */
  stale: boolean;
  /** Batches of this station without a county decision. */
  batchesWaiting: number;
  /**
   * The station's work list (待办) as its last heartbeat counted it (a village without its own
   * counts, as its township's heartbeat counted it from the relay copy); null if none reported.
   */
  worklist?: { due: number; overdue: number; asOf: string } | null;
}

export type CountyBatchStatus = 'new' | 'accepted' | 'returned' | 'partial';

export interface CountyBatchView {
  id: string;
  placeCode: string;
  stationName: string;
  createdAt: string;
  /** The station account's login name, and its display name (what a person reads). */
  createdBy: string;
  createdByName: string;
  via: 'sync' | 'file';
  counts: Record<string, number>;
  documents: number;
  status: CountyBatchStatus;
  /** When the county decided, and who. */
  reviewedAt: string | null;
  reviewedBy: string | null;
}

/** One record of a batch as the county sees it. */
export interface CountyRecordView {
  id: string;
  /** The revision the batch carried. */
  rev: string;
  type: string;
  /** What a person recognises: a resident's name and masked ID number, a post's name, a day… (formatRecordLabel words it). */
  label: RecordLabel;
  /** new: first revision; updated: a later revision of a record the county had. */
  change: 'new' | 'updated';
  /** The revision the county holds now; differs from rev when the station changed it since. */
  currentRev: string | null;
  /** County rules the record fails (message keys translated by the UI, with the field). */
  problems: FieldIssue[];
  /** This record's earlier decision in this batch's review, if any. */
  decision: 'accepted' | 'returned' | null;
  reason: string;
}

export interface CountyBatchDetail {
  batch: CountyBatchView;
  records: CountyRecordView[];
  /** The manifest's checksum recomputed over its id/revision list. */
  checksumOk: boolean;
  /** Records the manifest names that have not reached the county (yet). */
  missing: string[];
}

/** One revision of a conflicted record, field by field (sensitive values masked). */
export interface ConflictRevisionView {
  rev: string;
  placeCode: string;
  stationName: string;
  updatedAt: string;
  updatedBy: string;
  /** CouchDB's current winner: what lists show until a person decides. */
  winner: boolean;
  fields: Record<string, string>;
}

export interface CountyConflictView {
  id: string;
  type: string;
  /** The record as a person knows it (worded by formatRecordLabel in the reader's language). */
  label: RecordLabel;
  revisions: ConflictRevisionView[];
  /** Field names whose values differ between the revisions. */
  differing: string[];
  /** The revisions come from different places (or one from another place than its id carries): a station may have written another's record. */
  suspectedForgery: boolean;
}

const batchId = z.string().regex(ID_PATTERNS.batch, { error: 'errors.id' });

export const countyReviewSchema = z
  .strictObject({
    batchId,
    records: z
      .array(
        z.strictObject({
          id: docId,
          rev: docRev,
          decision: z.enum(['accepted', 'returned'], { error: 'errors.option' }),
          reason: freeText(200).default(''),
        }),
      )
      .min(1, { error: 'errors.required' })
      .max(50_000),
  })
  .superRefine((value, ctx) => {
    value.records.forEach((r, i) => {
      if (r.decision === 'returned' && r.reason.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['records', i, 'reason'], message: 'errors.county.reasonRequired' });
      }
    });
  });

export const countyResolveSchema = z.strictObject({
  id: docId,
  /** The revision whose values are kept (and which stays the record's branch). */
  keepRev: docRev,
  /** Merge: for a field, take the value of another revision instead. */
  fields: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9.]{0,63}$/), docRev).default({}),
  reason: requiredText(200),
});

export const countyHandlers = {
  /** The county's stations and when each last synced; `staleDays` marks the silent ones. */
  'county.stations': handler<CountyStationView[]>()(z.strictObject({ staleDays: z.number().int().min(1).max(365).default(7) }), COUNTY_STAFF),
  'county.batches': handler<CountyBatchView[]>()(
    z.strictObject({ placeCode: countyPlace.optional(), status: z.enum(['new', 'accepted', 'returned', 'partial']).optional() }),
    COUNTY_STAFF,
  ),
  'county.batch': handler<CountyBatchDetail | null>()(z.strictObject({ batchId }), COUNTY_STAFF),
  /** Writes the county's decision (`review:<batch>`) into the station's database on the server. */
  'county.review': handler<CountyBatchView>()(countyReviewSchema, COUNTY_STAFF),
  /** Lets the station change a record the county accepted (`unlock:<record>:<time>`). */
  'county.unlock': handler<{ id: string }>()(z.strictObject({ placeCode: countyPlace, id: docId, reason: requiredText(200) }), COUNTY_STAFF),
  'county.conflicts': handler<CountyConflictView[]>()(none, COUNTY_STAFF),
  /** Keeps one revision (optionally with fields of others); the losing revisions are kept in a resolution record. */
  'county.resolve': handler<{ id: string; rev: string }>()(countyResolveSchema, COUNTY_STAFF),
} as const;
