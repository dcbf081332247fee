// Every rule's row in both languages: a title, a definition, its facts worded, when it is due; no
// missing text, no rule code, id or login name.
import { beforeAll, describe, expect, it } from 'vitest';
import { translatorsWithMissing, type Translators } from '../../shared/i18n/testTranslators';
import { WORKLIST_RULES, type WorklistItem, type WorklistRule } from '../../shared/worklist/contract';
import { rendererResources } from '../rendererTexts';
import { daysBetween, dueText, factLines, groupByRule, openLabel, ruleHelp, ruleTitle, subjectOf, targetRoute } from './wording';

const RESIDENT = 'resident:abcdefghijklmnopqrstuvwxyz';
const FACTS: Record<WorklistRule, WorklistItem['facts']> = {
  unemployedNotContacted: { lastContact: '2026-10-01', days: 66, registeredOn: '2026-09-01', thresholdDays: 45 },
  hardshipNoServiceThisQuarter: { hardshipCategory: 'longTermUnemployed', quarterFrom: '2026-10-01', quarterTo: '2026-12-31', lastService: '2026-08-15' },
  assignmentEnding: { postName: '保洁员', endDate: '2026-12-20' },
  subsidyLimitNear: { postName: '护林员', months: 35, limitDate: '2027-01-31' },
  retirementNear: { postName: '护林员', retirementDate: '2027-01-15', age: 60 },
  trainingNoStatus: { courseName: '养老护理员（五级）', courseEnd: '2026-05-30' },
  referralNoResult: { employerName: '历下物业服务有限公司', job: '电工', referralDate: '2026-11-10', days: 26 },
  noticeEnded: { from: '2026-11-20', to: '2026-11-27', people: 3 },
};

const item = (rule: WorklistRule, over: Partial<WorklistItem> = {}): WorklistItem => ({
  key: `${rule}:${RESIDENT}:2026-12`,
  rule,
  state: 'due',
  dueDate: '2026-12-10',
  residentId: rule === 'noticeEnded' ? null : RESIDENT,
  residentName: rule === 'noticeEnded' ? null : '王大山',
  placeCode: '370102001002',
  target: rule === 'noticeEnded' ? { kind: 'notice', noticeId: 'notice:370102001002:2026-11-20' } : { kind: 'resident', residentId: RESIDENT },
  facts: FACTS[rule],
  mark: null,
  ...over,
});

const RAW = new RegExp(`${[...WORKLIST_RULES, 'resident:', 'notice:', 'longTermUnemployed', 'wangli', 'undefined', 'null', '{{'].join('|')}`);

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
        const lines = factLines(t, row);
        const words = [ruleTitle(t, rule), ruleHelp(t, rule, [row]), ...lines, dueText(t, row, '2026-12-06'), subjectOf(t, row), openLabel(t, row.target)];
        expect(lines.length, `${language} ${rule}`).toBe(Object.keys(FACTS[rule]).filter((key) => !['days', 'thresholdDays', 'job', 'age', 'quarterTo', 'to'].includes(key)).length);
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
    expect(factLines(t, item('unemployedNotContacted'))).toEqual(['最近联系：2026-10-01（66 天前）', '失业登记：2026-09-01']);
    expect(factLines(t, item('unemployedNotContacted', { facts: { lastContact: null, days: 40 } }))).toEqual(['登记后未联系（40 天）']);
    expect(factLines(t, item('hardshipNoServiceThisQuarter'))[0]).toBe('类别：连续失业一年以上人员');
    expect(factLines(t, item('referralNoResult'))).toEqual(['推荐：历下物业服务有限公司 · 电工', '推荐日期：2026-11-10（26 天前）']);
    expect(ruleHelp(t, 'unemployedNotContacted', [item('unemployedNotContacted')])).toContain('超过 45 天');
    const en = tr.en.t;
    expect(factLines(en, item('assignmentEnding'))).toEqual(['Post: 保洁员', 'Assignment ends 2026-12-20']);
    expect(factLines(en, item('retirementNear'))).toEqual(['Post: 护林员', 'Reaches retirement age (60) on 2027-01-15']);
  });

  it('says when a row is due, against the list’s today', () => {
    const { t } = tr['zh-CN'];
    expect(dueText(t, { state: 'due', dueDate: '2026-12-10' }, '2026-12-06')).toBe('2026-12-10 到期（还有 4 天）');
    expect(dueText(t, { state: 'due', dueDate: '2026-12-06' }, '2026-12-06')).toBe('今天到期');
    expect(dueText(t, { state: 'overdue', dueDate: '2026-11-30' }, '2026-12-06')).toBe('2026-11-30 到期，已逾期 6 天');
    expect(tr.en.t('worklistScreen.overdueSince', { date: '2026-11-30', count: 6 })).toBe('Due 2026-11-30, 6 days overdue');
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
  });

  it('groups by rule in the contract’s order, the groups with overdue rows first, each overdue first then by due date', () => {
    const rows = [
      item('assignmentEnding', { key: 'a1', dueDate: '2026-12-20' }),
      item('unemployedNotContacted', { key: 'u1', dueDate: '2026-12-09' }),
      item('unemployedNotContacted', { key: 'u2', dueDate: '2026-12-01', state: 'overdue' }),
      item('referralNoResult', { key: 'r1', dueDate: '2026-11-24', state: 'overdue' }),
      item('unemployedNotContacted', { key: 'u3', dueDate: '2026-12-07' }),
    ];
    const groups = groupByRule(rows);
    expect(groups.map((g) => g.rule)).toEqual(['unemployedNotContacted', 'referralNoResult', 'assignmentEnding']);
    expect(groups[0]!.items.map((row) => row.key)).toEqual(['u2', 'u3', 'u1']);
    expect(groups[0]!.overdue).toBe(1);
  });

  it('opens the person on the 服务记录 tab, or the post or course the row is about', () => {
    expect(targetRoute({ kind: 'resident', residentId: RESIDENT })).toEqual({ name: 'resident', id: RESIDENT, tab: 'services' });
    expect(targetRoute({ kind: 'service', serviceId: 'service:x', residentId: RESIDENT })).toEqual({ name: 'resident', id: RESIDENT, tab: 'services' });
    expect(targetRoute({ kind: 'post', postId: 'post:370102001002:GY-001', residentId: RESIDENT })).toEqual({ name: 'post', id: 'post:370102001002:GY-001' });
    expect(targetRoute({ kind: 'session', sessionId: 'training:1', residentId: RESIDENT })).toEqual({ name: 'session', id: 'training:1' });
  });
});
