// Dated policy parameters: every calculation asks for the value in force on the day it is about.
import { DEFAULT_ASSESSMENT_POLICY, toRetirementRuleSet, type PolicyKind, type PolicyValuesByKind } from '../../../shared/policy/parameters';
import { DEFAULT_POSTS_POLICY, DEFAULT_RECRUITMENT_POLICY, DEFAULT_REGISTRATION_AGE, DEFAULT_RETIREMENT_VALUES, DEFAULT_TRAINING_POLICY, DEFAULT_WORKLIST_POLICY, SHANDONG_2021_MINIMUM_WAGE } from '../../../shared/policy/defaults';
import { DEFAULT_RETIREMENT_RULES, ruleSetInForce, type RetirementRuleSet } from '../../../shared/policy/retirement';
import type { MinimumWageInForce, ParsedArgsOf, PolicyEntryView, SessionUser } from '../../../shared/rpc/handlers';
import { fail } from '../validation';
import { DocCache } from '../store/docCache';
import { ID_PREFIX, type PolicyDoc, type Stamp } from '../store/docs';
import { isConflict, type StationDb } from '../store/db';

/** Defaults apply from these days; the county replaces them with confirmed, dated values. */
const DEFAULT_FROM = { retirement: DEFAULT_RETIREMENT_RULES.effectiveFrom, posts: '2020-01-01', training: '2020-01-01', registrationAge: '2000-01-01', worklist: '2020-01-01', assessment: '2020-01-01', recruitment: '2020-01-01' } as const;

export function policyId(kind: PolicyKind, effectiveFrom: string, countyCode?: string): string {
  return kind === 'minimumWage' ? `${ID_PREFIX.policy}minimumWage:${countyCode}:${effectiveFrom}` : `${ID_PREFIX.policy}${kind}:${effectiveFrom}`;
}

export class PolicyStore {
  readonly cache = new DocCache<PolicyDoc>(ID_PREFIX.policy);

  constructor(private readonly db: StationDb) {}

  /** The shipped defaults for a new station, marked as defaults the county must confirm. */
  defaults(countyCode: string, stamp: Stamp): PolicyDoc[] {
    const entry = <K extends PolicyKind>(kind: K, effectiveFrom: string, values: PolicyValuesByKind[K]): PolicyDoc<K> => ({
      _id: policyId(kind, effectiveFrom, countyCode),
      type: 'policy',
      kind,
      effectiveFrom,
      isDefault: true,
      values,
      ...stamp,
    });
    const { effectiveFrom, tier, monthly, hourly } = SHANDONG_2021_MINIMUM_WAGE;
    return [
      entry('minimumWage', effectiveFrom, { countyCode, tier, monthly, hourly }),
      entry('retirement', DEFAULT_FROM.retirement, DEFAULT_RETIREMENT_VALUES),
      entry('posts', DEFAULT_FROM.posts, DEFAULT_POSTS_POLICY),
      entry('training', DEFAULT_FROM.training, DEFAULT_TRAINING_POLICY),
      entry('registrationAge', DEFAULT_FROM.registrationAge, DEFAULT_REGISTRATION_AGE),
      entry('worklist', DEFAULT_FROM.worklist, DEFAULT_WORKLIST_POLICY),
      entry('assessment', DEFAULT_FROM.assessment, DEFAULT_ASSESSMENT_POLICY),
      entry('recruitment', DEFAULT_FROM.recruitment, DEFAULT_RECRUITMENT_POLICY),
    ];
  }

  private inForce<K extends PolicyKind>(kind: K, day: string, countyCode?: string): PolicyDoc<K> | undefined {
    const entries = this.cache
      .values()
      .filter((d): d is typeof d & PolicyDoc<K> => d.kind === kind)
      .filter((d) => kind !== 'minimumWage' || (d.values as PolicyValuesByKind['minimumWage']).countyCode === countyCode);
    return ruleSetInForce(entries, day);
  }

  retirement(day: string): RetirementRuleSet {
    const doc = this.inForce('retirement', day);
    return doc ? toRetirementRuleSet(doc.effectiveFrom, doc.values, doc.isDefault) : DEFAULT_RETIREMENT_RULES;
  }

  posts(day: string): PolicyValuesByKind['posts'] {
    return this.inForce('posts', day)?.values ?? DEFAULT_POSTS_POLICY;
  }

  training(day: string): { values: PolicyValuesByKind['training']; isDefault: boolean } {
    const doc = this.inForce('training', day);
    return doc ? { values: doc.values, isDefault: doc.isDefault } : { values: DEFAULT_TRAINING_POLICY, isDefault: true };
  }

  /** The plausible ages on a registration date (the shipped default until the county records one). */
  registrationAge(day: string): PolicyValuesByKind['registrationAge'] {
    return this.inForce('registrationAge', day)?.values ?? DEFAULT_REGISTRATION_AGE;
  }

  /** The work list's periods in force on a day (the shipped default until the county records one). */
  worklist(day: string): { values: PolicyValuesByKind['worklist']; isDefault: boolean } {
    const doc = this.inForce('worklist', day);
    // A value recorded before a period was added keeps the added period's default.
    return doc ? { values: { ...DEFAULT_WORKLIST_POLICY, ...doc.values }, isDefault: doc.isDefault } : { values: DEFAULT_WORKLIST_POLICY, isDefault: true };
  }

  /** The 考核 parameter in force on a day (the shipped default until the county records one), with the day it applies from. */
  assessment(day: string): { values: PolicyValuesByKind['assessment']; isDefault: boolean; effectiveFrom: string } {
    const doc = this.inForce('assessment', day);
    return doc ? { values: doc.values, isDefault: doc.isDefault, effectiveFrom: doc.effectiveFrom } : { values: DEFAULT_ASSESSMENT_POLICY, isDefault: true, effectiveFrom: DEFAULT_FROM.assessment };
  }

  /** The recruitment ranking and 公示 days in force on a day (the shipped default until the county records one). */
  recruitment(day: string): PolicyValuesByKind['recruitment'] {
    return this.inForce('recruitment', day)?.values ?? DEFAULT_RECRUITMENT_POLICY;
  }

  /** The county's minimum wage in force on a day, or null when none is recorded for that day. */
  minimumWage(countyCode: string, day: string): MinimumWageInForce | null {
    const doc = this.inForce('minimumWage', day, countyCode);
    if (!doc) return null;
    return { ...doc.values, effectiveFrom: doc.effectiveFrom, isDefault: doc.isDefault };
  }

  list(): PolicyEntryView[] {
    return this.cache
      .values()
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.effectiveFrom.localeCompare(b.effectiveFrom) || a._id.localeCompare(b._id))
      .map((d) => view(d));
  }

  /** Creates the entry for its date, or replaces it given its revision; a saved value is no longer a default. */
  async save(args: ParsedArgsOf<'policy.save'>, user: SessionUser, stamp: Stamp): Promise<PolicyEntryView> {
    const countyCode = args.kind === 'minimumWage' ? args.values.countyCode : undefined;
    const id = policyId(args.kind, args.effectiveFrom, countyCode);
    const existing = this.cache.get(id);
    if (existing && existing._rev !== args.rev) {
      fail(args.rev
        ? { code: 'CONFLICT', messageKey: 'errors.conflict' }
        : { code: 'VALIDATION', field: 'effectiveFrom', messageKey: 'errors.policy.exists', params: { date: args.effectiveFrom }, issues: [{ field: 'effectiveFrom', messageKey: 'errors.policy.exists', params: { date: args.effectiveFrom } }] });
    }
    if (!existing && args.rev) fail({ code: 'NOT_FOUND', messageKey: 'errors.notFound' });
    const doc = {
      ...(existing ?? stamp),
      _id: id,
      ...(existing ? { _rev: existing._rev } : {}),
      type: 'policy',
      kind: args.kind,
      effectiveFrom: args.effectiveFrom,
      isDefault: false,
      values: args.values,
      schemaVersion: stamp.schemaVersion,
      updatedBy: user.loginName,
      updatedAt: stamp.updatedAt,
    } as PolicyDoc;
    try {
      const result = await this.db.put(doc);
      const saved = { ...doc, _rev: result.rev };
      this.cache.put(saved);
      return view(saved);
    } catch (error) {
      if (isConflict(error)) fail({ code: 'CONFLICT', messageKey: 'errors.conflict' });
      throw error;
    }
  }
}

function view(d: PolicyDoc & { _rev?: string }): PolicyEntryView {
  return {
    id: d._id,
    rev: d._rev ?? '',
    kind: d.kind,
    effectiveFrom: d.effectiveFrom,
    isDefault: d.isDefault,
    values: d.values,
    updatedBy: d.updatedBy,
    updatedAt: d.updatedAt,
  } as PolicyEntryView;
}
