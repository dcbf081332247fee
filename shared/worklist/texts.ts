// Texts of the work list's core (待办): the rules, their states and help, the marks, the facts a
// row shows and the errors (zh-CN first, English second). Plain data: shared/ has no React.

export const worklistZhCN = {
  worklist: {},
};

export const worklistEn: typeof worklistZhCN = {
  worklist: {},
};

/** Nested under `errors` (each names the field it is about). */
export const worklistErrorsZhCN = {
  worklist: {
    notYourVillage: '只能查看本站或本乡镇所辖村的待办',
    untilNotAfterToday: '暂缓至的日期须在今天之后',
    noSuchRow: '待办中没有这一项（可能已办结）',
    readOnly: '这是村站数据的只读副本，不能标记',
  },
};

export const worklistErrorsEn: typeof worklistErrorsZhCN = {
  worklist: {
    notYourVillage: 'Only this station’s list or one of its villages’ lists can be opened',
    untilNotAfterToday: 'The snooze must end after today',
    noSuchRow: 'This row is not on the work list (it may be done already)',
    readOnly: 'This is a read-only copy of a village’s data: nothing can be marked',
  },
};
