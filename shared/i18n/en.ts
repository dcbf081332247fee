// The app shell's texts, English. Same shape as zh-CN (the type checks it).

import { residentsEn } from '../residents/texts.en';
import { stationEn } from '../station/texts.en';
import { mergeTexts } from './merge';
import type { UiTexts, shellZhCN } from './zh-CN';

export const shellEn: typeof shellZhCN = {
  app: {
    title: 'Leye Station',
    subtitle: 'Village employment service point',
    loading: 'Loading…',
    disconnected: 'Lost the connection to the local data service; reconnecting…',
    noBridge: 'Cannot reach the local data service: open this page from the Leye Station app or the preview address it printed.',
    language: 'Language',
    logout: 'Log out',
    demoStation: 'Demo station',
    retry: 'Retry',
  },
  nav: {
    residents: 'Residents',
    register: 'New registration',
    back: 'Back to list',
    posts: 'Welfare posts',
    training: 'Training',
    policy: 'Policy parameters',
    stats: 'Statistics',
    sheets: 'Spreadsheets',
    // The side menu: its groups, the collapse button and the entries of the other domains.
    groups: {
      people: 'People',
      posts: 'Posts',
      training: 'Training',
      stats: 'Statistics',
      sync: 'Sync & review',
      system: 'System',
    },
    collapse: 'Collapse menu',
    expand: 'Expand menu',
    users: 'Accounts',
    audit: 'Audit log',
    backup: 'Backups',
    county: 'Batch review',
    conflicts: 'Conflicts',
  },
  fields: {
    // The statistics dashboard's month range.
    from: 'First month',
    to: 'Last month',
  },
  common: {
    all: 'All',
    yes: 'Yes',
    no: 'No',
    ok: 'OK',
    cancel: 'Cancel',
  },
};

/** The shell with the station's and the residents' texts, as this file held them before they had their own files. */
export const en: UiTexts = mergeTexts(shellEn, stationEn, residentsEn);
