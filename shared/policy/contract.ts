// Policy parameters (dated reference values the county confirms): list and save. The values'
// schemas live in ./parameters.ts. Part of the one handler map (see ../rpc/handlers.ts).

import { z } from 'zod';
import { isoDay } from '../common/fields';
import { ALL_ROLES, POLICY_EDITORS, handler, none } from '../rpc/define';
import {
  minimumWageSchema,
  postsPolicySchema,
  registrationAgeSchema,
  retirementPolicySchema,
  trainingPolicySchema,
  worklistPolicySchema,
  assessmentPolicySchema,
  type PolicyKind,
  type PolicyValuesByKind,
} from './parameters';

export interface PolicyEntryView<K extends PolicyKind = PolicyKind> {
  id: string;
  rev: string;
  kind: K;
  effectiveFrom: string;
  /** A shipped default the county has not confirmed yet. */
  isDefault: boolean;
  values: PolicyValuesByKind[K];
  updatedBy: string;
  updatedAt: string;
}

/** With the revision of the entry it replaces; a shipped default has none (its view's rev is ''). */
const policyRev = z.string().max(100).optional();

export const policySaveSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('minimumWage'), effectiveFrom: isoDay, rev: policyRev, values: minimumWageSchema }),
    z.strictObject({ kind: z.literal('retirement'), effectiveFrom: isoDay, rev: policyRev, values: retirementPolicySchema }),
    z.strictObject({ kind: z.literal('posts'), effectiveFrom: isoDay, rev: policyRev, values: postsPolicySchema }),
    z.strictObject({ kind: z.literal('training'), effectiveFrom: isoDay, rev: policyRev, values: trainingPolicySchema }),
    z.strictObject({ kind: z.literal('registrationAge'), effectiveFrom: isoDay, rev: policyRev, values: registrationAgeSchema }),
    z.strictObject({ kind: z.literal('worklist'), effectiveFrom: isoDay, rev: policyRev, values: worklistPolicySchema }),
    z.strictObject({ kind: z.literal('assessment'), effectiveFrom: isoDay, rev: policyRev, values: assessmentPolicySchema }),
  ],
  { error: 'errors.option' },
);

export const policyHandlers = {
  'policy.list': handler<PolicyEntryView[]>()(none, ALL_ROLES),
  /** Creates the entry for a date, or replaces it (with its revision); the county confirms defaults this way. */
  'policy.save': handler<PolicyEntryView>()(policySaveSchema, POLICY_EDITORS),
} as const;
