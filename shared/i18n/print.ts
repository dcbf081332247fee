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
export const printErrorsZhCN = {
  print: {
    notHardship: '此人的登记不是就业困难人员认定申请',
    phone: '请填写座机（如 0531-86001234）或手机号',
  },
};
export const printErrorsEn: typeof printErrorsZhCN = {
  print: {
    notHardship: "This person's registration is not an application for hardship status",
    phone: 'Enter a landline (e.g. 0531-86001234) or a mobile number',
  },
};
