// The posts vocabulary of the error translator (../errors.ts): argument paths of the posts
// handlers → label keys.

export const POST_LABELS: Record<string, string> = {
  code: 'posts.fields.code',
  name: 'posts.fields.name',
  kind: 'posts.fields.kind',
  category: 'posts.fields.category',
  placeCode: 'posts.fields.placeCode',
  'employer.name': 'posts.fields.employerName',
  'employer.creditCode': 'posts.fields.employerCreditCode',
  plannedHoursPerMonth: 'posts.fields.plannedHoursPerMonth',
  payPerMonth: 'posts.fields.payPerMonth',
  startDate: 'posts.fields.startDate',
  endDate: 'posts.fields.endDate',
  residentId: 'posts.fields.residentId',
  contractNo: 'posts.fields.contractNo',
  'override.reason': 'posts.fields.overrideReason',
  override: 'posts.fields.overrideReason',
  month: 'posts.fields.month',
  reason: 'posts.fields.reason',
  'marks.hours': 'posts.fields.hours',
  'marks.mark': 'posts.fields.mark',
  'marks.date': 'posts.fields.date',
  marks: 'posts.fields.mark',
};
