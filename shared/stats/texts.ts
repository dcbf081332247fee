// UI texts of the statistics dashboard (zh-CN; English in texts.en.ts) and their errors. The
// core's spreadsheet export uses the zh-CN column names too, so the file and the screen agree.
export const statsZhCN = {
  stats: {
    title: '统计',
    range: '统计月份',
    lastMonths: '近 12 个月',
    refresh: '刷新',
    export: '导出 Excel',
    exported: '已导出 {{fileName}}',
    computedAt: '{{at}} 计算',
    inProgress: '培训进行中',
    inProgressHint: '{{count}} 期培训尚未结业，其学员不计入合格人数和合格率（结业后计入）。',
    source: {
      station: '数据来自本站数据库',
      township: '数据来自本站及所辖村（社区）的同步副本',
      countyServer: '数据来自县级服务器汇总库（实时查询）',
    },
    level: { village: '村（社区）', township: '乡镇（街道）', county: '县（市、区）' },
    countyOffline: '县级服务器当前无法连接，无法显示全县统计。不显示旧数据，以免误当作当前数字。请检查网络后点“刷新”。',
    sections: {
      registrations: '就业登记',
      groups: '重点群体',
      posts: '公益性岗位',
      training: '职业技能培训',
      byPlace: '分村（社区）统计',
    },
    kpi: {
      registrations: '所选月份登记人数',
      holders: '在岗人数',
      attendanceRate: '出勤率',
      sessions: '培训班次',
      trainees: '培训人数',
      eligibilityRate: '补贴合格率',
    },
    columns: {
      month: '月份',
      place: '村（社区）',
      placeCode: '区划代码',
      total: '登记人数',
      holders: '在岗人数',
      presentDays: '出勤天数',
      workDays: '应出勤天数',
      attendanceRate: '出勤率',
      sessions: '培训班次',
      trainees: '培训人数',
      eligible: '合格人数',
      eligibilityRate: '合格率',
      totalRow: '合计',
    },
    groupNone: '未标注群体',
    ownPlace: '{{name}}（本级）',
    empty: '所选月份没有数据',
    notes: {
      groups: '一人属于多个群体时在各群体中分别计数，合计可能大于登记人数。',
      posts: '出勤率 = 出勤天数 ÷ 应出勤天数（出勤、事假、病假、旷工，不含休息日）。',
      training: '按开班月份统计；合格 = 实到课时达到补贴资格比例，只计已结业的培训。',
    },
    sheet: {
      byMonth: '按月',
      byPlace: '按村（社区）',
      title: '{{place}} 就业服务统计（{{from}} 至 {{to}}）',
      generated: '导出时间：{{at}}；数据来源：{{source}}',
    },
    employment: {
      byTownship: '按乡镇（街道）',
      township: '乡镇（街道）/ 村（社区）',
      levels: {
        village: '本站的数字来自本站录入的就业状况记录和人员登记。',
        township: '乡镇（街道）的数字：本级录入的记录加上各村（社区）同步上来的副本，按同一定义、同一计算方法统计；每人计在其登记所在的村（社区），同一人同一条记录只计一次。村（社区）尚未同步的记录不计入。',
        county: '县级的数字：从县级服务器汇总库实时查询——先找出所选月份开始就业（单位就业、灵活就业等）的人员，再读取这些人员的全部记录和登记信息，按与村、乡镇相同的定义和计算方法统计；存在冲突的记录（以及存在冲突的人员登记）在县里处理冲突前不计入。各乡镇（街道）行为其所辖村（社区）之和，展开可见各村。',
      },
      sheet: {
        name: '就业统计',
        title: '{{place}} 就业统计（{{from}} 至 {{to}}）',
        byMonth: '按月',
        byPlace: '按村（社区）',
        byGroup: '按重点群体',
        notes: '统计口径',
        notesEn: 'Definitions (English)',
      },
    },
  },
};

/** Merged into the `errors` texts (errors.stats.*). */
export const statsErrorsZhCN = {
  stats: {
    toBeforeFrom: '{{field}}不能早于起始月份',
    rangeTooLong: '统计月份最长 120 个月，请缩短{{field}}',
    countyNotConnected: '本站尚未连接县级服务器，无法查询全县统计',
    countyOffline: '县级服务器当前无法连接，无法显示全县统计（不显示旧数据）',
    countyCredentials: '县级服务器拒绝了本站账号，无法查询全县统计',
  },
};
