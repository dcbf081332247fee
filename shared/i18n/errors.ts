// The common error messages: every `errors.*` key the core answers with that belongs to no one
// domain (a domain's own live in shared/<domain>/texts.ts). Parameters use i18next's {{name}}
// interpolation; `field` is filled by the UI with the translated field label.

import { countyErrorsZhCN } from '../county/texts';
import { policyErrorsZhCN } from '../policy/texts';
import { postsErrorsZhCN } from '../posts/errorTexts';
import { syncErrorsZhCN } from '../sync/texts';
import { trainingErrorsZhCN } from '../training/texts';
import { transferErrorsZhCN } from '../transfer/texts';

export const commonErrorsZhCN = {
  required: '{{field}}为必填项',
  invalidType: '{{field}}的格式不正确',
  unknownField: '不认识的字段：{{field}}',
  tooLong: '{{field}}不能超过 {{max}} 个字',
  tooShort: '{{field}}至少需要 {{min}} 个字',
  tooMany: '{{field}}最多 {{max}} 项',
  controlChars: '{{field}}含有不可见的控制字符，请重新输入',
  date: '{{field}}不是有效日期（格式 YYYY-MM-DD）',
  dateInFuture: '{{field}}不能晚于今天',
  option: '{{field}}的选项无效',
  id: '记录编号无效',
  name: {
    markup: '姓名不能包含 < > & 引号等符号',
    tooShort: '姓名至少 2 个字',
    chars: '姓名只能包含汉字、字母和间隔号“·”',
  },
  idNumber: {
    format: '身份证号应为 18 位：17 位数字加 1 位数字或 X',
    length: '身份证号应为 18 位，这里是 {{given}} 位',
    chars: '身份证号中有“{{char}}”：只能填数字，最后一位可以是 X',
    birthDate: '身份证号中的出生日期不存在',
    checksum: '身份证号校验位不正确，请核对是否输错',
  },
  age: {
    tooYoung: '此人现年 {{age}} 岁，未满 16 周岁，不能办理登记',
    pastRetirement: '此人现年 {{age}} 岁，已达法定退休年龄（{{retirementDate}} 退休），不能办理{{kind}}',
    implausible: '按身份证号，此人在登记日 {{age}} 岁，不在可登记年龄 {{min}}–{{max}} 岁之内，请核对身份证号',
  },
  phone: '手机号应为 11 位，以 1 开头',
  registrationKind: '请选择登记类型',
  hardshipCategoryRequired: '请至少勾选一项就业困难人员类别',
  careCategoryRequired: '勾选“重点关爱人群”后请至少选择一个子类别',
  careCategoryWithoutKeyCare: '选择重点关爱子类别时须同时勾选“重点关爱人群”',
  loginName: '登录名须以汉字、字母或数字开头，只能包含汉字、字母、数字和 _ . -',
  password: { tooShort: '密码至少 8 位' },
  placeCode: '请选择山东省的县（区）、乡镇（街道）或村（社区）',
  placeNotVillage: '请选择到村（社区）一级',
  placeNotStation: '站点须选到县（区）、乡镇（街道）或村（社区）一级',
  placeUnknown: '行政区划代码 {{code}} 不存在',
  duplicateResident: '此身份证号已在本站登记（{{name}}），不能重复登记',
  notFound: '记录不存在或已被删除',
  conflict: '此记录已被他人修改，请刷新后再改',
  registrationClosed: '此登记已注销，不能再修改',
  registrationAlreadyClosed: '此登记已经注销',
  registrationNotClosed: '此登记未注销，无需重新打开',
  closeBeforeRegistration: '注销日期不能早于登记日期',
  unauthenticated: '请先登录',
  forbidden: '当前账号无权进行此操作',
  badCredentials: '登录名或密码不正确',
  stationNotSetUp: '本站尚未设置，请先完成首次设置',
  stationAlreadySetUp: '本站已经设置过了',
  storage: '数据保存失败（磁盘读写出错），本次没有保存任何内容，请检查磁盘后重试',
  diskFull: '磁盘空间已满，本次没有保存任何内容；已保存的数据不受影响。请清理数据所在磁盘的空间后重试，无需重启',
  dataReadOnly: '数据文件夹不可写入（磁盘或文件夹为只读），本次没有保存任何内容；已保存的数据不受影响。请恢复写入权限后重试',
  unknownHandler: '不支持的操作',
  badMessage: '无法识别的消息，已忽略',
  disconnected: '与本机数据服务的连接已断开，请稍候重试',
  internal: '内部错误，请重试；如仍失败请联系县级技术支持',
  number: {
    invalid: '{{field}}必须是数字',
    range: '{{field}}超出允许范围',
  },
  money: {
    range: '{{field}}金额超出允许范围',
    cents: '{{field}}最多保留两位小数（分）',
  },
  month: '{{field}}不是有效月份（格式 YYYY-MM）',
  time: '{{field}}不是有效时间（格式 HH:MM）',
  endBeforeStart: '结束不能早于开始',
  creditCode: '统一社会信用代码不正确（18 位，校验位不符）',
  /** Labels for parameter values the core sends as codes (see src-renderer/errors.ts). */
  labels: {
    postKind: { rural: '乡村', urban: '城镇' },
    postGroup: {
      povertyAlleviated: '脱贫人口',
      lowIncome: '低收入人口',
      disabled: '残疾人',
      older: '大龄人员',
      zeroEmploymentFamily: '零就业家庭成员',
      olderUnemployed: '大龄失业人员',
    },
    half: { am: '上午', pm: '下午' },
    recordType: {
      resident: '居民登记',
      audit: '审计',
      policy: '政策参数',
      station: '站点',
      post: '公益性岗位',
      assignment: '岗位安置',
      attendance: '考勤',
      monthClose: '月度结算',
      training: '培训班',
      enrolment: '培训报名',
      signIn: '培训签到',
      batch: '上报批次',
      review: '审核',
      unlock: '解锁',
      course: '课程',
      resolution: '重复登记处理',
      heartbeat: '站点心跳',
      employment: '就业状况',
      unknown: '未知类型的',
    },
    listSeparator: '、',
  },
};

/** The common errors with those of posts, training, policy, sync, county and transfer, as this file held them before. */
export const errorsZhCN = {
  ...commonErrorsZhCN,
  ...postsErrorsZhCN,
  ...trainingErrorsZhCN,
  ...policyErrorsZhCN,
  ...syncErrorsZhCN,
  ...countyErrorsZhCN,
  ...transferErrorsZhCN,
};
