// Texts of ending a post assignment early (提前结束), zh-CN; English in exitsTexts.en.ts: the holder
// row's action, the dialog, the ended holder, the warnings, and the refusals (under `errors`).
// The reasons' status mapping is written out in `mappingHelp` (see ./exits.ts nextStatusOf).

export const exitsZhCN = {
  /** The record type's name (deep-merged into `errors.labels` by ../i18n/resources.zh-CN.ts). */
  errors: { labels: { recordType: { assignmentExit: '提前结束上岗', exitWithdrawal: '撤销提前结束' } } },
  exits: {
    action: '提前结束',
    title: '提前结束上岗：{{name}}',
    date: '最后在岗日期',
    dateHint: '这一天仍在岗，可记考勤；次日起不在岗',
    reason: '结束原因',
    note: '备注',
    nextStatus: '此后的就业状态',
    nextStatusHint: '自最后在岗日期的次日起记入就业状态台账',
    employer: '就业单位',
    noStatus: '不记录新的就业状态',
    submit: '确认结束',
    cancel: '取消',
    done: '已提前结束：{{name}}',
    ended: '已于 {{date}} 提前结束（{{reason}}）',
    endedTag: '提前结束',
    endedReason: '（提前结束：{{reason}}）',
    withdraw: '撤销',
    withdrawTitle: '撤销提前结束：{{name}}',
    withdrawHint: '撤销后此人自 {{next}} 起恢复在岗，可补记考勤；就业状态台账随之更正。撤销记录保留，不可删除。',
    exitDate: '被撤销的最后在岗日期',
    withdrawReason: '撤销原因',
    withdrawReasonPlaceholder: '例如：结束错了人、日期记错',
    withdrawSubmit: '确认撤销',
    withdrawn: '已撤销：{{name}}',
    withdrawnLine: '{{date}} 提前结束（{{reason}}）已由 {{by}} 于 {{at}} 撤销：{{why}}',
    withdrawnTag: '已撤销',
    mappingHelp:
      '结束原因与此后的就业状态：就业 → 由经办人选择（默认"单位就业"），可填就业单位；到龄 → 退休；死亡 → 不记录新状态；违纪、考核不合格、本人申请、迁出 → 未就业（经办人可改选）。原"公益性岗位"状态的截止日期改为最后在岗日期。',
    reasons: {
      employed: '就业',
      misconduct: '违纪',
      failedAssessment: '考核不合格',
      ownRequest: '本人申请',
      retirementAge: '到龄',
      death: '死亡',
      movedAway: '迁出',
    },
    warnings: {
      subsidyLimit: '{{date}} 补贴期满',
      retirement: '{{date}} 到退休年龄',
      subsidyLimitHelp: '岗位补贴期限（最长 {{max}} 个月，含此前各次上岗实际在岗的月数）到 {{date}} 用满',
      retirementHelp: '此人 {{date}} 达到法定退休年龄',
    },
  },
};

/** The `errors.*` messages of exits (merged under `errors` with the posts domain's). */
export const exitsErrorsZhCN = {
  exit: {
    alreadyEnded: '这次上岗已于 {{date}} 提前结束',
    beforeStart: '最后在岗日期不能早于上岗日期（{{from}}）',
    afterEnd: '最后在岗日期不能晚于上岗期满日期（{{to}}）',
    inFuture: '最后在岗日期不能晚于今天（{{today}}）',
    monthClosed: '{{month}} 已结算锁定：请先重新打开该月，再提前结束',
    countyLocked: '{{month}} 的考勤已由县级审核锁定（{{at}}）：须县级解锁后才能提前结束',
    failedMonths: '考核不合格须累计 {{needed}} 个月不合格才能结束，此人到 {{date}} 前只有 {{failed}} 个月',
    noStatusAfterDeath: '原因为"死亡"时不记录新的就业状态',
    notEnded: '这次上岗没有待撤销的提前结束',
    withdrawMonthClosed: '{{month}} 已结算锁定：请先重新打开该月，再撤销提前结束',
    withdrawCountyLocked: '{{month}} 的考勤已由县级审核锁定（{{at}}）：须县级解锁后才能撤销',
    exitCountyLocked: '这次提前结束已由县级审核通过并锁定（{{at}}）：须县级解锁后才能撤销',
  },
};
