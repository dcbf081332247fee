// UI texts of the USB transfer (export a batch file, import a file or a receipt).
export const transferZhCN = {
  transfer: {
    title: 'U 盘传送',
  },
};

export const transferEn: typeof transferZhCN = {
  transfer: {
    title: 'USB transfer',
  },
};
