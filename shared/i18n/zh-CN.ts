// The app shell's texts, zh-CN (the default language): title, navigation, common words. Plain
// data: shared/ has no React. Each domain keeps its own texts (shared/<domain>/texts.ts, English
// in texts.en.ts) and ./resources.zh-CN.ts merges them for the renderer (./resources.en.ts the
// English ones); the `errors` texts live in ./errors.ts.

import { residentsZhCN } from '../residents/texts';
import { stationZhCN } from '../station/texts';
import { mergeTexts } from './merge';

export const shellZhCN = {
  app: {
    title: '乐业驿站',
    subtitle: '村级就业服务站',
    loading: '正在加载…',
    disconnected: '与本机数据服务的连接已断开，正在重新连接…',
    noBridge: '无法连接本机数据服务：请从乐业驿站程序或它打印的预览地址打开本页面。',
    language: '语言',
    logout: '退出登录',
    demoStation: '演示站点',
    retry: '重试',
  },
  nav: {
    residents: '登记人员',
    register: '新增登记',
    back: '返回列表',
    posts: '公益性岗位',
    training: '技能培训',
    policy: '政策参数',
    stats: '统计',
    sheets: '表格导入导出',
    // The side menu: its groups, the collapse button and the entries of the other domains.
    groups: {
      people: '人员',
      posts: '岗位',
      training: '培训',
      stats: '统计',
      sync: '同步与审核',
      system: '系统',
    },
    collapse: '收起菜单',
    expand: '展开菜单',
    users: '账号管理',
    audit: '审计日志',
    backup: '数据备份',
    county: '批次审核',
    conflicts: '冲突处理',
  },
  fields: {
    // The statistics dashboard's month range.
    from: '起始月份',
    to: '结束月份',
  },
  common: {
    all: '全部',
    yes: '是',
    no: '否',
    ok: '确定',
    cancel: '取消',
  },
};

/** The shell with the station's and the residents' texts, as this file held them before they had their own files. */
export const zhCN = mergeTexts(shellZhCN, stationZhCN, residentsZhCN);

export type UiTexts = typeof zhCN;
