// The English tables of exitsTexts.ts, typed by its Chinese ones (`typeof`): a module of their own so that
// the renderer loads only the language in use (../i18n/resources.en.ts).

import type { exitsErrorsZhCN, exitsZhCN } from './exitsTexts';

export const exitsEn: typeof exitsZhCN = {
  errors: { labels: { recordType: { assignmentExit: 'Assignment ended early', exitWithdrawal: 'Early end withdrawn' } } },
  exits: {
    action: 'End early',
    title: 'End the assignment early: {{name}}',
    date: 'Last day held',
    dateHint: 'Still held on this day (attendance allowed); not held from the next day',
    reason: 'Reason',
    note: 'Note',
    nextStatus: 'Employment status afterwards',
    nextStatusHint: 'Recorded in the employment status ledger from the day after the last day held',
    employer: 'Employer',
    noStatus: 'No new employment status',
    submit: 'End assignment',
    cancel: 'Cancel',
    done: 'Assignment ended early: {{name}}',
    ended: 'Ended early on {{date}} ({{reason}})',
    endedTag: 'Ended early',
    endedReason: ' (ended early: {{reason}})',
    withdraw: 'Withdraw',
    withdrawTitle: 'Withdraw the early end: {{name}}',
    withdrawHint: 'After the withdrawal this person holds the post again from {{next}} (attendance may be entered); the employment status ledger is corrected. The withdrawal is kept and cannot be deleted.',
    exitDate: 'Withdrawn last day held',
    withdrawReason: 'Reason for withdrawing',
    withdrawReasonPlaceholder: 'E.g. the wrong holder was ended, the date was wrong',
    withdrawSubmit: 'Withdraw',
    withdrawn: 'Early end withdrawn: {{name}}',
    withdrawnLine: 'Ended early on {{date}} ({{reason}}), withdrawn by {{by}} on {{at}}: {{why}}',
    withdrawnTag: 'Withdrawn',
    mappingHelp:
      'Reasons and the status afterwards: employed → chosen by the clerk (default "employee"), with the employer; retirement age → retired; death → no new status; misconduct, failed assessment, own request, moved away → unemployed (the clerk may choose another). The public-welfare post status ends on the last day held.',
    reasons: {
      employed: 'Employed',
      misconduct: 'Misconduct',
      failedAssessment: 'Failed assessment',
      ownRequest: 'Own request',
      retirementAge: 'Retirement age',
      death: 'Death',
      movedAway: 'Moved away',
    },
    warnings: {
      subsidyLimit: 'Subsidy ends {{date}}',
      retirement: 'Retirement age {{date}}',
      subsidyLimitHelp: 'The post subsidy (at most {{max}} months, counting the months held in earlier assignments) runs out on {{date}}',
      retirementHelp: 'This person reaches the statutory retirement age on {{date}}',
    },
  },
};

export const exitsErrorsEn: typeof exitsErrorsZhCN = {
  exit: {
    alreadyEnded: 'This assignment was already ended early on {{date}}',
    beforeStart: 'The last day held cannot be before the start ({{from}})',
    afterEnd: 'The last day held cannot be after the assignment’s end ({{to}})',
    inFuture: 'The last day held cannot be after today ({{today}})',
    monthClosed: '{{month}} is closed: reopen it before ending the assignment early',
    countyLocked: 'The county accepted the attendance of {{month}} ({{at}}): the county must unlock it first',
    failedMonths: 'A failed assessment ends an assignment after {{needed}} failed months; before {{date}} this person has {{failed}}',
    noStatusAfterDeath: 'No new employment status is recorded after a death',
    notEnded: 'This assignment has no early end to withdraw',
    withdrawMonthClosed: '{{month}} is closed: reopen it before withdrawing the early end',
    withdrawCountyLocked: 'The county accepted the attendance of {{month}} ({{at}}): the county must unlock it before the withdrawal',
    exitCountyLocked: 'The county accepted this early end ({{at}}): the county must unlock it before it can be withdrawn',
  },
};
