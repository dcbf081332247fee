// The English tables of texts.ts, typed by its Chinese ones (`typeof`): a module of their own so that
// the renderer loads only the language in use (../i18n/resources.en.ts).

import type { diagnosticsZhCN } from './texts';

export const diagnosticsEn: typeof diagnosticsZhCN = {
  diagnostics: {
    nav: 'About',
    title: 'About and diagnostics',
    intro: 'When you call county IT about a problem, read them the details below or send them a diagnostics file. It holds versions, counts, states and the app log only: no names, ID numbers or phone numbers.',
    refresh: 'Refresh',
    bundle: 'Export diagnostics file',
    bundled: 'Exported {{fileName}} ({{lines}} log lines)',
    app: 'Leye Station',
    version: 'Version',
    station: 'Station',
    level: { village: 'Village', township: 'Township', county: 'County' },
    demo: 'Demo station',
    database: 'Database',
    databaseValue: '{{docs}} records, update sequence {{seq}}',
    dataFolder: 'Data folder',
    dataFolderValue: '{{size}}, {{files}} files',
    logs: 'App log',
    logsValue: '{{files}} files, {{size}}',
    sync: 'Sync',
    syncState: { never: 'Never synced', idle: 'OK', syncing: 'Syncing', failed: 'Failed' },
    notConnected: 'Not connected to the county server',
    lastSuccess: 'Last success: {{at}}',
    waiting: '{{count}} waiting',
    failure: 'Reason: {{reason}}',
    lastBackup: 'Last backup',
    noBackup: 'None recorded',
    runtime: 'Runtime',
    system: 'Operating system',
    memory: 'Memory {{total}} MB ({{free}} MB free)',
    documents: 'Records by type',
    type: 'Type',
    count: 'Count',
    generatedAt: 'Generated {{at}} in {{ms}} ms',
  },
};
