// Who may hold a public-welfare post: the groups a resident belongs to, and every rule a new
// assignment must meet (age, retirement, qualifying group, no overlap, the subsidy's months).
import { ageOn } from '../../../shared/id/idNumber';
import type { PostQualifyingGroup } from '../../../shared/policy/parameters';
import { retirementDate } from '../../../shared/policy/retirement';
import type { FieldIssue } from '../../../shared/rpc/errors';
import { periodMonths } from '../context';
import type { PolicyStore } from '../policy/policy';
import type { DocCache } from '../store/docCache';
import type { AssignmentDoc, PostDoc, ResidentDoc } from '../store/docs';

/** The groups a resident belongs to for post eligibility, from registration and care categories. */
export function postGroups(resident: ResidentDoc, ageAtStart: number, urbanOlderAge: { male: number; female: number }): Set<PostQualifyingGroup> {
  const groups = new Set<PostQualifyingGroup>();
  const hardship = resident.registration.kind === 'hardship' ? resident.registration.hardshipCategories : [];
  if (hardship.includes('povertyAlleviated')) groups.add('povertyAlleviated');
  if (hardship.includes('minimumLivingAllowance')) groups.add('lowIncome');
  if (hardship.includes('disabled') || resident.careCategories.includes('disabled')) groups.add('disabled');
  if (hardship.includes('zeroEmploymentFamily')) groups.add('zeroEmploymentFamily');
  const unemployed =
    resident.registration.kind === 'unemployment' || hardship.includes('olderUnemployed') || hardship.includes('longTermUnemployed');
  if (unemployed && ageAtStart >= urbanOlderAge[resident.sex]) groups.add('olderUnemployed');
  return groups;
}

/** Every rule a new assignment breaks, as field issues (empty when eligible). */
export function eligibility(
policies: PolicyStore,
posts: DocCache<PostDoc>,
assignments: Pick<DocCache<AssignmentDoc>, 'values'>,
post: PostDoc,
resident: ResidentDoc,
startDate: string,
endDate: string,
): FieldIssue[] {
  const failures: FieldIssue[] = [];
  const policy = policies.posts(startDate);
  const age = ageOn(resident.birthDate, startDate);
  const others = assignments.values().filter((a) => a.residentId === resident._id);
  const overlapping = others.find((a) => a.startDate <= endDate && a.endDate >= startDate);
  if (overlapping) {
    const holding = posts.get(overlapping.postId);
    failures.push({
      field: 'startDate',
      messageKey: 'errors.post.alreadyHolds',
      params: { post: holding?.name ?? overlapping.postId, from: overlapping.startDate, to: overlapping.endDate },
    });
  }
  const rules = post.kind === 'rural' ? policy.rural : policy.urban;
  if (post.kind === 'rural' && (age < policy.rural.minAge || age > policy.rural.maxAge)) {
    failures.push({ field: 'residentId', messageKey: 'errors.post.age', params: { age, postKind: post.kind, min: policy.rural.minAge, max: policy.rural.maxAge } });
  }
  if (post.kind === 'urban' && age < policy.urban.minAge) {
    failures.push({ field: 'residentId', messageKey: 'errors.post.ageMin', params: { age, postKind: post.kind, min: policy.urban.minAge } });
  }
  if (post.kind === 'urban') {
    const retires = retirementDate(policies.retirement(startDate), resident.birthDate, resident.sex);
    if (startDate >= retires) failures.push({ field: 'residentId', messageKey: 'errors.post.retirement', params: { retirementDate: retires } });
  }
  const groups = postGroups(resident, age, policy.urban.olderUnemployedAge);
  if (post.kind === 'rural' && age >= policy.rural.olderFromAge) groups.add('older');
  if (!rules.qualifyingGroups.some((g) => groups.has(g))) {
    failures.push({ field: 'residentId', messageKey: 'errors.post.group', params: { postKind: post.kind, groups: rules.qualifyingGroups.join(',') } });
  }
  const used = others.reduce((sum, a) => sum + periodMonths(a.startDate, a.endDate), 0);
  const months = periodMonths(startDate, endDate);
  // A thousandth of a month of slack absorbs floating-point sums of thirtieths.
  if (used + months > policy.maxSubsidyMonths + 0.001) {
    failures.push({
      field: 'endDate',
      messageKey: 'errors.post.maxSubsidy',
      params: { max: policy.maxSubsidyMonths, used: Math.round(used * 10) / 10, months: Math.round(months * 10) / 10 },
    });
  }
  return failures;
}
