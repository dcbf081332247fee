// A 待办 row in the reader's language: its rule's title and help, the facts the core computed for
// it (worded per rule: days since the last contact, the post and its end, the course and its end,
// the employer and job, the notice period…), when it is due, and what it opens. Never a rule code,
// an id or a login name.
import type { TFunction } from 'i18next';
import type { Route } from '../route';
import { WORKLIST_RULES, type WorklistItem, type WorklistRule, type WorklistTarget } from '../../shared/worklist/contract';

type Facts = WorklistItem['facts'];

const text = (facts: Facts, key: string): string | null => {
  const value = facts[key];
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
};
const count = (facts: Facts, key: string): number | null => {
  const value = facts[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

/** Whole days from `from` to `to` (ISO days). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** One worded line per fact present, in the rule's own order. */
const FACT_LINES: Record<WorklistRule, (t: TFunction, facts: Facts) => (string | null)[]> = {
  unemployedNotContacted: (t, f) => {
    const last = text(f, 'lastContact');
    const days = count(f, 'days');
    return [
      last ? t('worklistScreen.facts.lastContact', { date: last, days: days ?? '' }) : days !== null ? t('worklistScreen.facts.neverContacted', { days }) : null,
      text(f, 'registeredOn') ? t('worklistScreen.facts.registeredOn', { date: text(f, 'registeredOn') }) : null,
    ];
  },
  hardshipNoServiceThisQuarter: (t, f) => {
    const category = text(f, 'hardshipCategory');
    const last = text(f, 'lastService');
    return [
      category ? t('worklistScreen.facts.hardshipCategory', { value: t(`enums.hardshipCategory.${category}`, { defaultValue: '' }) || '' }) : null,
      text(f, 'quarterFrom') && text(f, 'quarterTo') ? t('worklistScreen.facts.quarter', { from: text(f, 'quarterFrom'), to: text(f, 'quarterTo') }) : null,
      last ? t('worklistScreen.facts.lastService', { date: last }) : t('worklistScreen.facts.noServiceYet'),
    ];
  },
  assignmentEnding: (t, f) => [
    text(f, 'postName') ? t('worklistScreen.facts.post', { name: text(f, 'postName') }) : null,
    text(f, 'endDate') ? t('worklistScreen.facts.assignmentEnds', { date: text(f, 'endDate') }) : null,
  ],
  subsidyLimitNear: (t, f) => [
    text(f, 'postName') ? t('worklistScreen.facts.post', { name: text(f, 'postName') }) : null,
    count(f, 'months') !== null ? t('worklistScreen.facts.subsidyMonths', { months: count(f, 'months') }) : null,
    text(f, 'limitDate') ? t('worklistScreen.facts.limitReached', { date: text(f, 'limitDate') }) : null,
  ],
  retirementNear: (t, f) => [
    text(f, 'postName') ? t('worklistScreen.facts.post', { name: text(f, 'postName') }) : null,
    text(f, 'retirementDate') ? t('worklistScreen.facts.retirementOn', { date: text(f, 'retirementDate'), age: count(f, 'age') ?? '' }) : null,
  ],
  trainingNoStatus: (t, f) => [
    text(f, 'courseName') ? t('worklistScreen.facts.course', { name: text(f, 'courseName') }) : null,
    text(f, 'courseEnd') ? t('worklistScreen.facts.courseEnded', { date: text(f, 'courseEnd') }) : null,
  ],
  referralNoResult: (t, f) => [
    text(f, 'employerName') ? t('worklistScreen.facts.referral', { employer: text(f, 'employerName'), job: text(f, 'job') ?? '' }) : null,
    text(f, 'referralDate') ? t('worklistScreen.facts.referredOn', { date: text(f, 'referralDate'), days: count(f, 'days') ?? '' }) : null,
  ],
  noticeEnded: (t, f) => [
    text(f, 'from') && text(f, 'to') ? t('worklistScreen.facts.noticePeriod', { from: text(f, 'from'), to: text(f, 'to') }) : null,
    count(f, 'people') !== null ? t('worklistScreen.facts.noticePeople', { count: count(f, 'people') }) : null,
  ],
};

export function factLines(t: TFunction, item: Pick<WorklistItem, 'rule' | 'facts'>): string[] {
  return FACT_LINES[item.rule](t, item.facts).filter((line): line is string => Boolean(line));
}

export function ruleTitle(t: TFunction, rule: WorklistRule): string {
  return t(`worklistScreen.rules.${rule}.title`);
}

/** The rule's definition; the not-contacted rule names its number of days (the county's parameter, from a row's facts). */
export function ruleHelp(t: TFunction, rule: WorklistRule, items: readonly WorklistItem[]): string {
  const days = items.map((item) => count(item.facts, 'thresholdDays')).find((n) => n !== null) ?? 30;
  return t(`worklistScreen.rules.${rule}.help`, { days });
}

/** When the row is (or was) due, against the list's today. */
export function dueText(t: TFunction, item: Pick<WorklistItem, 'state' | 'dueDate'>, today: string): string {
  const days = daysBetween(today, item.dueDate);
  if (item.state === 'overdue' || days < 0) return t('worklistScreen.overdueSince', { date: item.dueDate, count: Math.max(-days, 0) });
  if (days === 0) return t('worklistScreen.dueToday');
  return t('worklistScreen.dueIn', { date: item.dueDate, count: days });
}

/** Who or what the row is about, for a dialog's title: the person, or the rule's title for a notice. */
export function subjectOf(t: TFunction, item: Pick<WorklistItem, 'rule' | 'residentName'>): string {
  return item.residentName ?? ruleTitle(t, item.rule);
}

/** The rows grouped by rule, in the contract's order; each group overdue first, then by due date. */
export function groupByRule(items: readonly WorklistItem[]): { rule: WorklistRule; items: WorklistItem[]; overdue: number }[] {
  return WORKLIST_RULES.map((rule) => {
    const rows = items
      .filter((item) => item.rule === rule)
      .sort((a, b) => (a.state === b.state ? a.dueDate.localeCompare(b.dueDate) : a.state === 'overdue' ? -1 : 1));
    return { rule, items: rows, overdue: rows.filter((row) => row.state === 'overdue').length };
  })
    .filter((group) => group.items.length > 0)
    .sort((a, b) => Number(b.overdue > 0) - Number(a.overdue > 0));
}

/** What a row opens: the person (on their 服务记录 tab), the post, the course; a notice opens its person list's rule, nothing else. */
export function targetRoute(target: WorklistTarget): Route | null {
  switch (target.kind) {
    case 'resident':
    case 'service':
      return { name: 'resident', id: target.residentId, tab: 'services' };
    case 'post':
      return { name: 'post', id: target.postId };
    case 'session':
      return { name: 'session', id: target.sessionId };
    case 'notice':
      return null;
  }
}

/** The label of the row's open button. */
export function openLabel(t: TFunction, target: WorklistTarget): string {
  const key = { resident: 'openPerson', service: 'openPerson', post: 'openPost', session: 'openSession', notice: 'openNotice' }[target.kind];
  return t(`worklistScreen.actions.${key}`);
}
