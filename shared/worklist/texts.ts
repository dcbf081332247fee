// Texts of the work list's core (待办): the rules, their states and help, the marks, the facts a
// row shows and the errors (zh-CN; English in texts.en.ts). The screen's own texts (buttons,
// columns) live with the screen. Plain data: shared/ has no React.

export const worklistZhCN = {
  worklist: {
    /** Each rule's name, as a row's group heading. */
    rules: {
      unemployedNotContacted: '登记失业人员未联系',
      hardshipNoServiceThisQuarter: '就业困难人员本季度未服务',
      assignmentEnding: '公益性岗位即将到期',
      subsidyLimitNear: '岗位补贴即将期满',
      retirementNear: '岗位人员即将达到退休年龄',
      trainingNoStatus: '培训结业后未跟踪就业状态',
      referralNoResult: '岗位推荐未记录结果',
      noticeEnded: '认定公示期满待办结',
      recruitNoticeEnded: '拟安置人员公示期满待安置',
    },
    /** What each rule means and what answers it (the screen's help). */
    ruleHelp: {
      unemployedNotContacted: '已登记失业、登记未注销的人员，自最近一次服务（没有服务时自登记日）起满 {{contactDays}} 天应联系一次；到期前 {{leadDays}} 天列出。记录一次服务即办结。',
      hardshipNoServiceThisQuarter: '就业困难人员（认定登记未注销）每个季度至少服务一次；季度末前 {{quarterLeadDays}} 天列出，季度末为到期日。本季度记录一次服务即办结；上季度未服务的，之后补记服务即办结。',
      assignmentEnding: '公益性岗位人员的岗位期限到期前 {{assignmentEndDays}} 天列出，到期日为岗位结束日。记录此人的后续就业状态或续签岗位即办结。',
      subsidyLimitNear: '岗位人员累计享受补贴将满 {{maxSubsidyMonths}} 个月，期满前 {{limitWarnDays}} 天列出。记录此人的后续就业状态，或把岗位结束日改到期满之前，即办结。',
      retirementNear: '岗位人员将在岗位期限内达到法定退休年龄，提前 {{retirementWarnDays}} 天列出。记录后续状态（如退休）或把岗位结束日改到退休之前，即办结。',
      trainingNoStatus: '培训结业满 {{trainingFollowUpMonths}} 个月仍没有记录过就业状态的学员，到期前 {{leadDays}} 天列出。记录一条就业状态即办结。',
      referralNoResult: '岗位推荐后 {{referralResultDays}} 天内应记录推荐结果（录用 / 未录用 / 无正当理由拒绝），到期前列出。记录结果即办结。',
      noticeEnded: '打印的认定公示名单，公示期满后次日列出，{{noticeDecisionDays}} 天内应办结（核实有无异议）。没有记录能自动办结公示：办结后请标记"不适用"，并在原因中写明结果。',
      recruitNoticeEnded:
        '岗位公告的拟安置人员公示期满后次日列出，{{noticeDecisionDays}} 天内应为拟安置人员办理上岗。每位拟安置人员都已安置（或已撤回报名）即办结；异议经核实成立、公示不能安置时也不再列出。',
    },
    /** The states of a row. */
    states: {
      due: '待办',
      overdue: '逾期',
      warning: '预警',
    },
    stateHelp: {
      due: '待办：已到列出日，尚未超过到期日（含到期日当天）。',
      overdue: '逾期：已过到期日仍未办结。',
      warning: '预警：距补贴期满或法定退休年龄已不足 {{exitWarnDays}} 天（县级政策参数），请尽快安排后续。',
      done: '办结：记录了对应的服务、结果或就业状态后，该项不再列出；标记不删除任何记录。',
      kept: '未联系和季度服务逾期后一直列出直到办结；岗位、培训、推荐、公示等一次性事项逾期超过 {{keepOverdueDays}} 天后不再列出。',
    },
    marks: {
      snoozed: '暂缓',
      notApplicable: '不适用',
      reopened: '恢复',
    },
    markHelp: {
      snoozed: '暂缓到指定日期（须在今天之后）；到了那一天，该项重新列出。须写明原因。',
      notApplicable: '此项对此人不适用（如已外出、已去世）；须写明原因。可随时恢复。',
      reopened: '撤销暂缓或不适用，该项重新列出。',
    },
    /** The facts a row shows, by name. */
    facts: {
      lastContact: '最近联系',
      daysSinceContact: '距最近联系（天）',
      quarter: '季度',
      post: '岗位',
      startDate: '岗位开始',
      endDate: '岗位结束',
      maxSubsidyMonths: '补贴期限（月）',
      limitDate: '补贴期满日',
      retirementDate: '退休日期',
      course: '培训课程',
      courseEnd: '结业日期',
      referralDate: '推荐日期',
      employer: '推荐单位',
      job: '推荐岗位',
      from: '申请起',
      to: '申请止',
      noticeFrom: '公示开始',
      noticeTo: '公示结束',
      applicants: '公示人数',
      windowFrom: '报名开始',
      windowTo: '报名截止',
      candidates: '拟安置人数',
      waiting: '未安置人数',
    },
    dueDate: '到期日',
    never: '从未联系',
  },
};

/** Nested under `errors` (each names the field it is about). */
export const worklistErrorsZhCN = {
  worklist: {
    notYourVillage: '只能查看本站或本乡镇所辖村的待办',
    untilNotAfterToday: '暂缓至的日期须在今天之后',
    noSuchRow: '待办中没有这一项（可能已办结）',
    readOnly: '这是村站数据的只读副本，不能标记',
    nothingToReopen: '这一项没有暂缓或不适用标记，无需恢复',
  },
  labels: { recordType: { worklistMark: '待办标记' } },
};
