// UI texts of the county review screens (zh-CN first, English second).
export const countyZhCN = {
  county: {
    nav: { review: '批次审核', conflicts: '冲突处理' },
  },
};

export const countyEn: typeof countyZhCN = {
  county: {
    nav: { review: 'Batch review', conflicts: 'Conflicts' },
  },
};
