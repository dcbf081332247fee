// A 待办 row in the reader's language: its rule's title and help, the facts the core computed for
// it (worded per rule: days since the last contact, the post and its end, the course and its end,
// the employer and job, the notice period…), when it is due, and what it opens. Never a rule code,
// an id or a login name.
import type { TFunction } from 'i18next';
import type { PolicyEntryView } from '../../shared/policy/contract';
import { DEFAULT_POSTS_POLICY, DEFAULT_WORKLIST_POLICY } from '../../shared/policy/defaults';
import type { PolicyKind, PolicyValuesByKind, WorklistParams } from '../../shared/policy/parameters';
import { ruleSetInForce } from '../../shared/policy/retirement';
import type { Route } from '../route';
import type { WorklistItem, WorklistRule, WorklistRuleTotals, WorklistTarget } from '../../shared/worklist/contract';

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

/** A quarter's name (`2026Q4`) in words. */
function quarterText(t: TFunction, name: string | null): string | null {
  const match = name ? /^(\d{4})Q([1-4])$/.exec(name) : null;
  return match ? t('worklistScreen.facts.quarterName', { year: match[1], quarter: match[2] }) : null;
}

/** One worded line per fact present, in the rule's own order (the facts of shared/worklist/rules.ts). */
const FACT_LINES: Record<WorklistRule, (t: TFunction, facts: Facts, today: string) => (string | null)[]> = {
  unemployedNotContacted: (t, f, today) => {
    const last = text(f, 'lastContact');
    return [last ? t('worklistScreen.facts.lastContact', { date: last, days: count(f, 'daysSinceContact') ?? daysBetween(last, today) }) : null];
  },
  hardshipNoServiceThisQuarter: (t, f) => {
    const quarter = quarterText(t, text(f, 'quarter'));
    const last = text(f, 'lastContact');
    return [quarter ? t('worklistScreen.facts.quarter', { quarter }) : null, last ? t('worklistScreen.facts.lastService', { date: last }) : t('worklistScreen.facts.noServiceYet')];
  },
  assignmentEnding: (t, f) => [postLine(t, f), periodLine(t, f)],
  subsidyLimitNear: (t, f) => [
    postLine(t, f),
    text(f, 'limitDate') ? t('worklistScreen.facts.limitReached', { date: text(f, 'limitDate'), months: count(f, 'maxSubsidyMonths') ?? '' }) : null,
    periodLine(t, f),
  ],
  retirementNear: (t, f) => [postLine(t, f), text(f, 'retirementDate') ? t('worklistScreen.facts.retirementOn', { date: text(f, 'retirementDate') }) : null, periodLine(t, f)],
  trainingNoStatus: (t, f) => [
    text(f, 'course') ? t('worklistScreen.facts.course', { name: text(f, 'course') }) : null,
    text(f, 'courseEnd') ? t('worklistScreen.facts.courseEnded', { date: text(f, 'courseEnd') }) : null,
  ],
  referralNoResult: (t, f, today) => {
    const date = text(f, 'referralDate');
    const employer = text(f, 'employer');
    return [
      employer ? t(text(f, 'job') ? 'worklistScreen.facts.referral' : 'worklistScreen.facts.referralEmployer', { employer, job: text(f, 'job') ?? '' }) : null,
      date ? t('worklistScreen.facts.referredOn', { date, days: daysBetween(date, today) }) : null,
    ];
  },
  noticeEnded: (t, f) => [
    text(f, 'noticeFrom') && text(f, 'noticeTo') ? t('worklistScreen.facts.noticePeriod', { from: text(f, 'noticeFrom'), to: text(f, 'noticeTo') }) : null,
    text(f, 'from') && text(f, 'to')
      ? count(f, 'applicants') !== null
        ? t('worklistScreen.facts.noticeApplicants', { from: text(f, 'from'), to: text(f, 'to'), count: count(f, 'applicants') })
        : t('worklistScreen.facts.noticeApplications', { from: text(f, 'from'), to: text(f, 'to') })
      : null,
  ],
  recruitNoticeEnded: (t, f) => [
    postLine(t, f),
    text(f, 'windowFrom') && text(f, 'windowTo') ? t('worklistScreen.facts.opening', { from: text(f, 'windowFrom'), to: text(f, 'windowTo') }) : null,
    text(f, 'noticeFrom') && text(f, 'noticeTo') ? t('worklistScreen.facts.noticePeriod', { from: text(f, 'noticeFrom'), to: text(f, 'noticeTo') }) : null,
    count(f, 'candidates') !== null && count(f, 'waiting') !== null ? t('worklistScreen.facts.recruitWaiting', { count: count(f, 'candidates'), waiting: count(f, 'waiting') }) : null,
  ],
};

function postLine(t: TFunction, f: Facts): string | null {
  return text(f, 'post') ? t('worklistScreen.facts.post', { name: text(f, 'post') }) : null;
}

function periodLine(t: TFunction, f: Facts): string | null {
  return text(f, 'startDate') && text(f, 'endDate') ? t('worklistScreen.facts.assignment', { from: text(f, 'startDate'), to: text(f, 'endDate') }) : null;
}

export function factLines(t: TFunction, item: Pick<WorklistItem, 'rule' | 'facts'>, today: string): string[] {
  return FACT_LINES[item.rule](t, item.facts, today).filter((line): line is string => Boolean(line));
}

export function ruleTitle(t: TFunction, rule: WorklistRule): string {
  return t(`worklist.rules.${rule}`);
}

/** The numbers a rule's definition names: the work list's and the posts' parameters in force today (the shipped defaults until the policy list is read). */
export type HelpParams = WorklistParams & { maxSubsidyMonths: number };

export function helpParams(policies: readonly PolicyEntryView[] | undefined, today: string): HelpParams {
  const inForce = <K extends PolicyKind>(kind: K) => ruleSetInForce((policies ?? []).filter((p): p is PolicyEntryView<K> => p.kind === kind), today)?.values as PolicyValuesByKind[K] | undefined;
  return { ...(inForce('worklist') ?? DEFAULT_WORKLIST_POLICY), maxSubsidyMonths: (inForce('posts') ?? DEFAULT_POSTS_POLICY).maxSubsidyMonths };
}

/** The rule's definition, with the county's numbers. */
export function ruleHelp(t: TFunction, rule: WorklistRule, params: HelpParams): string {
  return t(`worklist.ruleHelp.${rule}`, params);
}

/** When the row is (or was) due, against the list's today. */
export function dueText(t: TFunction, item: Pick<WorklistItem, 'state' | 'dueDate'>, today: string): string {
  const days = daysBetween(today, item.dueDate);
  if (item.state === 'overdue' || days < 0) return t('worklistScreen.overdueSince', { date: item.dueDate, count: Math.max(-days, 0) });
  if (days === 0) return t('worklistScreen.dueToday');
  return t('worklistScreen.dueIn', { date: item.dueDate, count: days });
}

/** Who or what the row is about, for a dialog's title: the person, the post of an opening, or the rule's title for a notice. */
export function subjectOf(t: TFunction, item: Pick<WorklistItem, 'rule' | 'residentName' | 'facts'>): string {
  return item.residentName ?? (item.rule === 'recruitNoticeEnded' ? text(item.facts, 'post') : null) ?? ruleTitle(t, item.rule);
}

/**
 * The rules with open rows, in the contract's order, those with overdue rows first (from the whole
 * list's totals: the rows themselves come a page at a time, each rule's overdue first, then by due date).
 */
export function openGroups(totals: readonly WorklistRuleTotals[]): (WorklistRuleTotals & { open: number })[] {
  return totals
    .map((group) => ({ ...group, open: group.due + group.overdue }))
    .filter((group) => group.open > 0)
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
    case 'opening':
      return { name: 'opening', postId: target.postId, id: target.openingId };
    case 'notice':
      return null;
  }
}

/** The label of the row's open button. */
export function openLabel(t: TFunction, target: WorklistTarget): string {
  const key = { resident: 'openPerson', service: 'openPerson', post: 'openPost', session: 'openSession', notice: 'openNotice', opening: 'openOpening' }[target.kind];
  return t(`worklistScreen.actions.${key}`);
}
