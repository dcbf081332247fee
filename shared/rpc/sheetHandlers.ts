// Spreadsheets: resident roster import (.xlsx) and the ledgers clerks export.
// Part of the one handler map (see handlers.ts); built with the blocks in define.ts.

export const sheetHandlers = {} as const;
