// UI texts of the spreadsheet import and export (zh-CN first, English second) and their errors.
export const sheetsZhCN = {
  sheets: {
    title: '表格导入导出',
  },
};

export const sheetsEn: typeof sheetsZhCN = {
  sheets: {
    title: 'Spreadsheets',
  },
};

/** Merged into the `errors` texts (errors.sheets.*). */
export const sheetsErrorsZhCN = { sheets: {} };
export const sheetsErrorsEn: typeof sheetsErrorsZhCN = { sheets: {} };
