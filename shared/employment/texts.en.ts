// The English tables of texts.ts, typed by its Chinese ones (`typeof`): a module of their own so that
// the renderer loads only the language in use (../i18n/resources.en.ts).

import type { employmentErrorsZhCN, employmentZhCN } from './texts';

export const employmentEn: typeof employmentZhCN = {
  employment: {
    documentType: 'Employment status',
    statuses: {
      unemployed: 'Not employed',
      employee: 'Employed by an employer',
      flexible: 'Flexible employment',
      selfEmployed: 'Self-employed (own business)',
      publicWelfare: 'Public-welfare post',
      migrant: 'Working away from home',
      retired: 'Retired',
      other: 'Other',
    },
    areas: { inCounty: 'Within the county', inProvince: 'Outside the county, within Shandong', outOfProvince: 'Outside Shandong' },
    sources: { closure: 'Recorded when the registration was closed as employed', assignment: 'Recorded with a public-welfare post assignment' },
    card: {
      title: 'Employment status',
      current: 'Current status: ',
      none: 'No employment status recorded yet',
      history: 'History',
      record: 'Record employment status',
      correct: 'Correct',
      since: 'since {{date}}',
      period: '{{from}} to {{to}}',
      ended: 'ended on {{date}}',
      recordedBy: 'recorded by {{name}} at {{at}}',
      corrected: 'Corrected',
      correction: 'Correction: {{reason}}',
      employer: 'Employer: {{name}}',
      where: '{{area}} {{destination}}',
    },
    form: {
      title: 'Record employment status',
      correctTitle: 'Correct employment status',
      save: 'Save',
      cancel: 'Cancel',
      saved: 'Employment status recorded',
      creditCodeHint: 'Optional; when given, an 18-character unified social credit code',
      destinationHint: 'When known, e.g. Huangdao District, Qingdao',
      closureHint: 'Closing as “employed” also records the employment status',
      closureDateHint: 'Empty: the closure date',
    },
    fields: {
      status: 'Employment status',
      area: 'Where',
      destination: 'Destination',
      employerName: 'Employer',
      employerCreditCode: 'Employer’s unified social credit code',
      effectiveDate: 'Start date',
      endDate: 'End date',
      note: 'Note',
      reason: 'Reason for the correction',
    },
    counts: {
      title: 'Employment figures',
      newUrban: 'New urban employment',
      reemployed: 'Re-employment of the unemployed',
      hardship: 'Hard-to-employ people employed',
      byMonth: 'By month',
      byPlace: 'By village (community)',
      byGroup: 'By target group',
      total: 'Total',
      month: 'Month',
      place: 'Village (community)',
      group: 'Group',
      unit: 'people',
      help: {
        entries:
          'Status entries are ordered by start date (on the same day, the later recorded wins); corrected entries do not count. An entry “into employment” has the status employed by an employer, flexible, self-employed, public-welfare post or working away, and either no earlier entry, an earlier one of not employed / retired / other, or earlier employment that ended before it began.',
        newUrban: 'New urban employment: people of a non-agricultural household with an entry into employment in the month, once per person per month.',
        reemployed: 'Re-employment of the unemployed: people with an entry into employment in the month who had an unemployment registration on or before its start date, once per person per month.',
        hardship:
          'Hard-to-employ people employed: people with an entry into employment in the month who are hard to employ (a hardship registration on or before its start date, or the care category hard to employ), once per person per month.',
        sums: 'Totals add up the months (a person moving into employment in two months counts twice); a person in several target groups counts in each. Villages are where the person is registered.',
      },
    },
  },
};

export const employmentErrorsEn: typeof employmentErrorsZhCN = {
  employment: {
    beforeBirth: 'The start date cannot be before the date of birth ({{birthDate}})',
    inFuture: 'The start date cannot be after today',
    endBeforeStart: 'The end date cannot be before the start date',
    notEmployed: 'Closing as “employed” needs an employed status (employer, flexible, self-employed, public-welfare post or working away)',
    unknownEntry: 'The employment status entry to correct was not found',
    alreadyCorrected: 'This entry was already corrected; correct the latest one',
  },
};
