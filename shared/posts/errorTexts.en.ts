// The English tables of errorTexts.ts, typed by its Chinese ones (`typeof`): a module of their own so that
// the renderer loads only the language in use (../i18n/resources.en.ts).

import { exitsErrorsEn } from './exitsTexts.en';
import type { postsErrorsZhCN } from './errorTexts';

export const postsErrorsEn: typeof postsErrorsZhCN = {
  ...exitsErrorsEn,
  override: {
    reasonTooShort: 'An override needs a written reason (at least 10 characters)',
    forbidden: 'Only county or admin accounts may override',
  },
  post: {
    code: 'A post code may contain letters, digits and - only',
    codeTaken: 'Post code {{code}} is already used',
    placeOutside: 'The post must be inside this station’s area',
    placeFixed: 'A post’s place cannot change once it is set up; set up a new post with a new code',
    assignmentOutsidePost: 'The assignment must lie within the post’s period ({{from}} to {{to}})',
    alreadyHolds: 'This person already holds a post ({{post}}) from {{from}} to {{to}}',
    age: 'This person is {{age}} at the start; {{postKind}} posts require {{min}} to {{max}}',
    ageMin: 'This person is {{age}} at the start; {{postKind}} posts require at least {{min}}',
    retirement: 'This person has reached statutory retirement age (on {{retirementDate}}) by the start',
    group: 'This person is not in a target group of {{postKind}} posts (one of: {{groups}})',
    maxSubsidy: 'Post subsidy lasts at most {{max}} months: {{used}} used, {{months}} more would pass it',
    registrationClosed: 'This person’s registration is closed',
  },
  attendance: {
    hours: 'Hours must be 0 to 24, in half hours',
    hoursRequired: 'A present day needs its hours',
    hoursOnlyPresent: 'Only present days have hours',
    monthClosed: '{{month}} is closed; reopen it to change it',
    notHolder: 'This person does not hold the post on {{date}}',
    future: 'Attendance cannot be recorded for a day after today ({{date}})',
    otherMonth: 'The day must be in the chosen month',
    alreadyClosed: '{{month}} is already closed',
    notClosed: '{{month}} is not closed',
    belowMinimumReason: '{{names}} earn less than the hourly minimum wage: closing needs a written reason',
  },
};
