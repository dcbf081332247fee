// Employment status (就业登记) texts, zh-CN; English in texts.en.ts: the statuses, the card on a
// resident's page, the form, the counts and their written definitions (the statistics screen's
// help; the README's "Employment counts" says the same).

export const employmentZhCN = {
  employment: {
    documentType: '就业状况',
    statuses: {
      unemployed: '未就业',
      employee: '单位就业',
      flexible: '灵活就业',
      selfEmployed: '自主创业',
      publicWelfare: '公益性岗位',
      migrant: '外出务工',
      retired: '退休',
      other: '其他',
    },
    areas: { inCounty: '县内', inProvince: '县外省内', outOfProvince: '省外' },
    sources: { closure: '注销登记（已就业）时记录', assignment: '公益性岗位安置时记录' },
    card: {
      title: '就业状况',
      current: '当前状况：',
      none: '尚未登记就业状况',
      history: '变动记录',
      record: '登记就业状况',
      correct: '更正',
      since: '{{date}} 起',
      period: '{{from}} 至 {{to}}',
      ended: '已于 {{date}} 结束',
      recordedBy: '{{name}} 于 {{at}} 登记',
      corrected: '已更正',
      correction: '更正记录：{{reason}}',
      employer: '单位：{{name}}',
      where: '{{area}} {{destination}}',
    },
    form: {
      title: '登记就业状况',
      correctTitle: '更正就业状况',
      save: '保存',
      cancel: '取消',
      saved: '就业状况已登记',
      creditCodeHint: '可不填；填写时须为 18 位统一社会信用代码',
      destinationHint: '知道时填写，如：青岛市黄岛区',
      closureHint: '注销原因为“已就业”时，同时登记就业状况',
      closureDateHint: '不填则为注销日期',
    },
    fields: {
      status: '就业状况',
      area: '务工地',
      destination: '务工地点',
      employerName: '单位名称',
      employerCreditCode: '单位统一社会信用代码',
      effectiveDate: '开始日期',
      endDate: '结束日期',
      note: '备注',
      reason: '更正原因',
    },
    counts: {
      title: '就业统计',
      newUrban: '城镇新增就业',
      reemployed: '失业人员再就业',
      hardship: '就业困难人员实现就业',
      byMonth: '按月',
      byPlace: '按村（社区）',
      byGroup: '按重点群体',
      total: '合计',
      month: '月份',
      place: '村（社区）',
      group: '群体',
      unit: '人次',
      help: {
        entries:
          '就业状况记录按开始日期排列（同日以后登记的为准），被更正的记录不计。“进入就业”指状况为单位就业、灵活就业、自主创业、公益性岗位或外出务工，且此前没有记录、此前为未就业/退休/其他，或此前的就业已在本条开始前结束。',
        newUrban: '城镇新增就业：当月有“进入就业”记录的非农业户口人员，每人每月计一次。',
        reemployed: '失业人员再就业：当月有“进入就业”记录、且在该记录开始日期当天或之前已办理失业登记的人员，每人每月计一次。',
        hardship: '就业困难人员实现就业：当月有“进入就业”记录、且属就业困难人员（就业困难认定登记在该记录开始日期当天或之前，或照顾类别为就业困难）的人员，每人每月计一次。',
        sums: '合计为各月之和（同一人在两个月分别进入就业计两次）；一人属于多个重点群体时在各群体中分别计数。村（社区）按人员登记所在地计。',
      },
    },
  },
};

export const employmentErrorsZhCN = {
  employment: {
    beforeBirth: '开始日期不能早于出生日期（{{birthDate}}）',
    inFuture: '开始日期不能晚于今天',
    endBeforeStart: '结束日期不能早于开始日期',
    notEmployed: '注销原因为“已就业”时，就业状况须为就业（单位就业、灵活就业、自主创业、公益性岗位或外出务工）',
    unknownEntry: '找不到要更正的就业状况记录',
    alreadyCorrected: '这条记录已被更正，请更正最新的记录',
  },
};
