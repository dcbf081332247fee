// The English tables of texts.ts, typed by its Chinese ones (`typeof`): a module of their own so that
// the renderer loads only the language in use (../i18n/resources.en.ts).

import type { transferErrorsZhCN, transferZhCN } from './texts';

export const transferEn: typeof transferZhCN = {
  transfer: {
    title: 'USB transfer',
    hint: 'No network: export the waiting records as an encrypted file, carry it on a USB stick to the township or county and import it there; then import the receipt they give back here, and the batch shows as delivered.',
    countySide:
      'The county (or township) first checks the file: it must be sealed with this county’s key, signed by the station it comes from (matching the signing key the county published for that station) and unaltered, or it is refused whole and nothing is imported. Then its records go into the county’s review as one USB batch, and a receipt is made. The county accepts or returns each record; its decisions show here after this station next syncs online.',
    setupCodeEnough: 'This station is not connected to the county yet: paste the setup code the county gave this station below, and you can export the batch file. No network is needed.',
    setupCodeAskAdmin: 'This station is not connected to the county yet: ask an administrator to paste the setup code the county gave this station; then you can export the batch file. No network is needed.',
    export: 'Export the batch file',
    exported: '{{count}} records exported: {{fileName}}',
    import: 'Import a file or receipt',
    importing: 'Importing {{fileName}}…',
    readFailed: 'Could not read the file {{fileName}}',
    batch: {
      title: 'Batch file imported',
      station: 'Station',
      documents: 'Records in the file',
      imported: 'New here',
      again: 'This file was imported before; nothing new this time.',
      receiptHint: 'Carry the receipt back to the station and import it there: its batch then shows as delivered.',
      nextSync: 'These records go up to the county server with this machine’s next sync (within seconds when online), and then appear as a USB batch in the county’s review list.',
      receiptDownload: 'Download the receipt',
    },
    receipt: {
      title: 'Receipt imported',
      delivered: 'The {{count}} records exported {{at}} reached {{place}}',
      received: 'Received {{at}} by {{by}}',
      again: 'This receipt was imported before.',
    },
  },
};

export const transferErrorsEn: typeof transferErrorsZhCN = {
  transfer: {
    empty: 'The file is empty',
    tooLarge: 'The file is too large',
    notLeyeFile: 'This is not a Leye Station batch file or receipt',
    truncated: 'The file is incomplete (copying may not have finished); nothing was imported',
    tampered: 'The file was altered or damaged; nothing was imported',
    wrongCounty: 'This file belongs to another county ({{county}}); nothing was imported',
    otherKey: 'This file was encrypted with another county key (the county may have issued a new one: connect again with the setup code); nothing was imported',
    noCountyKey: 'This station has no key from the county yet: paste the county’s setup code below (no network needed)',
    nothingWaiting: 'Nothing is waiting to be reported',
    notInArea: 'This batch comes from {{place}}, outside this machine’s area',
    notForThisStation: 'This receipt belongs to another station ({{place}})',
    unknownBatch: 'This station has no batch for this receipt',
    invalidRecord: 'A {{recordType}} record in the file is not valid ({{recordField}}); nothing was imported',
    unsigned: 'This file carries no signature of {{place}} (it may come from an older version: update the station and export again); nothing was imported',
    unknownSigner: 'This machine does not have the signing key the county published for {{place}} yet: sync once online, then import again; if this persists, contact the county. Nothing was imported',
    badSignature: 'The file’s signature does not match the signing key the county published for {{place}}: the station did not export it, or it was altered afterwards. Nothing was imported',
    signingKeyRefused: 'The county published another signing key for this station, so files exported here would be refused: ask the county to check this station’s signing key',
  },
};
