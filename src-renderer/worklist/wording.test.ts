// Every rule's row in both languages: a title, a definition, its facts worded, when it is due; no
// missing text, no rule code, id or login name.
import { beforeAll, describe, expect, it } from 'vitest';
import { translatorsWithMissing, type Translators } from '../../shared/i18n/testTranslators';
import { WORKLIST_RULES, type WorklistItem, type WorklistRule } from '../../shared/worklist/contract';
import { rendererResources } from '../rendererTexts';
import { daysBetween, dueText, factLines, openGroups, helpParams, openLabel, ruleHelp, ruleTitle, subjectOf, targetRoute } from './wording';

const RESIDENT = 'resident:abcdefghijklmnopqrstuvwxyz';
/** The facts shared/worklist/rules.ts gives each rule's rows. */
const FACTS: Record<WorklistRule, WorklistItem['facts']> = {
  unemployedNotContacted: { lastContact: '2026-10-01', daysSinceContact: 66 },
  hardshipNoServiceThisQuarter: { quarter: '2026Q4', lastContact: '2026-08-15' },
  assignmentEnding: { post: '保洁员', startDate: '2026-01-01', endDate: '2026-12-20' },
  subsidyLimitNear: { post: '护林员', startDate: '2024-02-01', endDate: '2027-06-30', maxSubsidyMonths: 36, limitDate: '2027-01-31' },
  retirementNear: { post: '护林员', startDate: '2026-01-01', endDate: '2027-06-30', retirementDate: '2027-01-15' },
  trainingNoStatus: { course: '养老护理员（五级）', courseEnd: '2026-05-30' },
  referralNoResult: { referralDate: '2026-11-10', employer: '历下物业服务有限公司', job: '电工' },
  noticeEnded: { from: '2026-11-01', to: '2026-11-15', noticeFrom: '2026-11-20', noticeTo: '2026-11-27', applicants: 3 },
  recruitNoticeEnded: { post: '解放桥社区保洁', windowFrom: '2026-11-10', windowTo: '2026-11-30', noticeFrom: '2026-12-01', noticeTo: '2026-12-03', candidates: 2, waiting: 1 },
};
/** How many lines each rule's facts make (a line may word several facts). */
const LINES: Record<WorklistRule, number> = {
  unemployedNotContacted: 1,
  hardshipNoServiceThisQuarter: 2,
  assignmentEnding: 2,
  subsidyLimitNear: 3,
  retirementNear: 3,
  trainingNoStatus: 2,
  referralNoResult: 2,
  noticeEnded: 2,
  recruitNoticeEnded: 4,
};

const OPENING = { kind: 'opening', postId: 'post:370102001002:XC-001', openingId: 'opening:370102001002:XC-001:abcd1234' } as const;
const noPerson = (rule: WorklistRule) => rule === 'noticeEnded' || rule === 'recruitNoticeEnded';
const item = (rule: WorklistRule, over: Partial<WorklistItem> = {}): WorklistItem => ({
  key: `${rule}:${RESIDENT}:2026-12`,
  rule,
  state: 'due',
  dueDate: '2026-12-10',
  residentId: noPerson(rule) ? null : RESIDENT,
  residentName: noPerson(rule) ? null : '王大山',
  placeCode: '370102001002',
  placeName: '解放桥社区居民委员会',
  target: rule === 'noticeEnded' ? { kind: 'notice', noticeId: 'notice:370102001002:2026-11-20' } : rule === 'recruitNoticeEnded' ? OPENING : { kind: 'resident', residentId: RESIDENT },
  facts: FACTS[rule],
  mark: null,
  ...over,
});

const RAW = new RegExp(`${[...WORKLIST_RULES, 'resident:[a-z]', 'notice:[0-9]', 'opening:[0-9]', 'service:[a-z0-9]', 'post:[0-9]', '2026Q4', 'wangli', 'undefined', 'null', 'NaN', '{{'].join('|')}`);

describe('a 待办 row in words', () => {
  let tr: Translators;
  beforeAll(async () => {
    tr = await translatorsWithMissing(rendererResources);
  });

  it('words every rule: title, definition and facts, in both languages', () => {
    for (const language of ['zh-CN', 'en'] as const) {
      const { t, missing } = tr[language];
      for (const rule of WORKLIST_RULES) {
        const row = item(rule);
        const lines = factLines(t, row, '2026-12-06');
        const words = [ruleTitle(t, rule), ruleHelp(t, rule, helpParams(undefined, '2026-12-06')), ...lines, dueText(t, row, '2026-12-06'), subjectOf(t, row), openLabel(t, row.target)];
        expect(lines.length, `${language} ${rule}`).toBe(LINES[rule]);
        for (const text of words) {
          expect(text, `${language} ${rule}`).toBeTruthy();
          expect(text, `${language} ${rule}`).not.toMatch(RAW);
        }
      }
      expect(missing, language).toEqual([]);
    }
  });

  it('names the facts as the clerk knows them', () => {
    const { t } = tr['zh-CN'];
    const today = '2026-12-06';
    expect(factLines(t, item('unemployedNotContacted'), today)).toEqual(['最近联系（或登记）：2026-10-01，已 66 天']);
    expect(factLines(t, item('hardshipNoServiceThisQuarter'), today)).toEqual(['2026 年第 4 季度尚无服务', '上次服务：2026-08-15']);
    expect(factLines(t, item('hardshipNoServiceThisQuarter', { facts: { quarter: '2026Q4', lastContact: null } }), today)[1]).toBe('登记以来还没有服务记录');
    expect(factLines(t, item('referralNoResult'), today)).toEqual(['推荐：历下物业服务有限公司 · 电工', '推荐日期：2026-11-10（26 天前）']);
    expect(factLines(t, item('subsidyLimitNear'), today)).toEqual(['岗位：护林员', '2027-01-31 补贴满 36 个月', '安置期：2024-02-01 至 2027-06-30']);
    expect(factLines(t, item('noticeEnded'), today)).toEqual(['公示期：2026-11-20 至 2026-11-27', '2026-11-01 至 2026-11-15 申请的 3 人']);
    expect(factLines(t, item('recruitNoticeEnded'), today)).toEqual(['岗位：解放桥社区保洁', '岗位公告：报名 2026-11-10 至 2026-11-30', '公示期：2026-12-01 至 2026-12-03', '拟安置 2 人，尚有 1 人未安置']);
    expect(subjectOf(t, item('recruitNoticeEnded'))).toBe('解放桥社区保洁');
    const en = tr.en.t;
    expect(factLines(en, item('assignmentEnding'), today)).toEqual(['Post: 保洁员', 'Assignment: 2026-01-01 to 2026-12-20']);
    expect(factLines(en, item('retirementNear'), today)[1]).toBe('Reaches the statutory retirement age on 2027-01-15');
    expect(factLines(en, item('hardshipNoServiceThisQuarter'), today)[0]).toBe('No service in Q4 2026');
    expect(factLines(en, item('trainingNoStatus'), today)).toEqual(['Course: 养老护理员（五级）', 'Ended 2026-05-30']);
  });

  it("names the county's numbers in a rule's definition: the parameters in force today, the shipped defaults before", () => {
    const { t } = tr['zh-CN'];
    expect(ruleHelp(t, 'unemployedNotContacted', helpParams(undefined, '2026-12-06'))).toContain('满 30 天');
    const entry = (effectiveFrom: string, contactDays: number) => ({
      id: `policy:worklist:${effectiveFrom}`, rev: '1-a', kind: 'worklist' as const, effectiveFrom, isDefault: false, updatedBy: 'county01', updatedAt: '2026-01-01T00:00:00.000Z',
      values: { ...helpParams(undefined, '2026-01-01'), contactDays },
    });
    const policies = [entry('2026-01-01', 45), entry('2027-01-01', 20)];
    expect(ruleHelp(t, 'unemployedNotContacted', helpParams(policies, '2026-12-06'))).toContain('满 45 天');
    expect(ruleHelp(tr.en.t, 'subsidyLimitNear', helpParams(policies, '2027-02-01'))).toContain('36-month');
  });

  it('says when a row is due, against the list’s today', () => {
    const { t } = tr['zh-CN'];
    expect(dueText(t, { state: 'due', dueDate: '2026-12-10' }, '2026-12-06')).toBe('2026-12-10 到期（还有 4 天）');
    expect(dueText(t, { state: 'due', dueDate: '2026-12-06' }, '2026-12-06')).toBe('今天到期');
    expect(dueText(t, { state: 'overdue', dueDate: '2026-11-30' }, '2026-12-06')).toBe('2026-11-30 到期，已逾期 6 天');
    expect(tr.en.t('worklistScreen.overdueSince', { date: '2026-11-30', count: 6 })).toBe('Due 2026-11-30, 6 days overdue');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
  });

  it('groups by rule in the contract’s order, the groups with overdue rows first, from the whole list’s totals', () => {
    const totals = WORKLIST_RULES.map((rule) => ({ rule, due: 0, overdue: 0, marked: 0 }));
    const set = (rule: WorklistRule, due: number, overdue: number, marked = 0) => Object.assign(totals.find((g) => g.rule === rule)!, { due, overdue, marked });
    set('assignmentEnding', 1, 0);
    set('unemployedNotContacted', 42, 1);
    set('referralNoResult', 0, 1);
    set('trainingNoStatus', 0, 0, 3);
    const groups = openGroups(totals);
    expect(groups.map((g) => g.rule)).toEqual(['unemployedNotContacted', 'referralNoResult', 'assignmentEnding']);
    expect(groups[0]).toMatchObject({ open: 43, overdue: 1 });
  });

  it('opens the person on the 服务记录 tab, or the post or course the row is about', () => {
    expect(targetRoute({ kind: 'resident', residentId: RESIDENT })).toEqual({ name: 'resident', id: RESIDENT, tab: 'services' });
    expect(targetRoute({ kind: 'service', serviceId: 'service:x', residentId: RESIDENT })).toEqual({ name: 'resident', id: RESIDENT, tab: 'services' });
    expect(targetRoute({ kind: 'post', postId: 'post:370102001002:GY-001', residentId: RESIDENT })).toEqual({ name: 'post', id: 'post:370102001002:GY-001' });
    expect(targetRoute({ kind: 'session', sessionId: 'training:1', residentId: RESIDENT })).toEqual({ name: 'session', id: 'training:1' });
    expect(targetRoute(OPENING)).toEqual({ name: 'opening', postId: OPENING.postId, id: OPENING.openingId });
  });
});
