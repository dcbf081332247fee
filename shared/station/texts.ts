// Texts of the station's first-run setup and login screens, and the labels of their fields
// (zh-CN; English in texts.en.ts). Merged with the other domains' texts in ../i18n/resources.zh-CN.ts (English: resources.en.ts).

export const stationZhCN = {
  countyStation: {
    notConnected: '县级汇总库未连接',
    hint: '本站是县级站点：连接县级服务器（汇总库）后，即可审核各站上报的批次、查看全县统计；本站修改的政策参数和课程也经此下发。',
  },
  setup: {
    title: '首次设置',
    intro: '请选择本服务站所在的县（区）、乡镇（街道）或村（社区），并创建本站的管理员账号。管理员可以再为经办人开设账号。',
    place: '所在村（社区）',
    placePlaceholder: '市 / 区县 / 乡镇街道 / 村社区',
    placeRequired: '请选择到村（社区）一级',
    admin: '管理员账号',
    loginName: '登录名',
    displayName: '姓名',
    password: '密码',
    confirmPassword: '确认密码',
    passwordMismatch: '两次输入的密码不一致',
    submit: '完成设置',
    or: '或者',
    demo: '使用演示站点',
    demoHint: '演示站点带有虚构的登记人员，便于试用；数据不是真实的。',
  },
  login: {
    title: '登录',
    loginName: '登录名',
    password: '密码',
    submit: '登录',
    showPassword: '显示密码',
    hidePassword: '隐藏密码',
    demoCredentials: '演示站点账号：登录名 {{loginName}}，密码 {{password}}',
  },
  fields: {
    placeCode: '所在村（社区）',
    loginName: '登录名',
    displayName: '姓名',
    password: '密码',
  },
};
