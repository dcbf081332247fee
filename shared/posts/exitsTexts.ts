// Texts of ending a post assignment early (提前结束), zh-CN first, English second: the holder
// row's action, the dialog, the ended holder, the warnings, and the refusals (under `errors`).
// The reasons' status mapping is written out in `mappingHelp` (see ./exits.ts nextStatusOf).

export const exitsZhCN = {
  /** The record type's name (deep-merged into `errors.labels` by ../i18n/resources.ts). */
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

export const exitsEn: typeof exitsZhCN = {
  errors: { labels: { recordType: { assignmentExit: 'Assignment ended early', exitWithdrawal: 'Early end withdrawn' } } },
  exits: {
    action: 'End early',
    title: 'End the assignment early: {{name}}',
    date: 'Last day held',
    dateHint: 'Still held on this day (attendance allowed); not held from the next day',
    reason: 'Reason',
    note: 'Note',
    nextStatus: 'Employment status afterwards',
    nextStatusHint: 'Recorded in the employment status ledger from the day after the last day held',
    employer: 'Employer',
    noStatus: 'No new employment status',
    submit: 'End assignment',
    cancel: 'Cancel',
    done: 'Assignment ended early: {{name}}',
    ended: 'Ended early on {{date}} ({{reason}})',
    endedTag: 'Ended early',
    endedReason: ' (ended early: {{reason}})',
    withdraw: 'Withdraw',
    withdrawTitle: 'Withdraw the early end: {{name}}',
    withdrawHint: 'After the withdrawal this person holds the post again from {{next}} (attendance may be entered); the employment status ledger is corrected. The withdrawal is kept and cannot be deleted.',
    exitDate: 'Withdrawn last day held',
    withdrawReason: 'Reason for withdrawing',
    withdrawReasonPlaceholder: 'E.g. the wrong holder was ended, the date was wrong',
    withdrawSubmit: 'Withdraw',
    withdrawn: 'Early end withdrawn: {{name}}',
    withdrawnLine: 'Ended early on {{date}} ({{reason}}), withdrawn by {{by}} on {{at}}: {{why}}',
    withdrawnTag: 'Withdrawn',
    mappingHelp:
      'Reasons and the status afterwards: employed → chosen by the clerk (default "employee"), with the employer; retirement age → retired; death → no new status; misconduct, failed assessment, own request, moved away → unemployed (the clerk may choose another). The public-welfare post status ends on the last day held.',
    reasons: {
      employed: 'Employed',
      misconduct: 'Misconduct',
      failedAssessment: 'Failed assessment',
      ownRequest: 'Own request',
      retirementAge: 'Retirement age',
      death: 'Death',
      movedAway: 'Moved away',
    },
    warnings: {
      subsidyLimit: 'Subsidy ends {{date}}',
      retirement: 'Retirement age {{date}}',
      subsidyLimitHelp: 'The post subsidy (at most {{max}} months, counting the months held in earlier assignments) runs out on {{date}}',
      retirementHelp: 'This person reaches the statutory retirement age on {{date}}',
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

export const exitsErrorsEn: typeof exitsErrorsZhCN = {
  exit: {
    alreadyEnded: 'This assignment was already ended early on {{date}}',
    beforeStart: 'The last day held cannot be before the start ({{from}})',
    afterEnd: 'The last day held cannot be after the assignment’s end ({{to}})',
    inFuture: 'The last day held cannot be after today ({{today}})',
    monthClosed: '{{month}} is closed: reopen it before ending the assignment early',
    countyLocked: 'The county accepted the attendance of {{month}} ({{at}}): the county must unlock it first',
    failedMonths: 'A failed assessment ends an assignment after {{needed}} failed months; before {{date}} this person has {{failed}}',
    noStatusAfterDeath: 'No new employment status is recorded after a death',
    notEnded: 'This assignment has no early end to withdraw',
    withdrawMonthClosed: '{{month}} is closed: reopen it before withdrawing the early end',
    withdrawCountyLocked: 'The county accepted the attendance of {{month}} ({{at}}): the county must unlock it before the withdrawal',
    exitCountyLocked: 'The county accepted this early end ({{at}}): the county must unlock it before it can be withdrawn',
  },
};
