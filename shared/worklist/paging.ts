// The work list's page sizes, without the contract's schemas (./contract.ts, which re-exports
// them): the work list screen pages with them without running the schemas (issue 18).

/** Rows per page unless asked otherwise, and the most one call answers per rule. */
export const WORKLIST_PAGE_SIZE = 30;
export const WORKLIST_MAX_PAGE = 200;
