// The English tables of texts.ts, typed by its Chinese ones (`typeof`): a module of their own so that
// the renderer loads only the language in use (../i18n/resources.en.ts).

import type { worklistErrorsZhCN, worklistZhCN } from './texts';

export const worklistEn: typeof worklistZhCN = {
  worklist: {
    rules: {
      unemployedNotContacted: 'Registered unemployed not contacted',
      hardshipNoServiceThisQuarter: 'Hardship person without a service this quarter',
      assignmentEnding: 'Post assignment ending',
      subsidyLimitNear: 'Post subsidy limit near',
      retirementNear: 'Post holder near retirement age',
      trainingNoStatus: 'Trainee without an employment status',
      referralNoResult: 'Job referral without a result',
      noticeEnded: 'Public notice ended, to conclude',
      recruitNoticeEnded: 'Candidates’ notice ended, to place',
    },
    ruleHelp: {
      unemployedNotContacted:
        'A person with an open unemployment registration is due a contact {{contactDays}} days after the last service (or the registration date when there is none); listed {{leadDays}} days ahead. Recording a service answers it.',
      hardshipNoServiceThisQuarter:
        'A person with an open hardship registration needs at least one service each calendar quarter; listed {{quarterLeadDays}} days before the quarter ends, due on its last day. A service this quarter answers it; for last quarter, a service recorded since answers it.',
      assignmentEnding: 'A post holder is listed {{assignmentEndDays}} days before the assignment ends (its end date is the due date). Recording what the person does next, or a following assignment, answers it.',
      subsidyLimitNear:
        'A post holder reaches the {{maxSubsidyMonths}}-month subsidy limit; listed {{limitWarnDays}} days ahead. Recording what the person does next, or ending the assignment before the limit, answers it.',
      retirementNear:
        'A post holder reaches the statutory retirement age during the assignment; listed {{retirementWarnDays}} days ahead. Recording the next status (e.g. retired) or ending the assignment before that day answers it.',
      trainingNoStatus: 'A trainee with no employment status recorded since the course ended is due {{trainingFollowUpMonths}} months after the end; listed {{leadDays}} days ahead. Recording a status entry answers it.',
      referralNoResult: 'A job referral’s result (hired / not hired / refused without good reason) is due {{referralResultDays}} days after the referral. Recording the result answers it.',
      noticeEnded:
        'A printed hardship public notice is listed the day after its period ends and is due within {{noticeDecisionDays}} days (check for objections). No record answers a notice: once concluded, mark it “not applicable” with the outcome as the reason.',
      recruitNoticeEnded:
        'An opening’s notice of the candidates to place is listed the day after its period ends; the candidates are due to be placed on the post within {{noticeDecisionDays}} days. Placing every candidate (or their withdrawal) answers it; an upheld objection, which stops the placement, takes it off the list.',
    },
    states: {
      due: 'Due',
      overdue: 'Overdue',
      warning: 'Warning',
    },
    stateHelp: {
      due: 'Due: listed from its start up to and including its due date.',
      overdue: 'Overdue: past its due date and not yet answered.',
      warning: 'Warning: fewer than {{exitWarnDays}} days left before the subsidy limit or the statutory retirement age (a county parameter); arrange what comes next now.',
      done: 'Done: once the service, result or status entry that answers it is recorded, the row is no longer listed; marks delete nothing.',
      kept: 'Contacts and quarterly services stay listed until done; one-off duties (posts, courses, referrals, notices) are no longer listed once more than {{keepOverdueDays}} days overdue.',
    },
    marks: {
      snoozed: 'Snoozed',
      notApplicable: 'Not applicable',
      reopened: 'Reopened',
    },
    markHelp: {
      snoozed: 'Put off until a day after today; on that day the row is listed again. A reason is required.',
      notApplicable: 'The duty does not apply to this person (moved away, deceased…); a reason is required. It can be reopened at any time.',
      reopened: 'Undo a snooze or a not-applicable mark: the row is listed again.',
    },
    facts: {
      lastContact: 'Last contact',
      daysSinceContact: 'Days since contact',
      quarter: 'Quarter',
      post: 'Post',
      startDate: 'Assignment start',
      endDate: 'Assignment end',
      maxSubsidyMonths: 'Subsidy limit (months)',
      limitDate: 'Limit reached on',
      retirementDate: 'Retirement date',
      course: 'Course',
      courseEnd: 'Course ended',
      referralDate: 'Referred on',
      employer: 'Employer',
      job: 'Job',
      from: 'Applications from',
      to: 'Applications to',
      noticeFrom: 'Notice from',
      noticeTo: 'Notice to',
      applicants: 'Persons listed',
      windowFrom: 'Applications from',
      windowTo: 'Applications until',
      candidates: 'Candidates',
      waiting: 'Not yet placed',
    },
    dueDate: 'Due date',
    never: 'Never contacted',
  },
};

export const worklistErrorsEn: typeof worklistErrorsZhCN = {
  worklist: {
    notYourVillage: 'Only this station’s list or one of its villages’ lists can be opened',
    untilNotAfterToday: 'The snooze must end after today',
    noSuchRow: 'This row is not on the work list (it may be done already)',
    readOnly: 'This is a read-only copy of a village’s data: nothing can be marked',
    nothingToReopen: 'This row has no snooze or not-applicable mark to undo',
  },
  labels: { recordType: { worklistMark: 'work list mark' } },
};
