// UI texts of the printed forms (zh-CN first, English second) and their errors.
export const printZhCN = {
  print: {
    unknownForm: '没有这种表格：{{form}}',
  },
};

export const printEn: typeof printZhCN = {
  print: {
    unknownForm: 'No such form: {{form}}',
  },
};

/** Merged into the `errors` texts (errors.print.*). */
export const printErrorsZhCN = { print: {} };
export const printErrorsEn: typeof printErrorsZhCN = { print: {} };
