// Records as a person names them (labels.ts) and whether the county locked them: for screens that
// show records by id (the county's returns, conflicts the county resolved). Part of the one
// handler map (see ../rpc/handlers.ts).
import { z } from 'zod';
import { ALL_ROLES, handler } from '../rpc/define';
import type { RecordLabel } from './labelTypes';

export interface RecordInfo {
  id: string;
  label: RecordLabel;
  /** The document exists at this station. */
  found: boolean;
  /** The day the county accepted it, while it is locked (not unlocked since); else null. */
  lockedAt: string | null;
}

export const recordsHandlers = {
  /** Labels and lock states of records of this station, in the order asked. */
  'records.labels': handler<RecordInfo[]>()(z.strictObject({ ids: z.array(z.string().min(1).max(300)).max(500) }), ALL_ROLES),
} as const;
