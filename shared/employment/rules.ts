// The rules of a status entry that need the resident and today (the form and the core both run
// them): not before the person was born, not in the future, an end not before the start.
export interface EmploymentIssue {
  field: 'effectiveDate' | 'endDate';
  messageKey: string;
  params?: Record<string, string>;
}

export function employmentDateIssues(entry: { effectiveDate: string; endDate: string | null }, birthDate: string, today: string): EmploymentIssue[] {
  const issues: EmploymentIssue[] = [];
  if (entry.effectiveDate < birthDate) issues.push({ field: 'effectiveDate', messageKey: 'errors.employment.beforeBirth', params: { birthDate } });
  else if (entry.effectiveDate > today) issues.push({ field: 'effectiveDate', messageKey: 'errors.employment.inFuture' });
  if (entry.endDate !== null && entry.endDate < entry.effectiveDate) issues.push({ field: 'endDate', messageKey: 'errors.employment.endBeforeStart' });
  return issues;
}
