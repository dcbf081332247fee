// UI texts of the statistics dashboard (zh-CN first, English second) and their errors.
export const statsZhCN = {
  stats: {
    title: '统计',
  },
};

export const statsEn: typeof statsZhCN = {
  stats: {
    title: 'Statistics',
  },
};

/** Merged into the `errors` texts (errors.stats.*). */
export const statsErrorsZhCN = { stats: {} };
export const statsErrorsEn: typeof statsErrorsZhCN = { stats: {} };
