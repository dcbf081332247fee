// The follow-up ledgers at the core, read back with exceljs: the 援助台账 (who is in it, every
// service of the period with corrections and referral results, the current status) and the
// 就业失业动态台账 of a month (status at the start and end, the change dates, the three counts by
// the written definitions with hand-computed expectations and a totals row equal to the
// statistics' figures), masked unless full was asked, in Chinese and in English, each export audited.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core, Session } from '../core';
import { clockedStations, idNumber, refusal, registration } from '../testing/fixtures';

const station = clockedStations();

type Sheet = { name: string; rows: unknown[][] };

async function readBook(content: string): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(content, 'base64') as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: ws.columnCount }, (_, i) => row.getCell(i + 1).value ?? '')));
    return { name: ws.name, rows };
  });
}

/** The rows of a sheet below its title and header, as objects by header. */
function table(sheet: Sheet): Record<string, unknown>[] {
  const header = sheet.rows[1]!.map(String);
  return sheet.rows.slice(2).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const ZHANG = idNumber('19800101', '111');
const LI = idNumber('19750202', '222');
const WANG = idNumber('19900303', '333');
const ZHAO = idNumber('19950404', '444');
const QIAN = idNumber('19850505', '555');

/**
 * 张三: 失业登记 (非农业) served in December (a visit later corrected, a referral hired), closed as
 * employed on 12-10. 李四: 就业困难人员 (零就业家庭), 灵活就业 from 11-05, never served. 王五: job
 * seeker served once. 赵六: job seeker never served. 钱七: 失业登记 since 11-20, nothing else.
 */
async function seeded() {
  const s = await station('2026-11-25T10:00:00+08:00');
  const { core, session, at } = s;
  const register = (overrides: Parameters<typeof registration>[0]) => core.call(session, 'residents.register', registration(overrides));
  const zhang = await register({ idNumber: ZHANG, name: '张三', householdType: 'nonAgricultural', registration: { kind: 'unemployment', date: '2026-10-01', unemploymentType: 'lostJob', unemployedSince: '2026-09-01' } });
  const li = await register({
    idNumber: LI,
    name: '李四',
    targetGroups: ['keyCare'],
    careCategories: ['hardToEmploy'],
    registration: { kind: 'hardship', date: '2026-11-01', hardshipCategories: ['zeroEmploymentFamily'] },
  });
  const wang = await register({ idNumber: WANG, name: '王五' });
  await register({ idNumber: ZHAO, name: '赵六' });
  await register({ idNumber: QIAN, name: '钱七', registration: { kind: 'unemployment', date: '2026-11-20', unemploymentType: 'graduateUnemployed', unemployedSince: '2026-07-01' } });
  await core.call(session, 'employment.record', { residentId: li.id, status: 'flexible', effectiveDate: '2026-11-05' });
  // A service of November: outside a December period.
  await core.call(session, 'services.record', { residentId: zhang.id, date: '2026-11-10', channel: 'phone', kind: 'policyConsultation', content: '咨询失业保险' });

  at('2026-12-15T10:00:00+08:00');
  const visit = await core.call(session, 'services.record', { residentId: zhang.id, date: '2026-12-02', channel: 'homeVisit', kind: 'careerGuidance', content: '入户了解求职意向', outcome: '愿意参加培训' });
  await core.call(session, 'services.correct', { entry: 'service', corrects: visit.id, date: '2026-12-03', channel: 'homeVisit', kind: 'careerGuidance', content: '入户了解求职意向，已报名电工培训', outcome: '已报名' });
  const referral = await core.call(session, 'services.record', {
    residentId: zhang.id,
    date: '2026-12-05',
    channel: 'atStation',
    kind: 'jobReferral',
    content: '推荐到物业公司面试',
    referral: { employerName: '历下物业服务有限公司', employerCreditCode: '91350100M000100Y43', job: '电工', pay: '月薪 4000 元' },
  });
  await core.call(session, 'services.result', { referralId: referral.id, date: '2026-12-10', result: 'hired', note: '12 月 10 日上岗' });
  await core.call(session, 'services.record', { residentId: wang.id, date: '2026-12-08', channel: 'wechat', kind: 'policyConsultation', content: '咨询创业补贴' });
  const view = (await core.call(session, 'residents.get', { id: zhang.id }))!;
  await core.call(session, 'residents.close', {
    id: zhang.id,
    rev: view.rev,
    reason: 'employed',
    date: '2026-12-10',
    employment: { status: 'employee', employer: { name: '历下物业服务有限公司', creditCode: '' }, effectiveDate: '2026-12-10' },
  });
  return s;
}

async function audits(core: Core) {
  const all = await core.db.allDocs<{ action: string; field: string; reason: string }>({ startkey: 'audit:', endkey: 'audit:\ufff0', include_docs: true });
  return all.rows.map((r) => r.doc!).filter((d) => d.action === 'export').map((d) => [d.field, d.reason]);
}

async function assistance(core: Core, session: Session, args: Record<string, unknown> = {}) {
  const file = await core.call(session, 'sheets.exportAssistance', { from: '2026-12', to: '2026-12', ...args });
  return { file, book: await readBook(file.content) };
}

describe('援助台账', () => {
  it('lists the registered unemployed, the hard to employ and whoever was served, one row per current service, masked', async () => {
    const { core, session } = await seeded();
    const { file, book } = await assistance(core, session);
    expect(file.fileName).toMatch(/^援助台账-.*-2026-12\.xlsx$/);
    expect(book.map((s) => s.name)).toEqual(['人员汇总', '服务记录', '说明']);
    const [people, services, notes] = book as [Sheet, Sheet, Sheet];
    expect(String(people.rows[0]![0])).toContain('期间：2026-12 至 2026-12');
    expect(String(people.rows[0]![0])).toContain('已脱敏');
    expect(people.rows[1]).toEqual(['序号', '姓名', '身份证号', '性别', '年龄', '村（社区）', '联系电话', '登记类型', '登记日期', '人员类别', '就业困难人员类别', '期间服务次数', '最近服务日期', '岗位推荐次数', '推荐录用次数', '当前就业状况', '状况起始日期', '就业单位/务工地']);
    // 张三 (closed, but served), 李四 (hardship), 王五 (served), 钱七 (unemployed); not 赵六.
    const rows = table(people);
    expect(rows.map((r) => r['姓名']).sort()).toEqual(['张三', '李四', '王五', '钱七'].sort());
    expect(file.rows).toBe(4);
    const zhang = rows.find((r) => r['姓名'] === '张三')!;
    expect(zhang).toMatchObject({
      身份证号: `3701**********${ZHANG.slice(-4)}`,
      性别: '男',
      年龄: 46,
      '村（社区）': '解放桥社区居民委员会',
      联系电话: '138****5678',
      登记类型: '失业登记（已注销，已就业，2026-12-10）',
      期间服务次数: 2,
      最近服务日期: '2026-12-05',
      岗位推荐次数: 1,
      推荐录用次数: 1,
      当前就业状况: '单位就业',
      状况起始日期: '2026-12-10',
      '就业单位/务工地': '历下物业服务有限公司',
    });
    const li = rows.find((r) => r['姓名'] === '李四')!;
    expect(li).toMatchObject({ 人员类别: '重点关爱人群（就业困难人员）', 就业困难人员类别: '零就业家庭成员', 期间服务次数: 0, 当前就业状况: '灵活就业', 状况起始日期: '2026-11-05' });
    expect(rows.find((r) => r['姓名'] === '钱七')).toMatchObject({ 当前就业状况: '未登记就业状况', 登记类型: '失业登记（有效）' });

    const detail = table(services);
    const zhangServices = detail.filter((r) => r['姓名'] === '张三');
    // The November call is outside the period; the corrected visit is listed once, as corrected.
    expect(zhangServices.map((r) => [r['服务日期'], r['服务方式'], r['服务类别'], r['服务内容'], r['备注']])).toEqual([
      ['2026-12-03', '入户走访', '职业指导', '入户了解求职意向，已报名电工培训', '更正了 2026-12-02 的记录'],
      ['2026-12-05', '到站', '岗位推荐', '推荐到物业公司面试', ''],
    ]);
    expect(zhangServices[1]).toMatchObject({ 推荐单位: '历下物业服务有限公司', 推荐岗位: '电工', 岗位薪酬: '月薪 4000 元', 推荐结果: '录用（12 月 10 日上岗）', 结果日期: '2026-12-10', 经办人: '王丽' });
    expect(detail.filter((r) => r['姓名'] === '李四').map((r) => r['服务类别'])).toEqual(['期间无服务记录']);
    expect(JSON.stringify(book)).not.toContain(ZHANG);
    expect(JSON.stringify(book)).not.toMatch(/careerGuidance|homeVisit|service:|resident:|370102001002|wangli/);
    expect(notes.rows.map((r) => String(r[0])).join('\n')).toContain('被更正的原记录不再列出');
    expect(await audits(core)).toContainEqual(['assistance 2026-12..2026-12 4', 'masked']);
  });

  it('reveals full ID numbers and phones when asked, audited as full; a referral result in the period brings its older referral', async () => {
    const { core, session, at } = await seeded();
    at('2027-01-20T10:00:00+08:00');
    const { book } = await assistance(core, session, { from: '2027-01', to: '2027-01', full: true });
    // No service in January: 张三 (closed, unserved) is out; 李四 and 钱七 stay with no service.
    expect(table(book[0]!).map((r) => r['姓名']).sort()).toEqual(['李四', '钱七'].sort());
    const { book: december } = await assistance(core, session, { full: true });
    const zhang = table(december[0]!).find((r) => r['姓名'] === '张三')!;
    expect([zhang['身份证号'], zhang['联系电话']]).toEqual([ZHANG, '13812345678']);
    expect(String(december[0]!.rows[0]![0])).toContain('完整');
    expect(await audits(core)).toContainEqual(['assistance 2026-12..2026-12 4', 'full']);

    const ids = await core.call(session, 'residents.search', { query: QIAN, limit: 1 });
    const referral = await core.call(session, 'services.record', {
      residentId: ids.items[0]!.id, date: '2027-01-05', channel: 'phone', kind: 'jobReferral', content: '推荐面试', referral: { employerName: '济南超市', job: '理货员' },
    });
    // Corrected in January (before the period); the result in February names the first version.
    await core.call(session, 'services.correct', {
      entry: 'service', corrects: referral.id, date: '2027-01-06', channel: 'phone', kind: 'jobReferral', content: '推荐面试', referral: { employerName: '济南超市', job: '理货员（夜班）' },
    });
    const call = await core.call(session, 'services.record', { residentId: ids.items[0]!.id, date: '2027-01-10', channel: 'phone', kind: 'followUp', content: '电话回访' });
    at('2027-02-03T10:00:00+08:00');
    await core.call(session, 'services.result', { referralId: referral.id, date: '2027-02-02', result: 'notHired' });
    // A January call corrected in February to a February date.
    await core.call(session, 'services.correct', { entry: 'service', corrects: call.id, date: '2027-02-01', channel: 'phone', kind: 'followUp', content: '电话回访，仍在求职' });
    const { book: february } = await assistance(core, session, { from: '2027-02', to: '2027-02' });
    const rows = table(february[1]!).filter((r) => r['姓名'] === '钱七');
    expect(rows.map((r) => [r['服务日期'], r['服务类别'], r['推荐岗位'], r['推荐结果'], r['结果日期'], r['备注']])).toEqual([
      ['2027-01-06', '岗位推荐', '理货员（夜班）', '未录用', '2027-02-02', '更正了 2027-01-05 的记录；推荐在期间之前，结果在期间内'],
      ['2027-02-01', '回访', '', '', '', '更正了 2027-01-10 的记录'],
    ]);
  });

  it('speaks English when asked: headers, labels and notes', async () => {
    const { core, session } = await seeded();
    const { file, book } = await assistance(core, session, { locale: 'en' });
    expect(file.fileName).toMatch(/^Assistance-ledger-/);
    expect(book.map((s) => s.name)).toEqual(['People', 'Services', 'Notes']);
    expect(book[0]!.rows[1]!.slice(0, 8)).toEqual(['No.', 'Name', 'ID number', 'Sex', 'Age', 'Village (community)', 'Phone', 'Registration']);
    const zhang = table(book[0]!).find((r) => r['Name'] === '张三')!;
    expect(zhang).toMatchObject({ Sex: 'Male', Registration: 'Unemployment (Closed, Employed, 2026-12-10)', 'Current employment status': 'Employed by an employer' });
    const visit = table(book[1]!).find((r) => r['Name'] === '张三')!;
    expect(visit).toMatchObject({ Channel: 'Home visit', Service: 'Career guidance', Remarks: 'Corrects the record of 2026-12-02' });
    expect(JSON.stringify(book)).not.toMatch(/[男女]|入户走访|职业指导|单位就业|未登记/);
  });

  it('refuses a period that ends before it starts or is longer than a year, on its field', async () => {
    const { core, session } = await station('2026-12-15T10:00:00+08:00');
    expect(await refusal(core.call(session, 'sheets.exportAssistance', { from: '2026-12', to: '2026-11' }))).toMatchObject({ field: 'to', messageKey: 'errors.sheets.toBeforeFrom' });
    expect(await refusal(core.call(session, 'sheets.exportAssistance', { from: '2025-01', to: '2026-12' }))).toMatchObject({ field: 'from', messageKey: 'errors.sheets.periodTooLong' });
    // Without a period: January to the current month.
    expect((await core.call(session, 'sheets.exportAssistance', {})).fileName).toMatch(/-2026-01-2026-12\.xlsx$/);
  });
});

describe('就业失业动态台账', () => {
  async function dynamics(core: Core, session: Session, month: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
    const file = await core.call(session, 'sheets.exportDynamics', { month, locale });
    const book = await readBook(file.content);
    return { file, book, rows: table(book[0]!) };
  }

  it('December: the change into employment counts as new urban and re-employment; the registered unemployed at month end are listed; totals equal the statistics', async () => {
    const { core, session } = await seeded();
    const { file, book, rows } = await dynamics(core, session, '2026-12');
    expect(book[0]!.name).toBe('动态台账 2026-12');
    expect(book[0]!.rows[1]).toEqual(['序号', '姓名', '身份证号', '性别', '年龄', '村（社区）', '登记类型', '列入原因', '月初就业状况', '月末就业状况', '变动日期', '就业单位', '务工地', '务工地点', '计入城镇新增就业', '计入失业人员再就业', '计入就业困难人员实现就业']);
    expect(file.rows).toBe(2);
    const [qian, zhang, total] = [rows.find((r) => r['姓名'] === '钱七')!, rows.find((r) => r['姓名'] === '张三')!, rows.at(-1)!];
    expect(zhang).toMatchObject({
      身份证号: `3701**********${ZHANG.slice(-4)}`,
      列入原因: '本月就业状况变动',
      月初就业状况: '无记录',
      月末就业状况: '单位就业',
      变动日期: '2026-12-10',
      就业单位: '历下物业服务有限公司',
      // 非农业 → 城镇新增就业; 失业登记 on 10-01, before 12-10 → 失业人员再就业; not hard to employ.
      计入城镇新增就业: '是',
      计入失业人员再就业: '是',
      计入就业困难人员实现就业: '',
    });
    expect(qian).toMatchObject({ 列入原因: '月末为登记失业人员', 月初就业状况: '无记录', 月末就业状况: '无记录', 计入城镇新增就业: '' });
    // 李四's status did not change in December; 王五 and 赵六 are not registered unemployed.
    expect(rows.map((r) => r['姓名'])).not.toContain('李四');
    expect(total).toMatchObject({ 序号: '', 姓名: '合计', 身份证号: '2 人', 计入城镇新增就业: 1, 计入失业人员再就业: 1, 计入就业困难人员实现就业: 0 });
    expect(String(total['列入原因'])).toBe('本月就业状况变动 1 人；月末为登记失业人员 1 人');
    const figures = await core.call(session, 'employment.counts', { from: '2026-12', to: '2026-12' });
    expect([total['计入城镇新增就业'], total['计入失业人员再就业'], total['计入就业困难人员实现就业']]).toEqual([figures.total.newUrban, figures.total.reemployed, figures.total.hardship]);
    // The notes carry the statistics screen's own definitions.
    expect(book[1]!.rows.map((r) => String(r[0])).join('\n')).toContain('城镇新增就业：当月有“进入就业”记录的非农业户口人员');
    expect(await audits(core)).toContainEqual(['dynamics 2026-12 2', 'masked']);
  });

  it('November: 李四 moves into 灵活就业 and counts only as a hard-to-employ person employed (agricultural household, no 失业登记)', async () => {
    const { core, session } = await seeded();
    const { rows } = await dynamics(core, session, '2026-11');
    const li = rows.find((r) => r['姓名'] === '李四')!;
    expect(li).toMatchObject({ 月初就业状况: '无记录', 月末就业状况: '灵活就业', 变动日期: '2026-11-05', 计入城镇新增就业: '', 计入失业人员再就业: '', 计入就业困难人员实现就业: '是' });
    // 张三 and 钱七 were registered unemployed at the end of November.
    expect(rows.slice(0, -1).map((r) => r['姓名']).sort()).toEqual(['张三', '李四', '钱七'].sort());
    expect(rows.at(-1)).toMatchObject({ 计入城镇新增就业: 0, 计入失业人员再就业: 0, 计入就业困难人员实现就业: 1 });
    const figures = await core.call(session, 'employment.counts', { from: '2026-11', to: '2026-11' });
    expect(figures.total).toEqual({ newUrban: 0, reemployed: 0, hardship: 1 });
  });

  it('a status that ends in the month is a change, shown with its end date; English headers and labels', async () => {
    const { core, session, at } = await seeded();
    const ids = await core.call(session, 'residents.search', { query: ZHAO, limit: 1 });
    at('2027-01-20T10:00:00+08:00');
    await core.call(session, 'employment.record', { residentId: ids.items[0]!.id, status: 'migrant', area: 'outOfProvince', destination: '江苏省苏州市', effectiveDate: '2026-12-20', endDate: '2027-01-10' });
    const { rows } = await dynamics(core, session, '2027-01');
    expect(rows.find((r) => r['姓名'] === '赵六')).toMatchObject({ 月初就业状况: '外出务工（省外 江苏省苏州市）', 月末就业状况: '外出务工（省外 江苏省苏州市）（2027-01-10 结束）', 变动日期: '2027-01-10', 务工地: '省外', 务工地点: '江苏省苏州市' });
    const en = await dynamics(core, session, '2027-01', 'en');
    expect(en.book[0]!.rows[1]!.slice(8, 11)).toEqual(['Status at start of month', 'Status at end of month', 'Change dates']);
    expect(en.rows.find((r) => r['Name'] === '赵六')).toMatchObject({ 'Status at end of month': 'Working away from home (Outside Shandong 江苏省苏州市) (ended 2027-01-10)', Where: 'Outside Shandong' });
    expect(en.rows.at(-1)).toMatchObject({ Name: 'Total', 'ID number': 'People: 2', 'Listed because': 'Status changed this month: 1; Registered unemployed at month end: 1' });
  });
});
