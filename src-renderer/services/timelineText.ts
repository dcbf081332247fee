// A timeline entry in the reader's language: its title, its detail lines and its colour. One case
// per entry type (shared/services/contract.ts TimelineEntry): a new source of the timeline adds
// its case here. Never an id or a raw enum value: names, dates and labels.
import type { TFunction } from 'i18next';
import type { SessionLabel } from '../../shared/documents/labelTypes';
import type { ServiceView, TimelineEntry } from '../../shared/services/contract';

export interface EntryText {
  title: string;
  lines: string[];
  color: 'blue' | 'green' | 'red' | 'gray';
}

function sessionText(t: TFunction, session: SessionLabel | null): string {
  if (!session) return t('services.timeline.unknownSession');
  const level = session.level ? ` ${t(`training.levels.${session.level}`)}` : '';
  return `${session.occupation}${level}`;
}

/** A referral's employer, job, pay and credit code. */
export function referralLines(t: TFunction, service: ServiceView): string[] {
  const r = service.referral;
  if (!r) return [];
  return [
    t('services.timeline.referral', { employer: r.employerName, job: r.job }),
    ...(r.pay ? [t('services.timeline.referralPay', { pay: r.pay })] : []),
    ...(r.employerCreditCode ? [t('services.timeline.creditCode', { code: r.employerCreditCode })] : []),
  ];
}

/** A referral's result, as one line. */
export function resultLine(t: TFunction, result: ServiceView): string {
  const text = t('services.timeline.result', { result: t(`services.results.${result.result}`), date: result.date });
  return result.note ? `${text}${t('labels.sep')}${result.note}` : text;
}

export function entryText(t: TFunction, entry: TimelineEntry): EntryText {
  switch (entry.type) {
    case 'registered':
      return { title: t('services.timeline.registered', { kind: t(`enums.kind.${entry.kind}`) }), lines: [], color: 'green' };
    case 'updated':
      return { title: t('services.timeline.updated'), lines: [], color: 'gray' };
    case 'closed':
      return { title: t('services.timeline.closed', { reason: t(`enums.closeReason.${entry.reason}`) }), lines: entry.note ? [t('services.timeline.closedNote', { note: entry.note })] : [], color: 'red' };
    case 'reopened':
      return {
        title: t('services.timeline.reopened', { closeDate: entry.closeDate, closeReason: t(`enums.closeReason.${entry.closeReason}`) }),
        lines: [t('services.timeline.reopenReason', { reason: entry.reason })],
        color: 'green',
      };
    case 'service': {
      const s = entry.service;
      return {
        title: `${t(`services.kinds.${s.kind}`)}${t('labels.sep')}${t(`services.channels.${s.channel}`)}`,
        lines: [
          ...(s.corrects && s.correctsDate ? [t('services.timeline.correction', { date: s.correctsDate })] : []),
          s.content ?? '',
          ...(s.outcome ? [t('services.timeline.outcome', { outcome: s.outcome })] : []),
          ...referralLines(t, s),
        ].filter(Boolean),
        color: s.correctedBy ? 'gray' : 'blue',
      };
    }
    case 'assignment':
      return { title: t('services.timeline.assignment', { post: entry.post }), lines: [`${t('services.timeline.assignmentPeriod', { from: entry.from, to: entry.to })}${entry.endReason ? t('exits.endedReason', { reason: t(`exits.reasons.${entry.endReason}`) }) : ''}`], color: 'blue' };
    case 'enrolment':
      return { title: t('services.timeline.enrolment', { session: sessionText(t, entry.session) }), lines: entry.session ? [t('labels.range', { from: entry.session.from, to: entry.session.to })] : [], color: 'blue' };
    case 'signIns':
      return {
        title: t('services.timeline.signIns', { session: sessionText(t, entry.session) }),
        lines: [t('services.timeline.signInCount', { count: entry.halfDays, from: entry.from, to: entry.to })],
        color: 'blue',
      };
    case 'decision': {
      const record = entry.record === 'service' ? t('services.timeline.decisionRecord.service', { date: entry.recordDate }) : t('services.timeline.decisionRecord.resident');
      return {
        title: t('services.timeline.decision', { decision: t(`services.timeline.decisions.${entry.decision}`), record }),
        lines: entry.reason ? [t('services.timeline.decisionReason', { reason: entry.reason })] : [],
        color: entry.decision === 'returned' ? 'red' : 'green',
      };
    }
    case 'employment': {
      const where = entry.area ? [t(`employment.areas.${entry.area}`), entry.destination].filter(Boolean).join(t('labels.sep')) : '';
      return {
        title: t('services.timeline.employment', { status: t(`employment.statuses.${entry.status}`) }),
        lines: [
          ...(entry.employer ? [t('services.timeline.employer', { name: entry.employer })] : []),
          ...(where ? [t('services.timeline.workplace', { where })] : []),
          ...(entry.endDate ? [t('services.timeline.until', { date: entry.endDate })] : []),
          ...(entry.corrected ? [t('services.timeline.superseded')] : []),
        ],
        color: entry.corrected ? 'gray' : entry.status === 'unemployed' ? 'red' : 'blue',
      };
    }
  }
}
