// The posts domain's error messages (zh-CN; English in errorTexts.en.ts): what a refused save says, on its field.

import { exitsErrorsZhCN } from './exitsTexts';

/** The `errors.*` messages of this domain (merged under `errors` in ../i18n/resources.zh-CN.ts; English: ../i18n/resources.en.ts). */
export const postsErrorsZhCN = {
  ...exitsErrorsZhCN,
  override: {
    reasonTooShort: '例外批准须写明理由（至少 10 个字）',
    forbidden: '只有县级或管理员账号可以例外批准',
  },
  post: {
    code: '岗位编号只能包含字母、数字和 -',
    codeTaken: '岗位编号 {{code}} 已被使用',
    placeOutside: '岗位所在地须在本站范围内',
    placeFixed: '岗位建立后不能改所在地；请用新编号另建岗位',
    assignmentOutsidePost: '上岗期间须在岗位的开设期间（{{from}} 至 {{to}}）之内',
    alreadyHolds: '此人在 {{from}} 至 {{to}} 已在岗（{{post}}），同一时期不能再安置',
    age: '此人上岗时 {{age}} 岁，{{postKind}}岗位要求 {{min}} 至 {{max}} 岁',
    ageMin: '此人上岗时 {{age}} 岁，{{postKind}}岗位要求年满 {{min}} 岁',
    retirement: '此人上岗时已达法定退休年龄（{{retirementDate}}）',
    group: '此人不属于{{postKind}}岗位的安置对象（须为{{groups}}之一）',
    maxSubsidy: '岗位补贴期限最长 {{max}} 个月：此人已享受 {{used}} 个月，本次 {{months}} 个月，合计超出',
    registrationClosed: '此人的登记已注销，不能安置',
  },
  attendance: {
    hours: '工时须在 0 到 24 之间，按半小时计',
    hoursRequired: '出勤须填写工时',
    hoursOnlyPresent: '只有出勤才填写工时',
    monthClosed: '{{month}} 已结算锁定，如需修改请先重新打开',
    notHolder: '{{date}} 此人不在岗，不能记考勤',
    future: '不能为今天以后的日期（{{date}}）记考勤',
    otherMonth: '考勤日期须在所选月份内',
    alreadyClosed: '{{month}} 已经结算',
    notClosed: '{{month}} 尚未结算，无需重新打开',
    belowMinimumReason: '{{names}} 的小时工资低于最低工资标准：结算须填写理由',
  },
};
