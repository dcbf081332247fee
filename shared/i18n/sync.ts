// UI texts of the sync indicator and connect dialog (zh-CN first, English second).
export const syncZhCN = {
  sync: {},
};

export const syncEn: typeof syncZhCN = {
  sync: {},
};
