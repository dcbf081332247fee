// The posts domain's error messages (zh-CN first, English second): what a refused save says, on its field.

import { exitsErrorsEn, exitsErrorsZhCN } from './exitsTexts';

/** The `errors.*` messages of this domain (merged under `errors` in ../i18n/resources.ts). */
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

export const postsErrorsEn: typeof postsErrorsZhCN = {
  ...exitsErrorsEn,
  override: {
    reasonTooShort: 'An override needs a written reason (at least 10 characters)',
    forbidden: 'Only county or admin accounts may override',
  },
  post: {
    code: 'A post code may contain letters, digits and - only',
    codeTaken: 'Post code {{code}} is already used',
    placeOutside: 'The post must be inside this station’s area',
    placeFixed: 'A post’s place cannot change once it is set up; set up a new post with a new code',
    assignmentOutsidePost: 'The assignment must lie within the post’s period ({{from}} to {{to}})',
    alreadyHolds: 'This person already holds a post ({{post}}) from {{from}} to {{to}}',
    age: 'This person is {{age}} at the start; {{postKind}} posts require {{min}} to {{max}}',
    ageMin: 'This person is {{age}} at the start; {{postKind}} posts require at least {{min}}',
    retirement: 'This person has reached statutory retirement age (on {{retirementDate}}) by the start',
    group: 'This person is not in a target group of {{postKind}} posts (one of: {{groups}})',
    maxSubsidy: 'Post subsidy lasts at most {{max}} months: {{used}} used, {{months}} more would pass it',
    registrationClosed: 'This person’s registration is closed',
  },
  attendance: {
    hours: 'Hours must be 0 to 24, in half hours',
    hoursRequired: 'A present day needs its hours',
    hoursOnlyPresent: 'Only present days have hours',
    monthClosed: '{{month}} is closed; reopen it to change it',
    notHolder: 'This person does not hold the post on {{date}}',
    future: 'Attendance cannot be recorded for a day after today ({{date}})',
    otherMonth: 'The day must be in the chosen month',
    alreadyClosed: '{{month}} is already closed',
    notClosed: '{{month}} is not closed',
    belowMinimumReason: '{{names}} earn less than the hourly minimum wage: closing needs a written reason',
  },
};
