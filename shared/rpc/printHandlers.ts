// Printed forms (A4, Chinese, ready to sign): the data each print route is filled with.
// Part of the one handler map (see handlers.ts); built with the blocks in define.ts.

export const printHandlers = {} as const;
