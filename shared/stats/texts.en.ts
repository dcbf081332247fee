// The English tables of texts.ts, typed by its Chinese ones (`typeof`): a module of their own so that
// the renderer loads only the language in use (../i18n/resources.en.ts).

import type { statsErrorsZhCN, statsZhCN } from './texts';

export const statsEn: typeof statsZhCN = {
  stats: {
    title: 'Statistics',
    range: 'Months',
    lastMonths: 'Last 12 months',
    refresh: 'Refresh',
    export: 'Export to Excel',
    exported: 'Exported {{fileName}}',
    computedAt: 'Computed {{at}}',
    inProgress: 'Training in progress',
    inProgressHint: '{{count}} session(s) not yet over: their trainees count in eligible and the rate only once the session ends.',
    source: {
      station: "From this station's database",
      township: "From this station and its villages' synced copies",
      countyServer: "From the county server's aggregate database (queried live)",
    },
    level: { village: 'Village', township: 'Township', county: 'County' },
    countyOffline: 'The county server cannot be reached, so county statistics cannot be shown. No older numbers are shown, so none are mistaken for current ones. Check the network and press Refresh.',
    sections: {
      registrations: 'Registrations',
      groups: 'Target groups',
      posts: 'Public-welfare posts',
      training: 'Vocational training',
      byPlace: 'By village',
    },
    kpi: {
      registrations: 'Registered in range',
      holders: 'Post holders',
      attendanceRate: 'Attendance',
      sessions: 'Sessions',
      trainees: 'Trainees',
      eligibilityRate: 'Eligible for subsidy',
    },
    columns: {
      month: 'Month',
      place: 'Village',
      placeCode: 'Code',
      total: 'Registered',
      holders: 'Holders',
      presentDays: 'Days present',
      workDays: 'Working days',
      attendanceRate: 'Attendance',
      sessions: 'Sessions',
      trainees: 'Trainees',
      eligible: 'Eligible',
      eligibilityRate: 'Eligible rate',
      totalRow: 'Total',
    },
    groupNone: 'No group given',
    ownPlace: '{{name}} (own)',
    empty: 'No data in these months',
    notes: {
      groups: 'A person in several groups counts in each, so groups may add up to more than those registered.',
      posts: 'Attendance = days present ÷ working days (present, leave or absent; rest days excluded).',
      training: 'By the month a session starts; eligible = attended class hours reach the subsidy threshold, counted once a session has ended.',
    },
    sheet: {
      byMonth: 'By month',
      byPlace: 'By village',
      title: '{{place}} employment service statistics ({{from}} to {{to}})',
      generated: 'Exported {{at}}; source: {{source}}',
    },
    employment: {
      byTownship: 'By township',
      township: 'Township / village',
      levels: {
        village: "This station's figures come from the status entries and registrations recorded here.",
        township:
          "A township's figures: the entries recorded here plus its villages' synced copies, counted by the same definitions in the same way; each person counts under the village they are registered in, and an entry found twice counts once. What a village has not synced yet is not counted.",
        county:
          "The county's figures are read live from the county server's aggregate database: first the people with an employed status entry starting in the months chosen, then all of their entries and their registrations, counted by the same definitions in the same way as at a village or township. Records in conflict (and people whose registration is in conflict) count only once the county has resolved the conflict. A township's row adds up its villages; open it to see them.",
      },
      sheet: {
        name: 'Employment',
        title: '{{place}} employment figures ({{from}} to {{to}})',
        byMonth: 'By month',
        byPlace: 'By village',
        byGroup: 'By target group',
        notes: 'Definitions',
        notesEn: 'Definitions (English)',
      },
    },
  },
};

export const statsErrorsEn: typeof statsErrorsZhCN = {
  stats: {
    toBeforeFrom: '{{field}} cannot be before the first month',
    rangeTooLong: 'At most 120 months; shorten {{field}}',
    countyNotConnected: 'This station is not connected to the county server, so county statistics cannot be read',
    countyOffline: 'The county server cannot be reached; county statistics cannot be shown (no older numbers are shown)',
    countyCredentials: "The county server refused this station's account; county statistics cannot be read",
  },
};
