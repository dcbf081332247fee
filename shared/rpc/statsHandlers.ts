// Statistics: the dashboard of a station, a township or the county.
// Part of the one handler map (see handlers.ts); built with the blocks in define.ts.

export const statsHandlers = {} as const;
