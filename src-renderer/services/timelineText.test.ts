// Every kind of timeline entry, in both languages: a title, no missing text, no raw enum value or id.
import { beforeAll, describe, expect, it } from 'vitest';
import { translatorsWithMissing, type Translators } from '../../shared/i18n/testTranslators';
import { EMPLOYMENT_STATUSES, MIGRANT_AREAS } from '../../shared/employment/schema';
import { EXIT_REASONS } from '../../shared/posts/exits';
import { CLOSE_REASONS } from '../../shared/residents/schema';
import type { ServiceTimelineItem, TimelineEntry, TimelineType } from '../../shared/services/contract';
import { REFERRAL_RESULTS, SERVICE_CHANNELS, SERVICE_KINDS } from '../../shared/services/schema';
import { entryText } from './timelineText';

const when = { date: '2026-11-21', at: '2026-11-21T02:00:00.000Z', by: 'wangli' };
const service = (over: Partial<ServiceTimelineItem>): ServiceTimelineItem => ({
  id: 'service:370102001002:abcdefghijklmnopqrstuvwxyz:2026-11-21T02:00:00.000Z:abcdefgh',
  residentId: 'resident:abcdefghijklmnopqrstuvwxyz',
  entry: 'service',
  ...when,
  channel: 'homeVisit',
  kind: 'jobReferral',
  content: '推荐面试',
  outcome: '愿意',
  referral: { employerName: '历下物业', employerCreditCode: '91350100M000100Y43', job: '电工', pay: '月薪 4000 元' },
  correctedBy: null,
  results: [],
  awaitingResult: true,
  ...over,
});
const session = { occupation: '养老护理员', level: 'level5' as const, from: '2026-11-20', to: '2026-11-22' };

/** One entry of every type (a type added to the union without one here does not compile). */
const ENTRIES: Record<TimelineType, TimelineEntry[]> = {
  registered: [{ type: 'registered', kind: 'unemployment', ...when }],
  employment: [
    ...EMPLOYMENT_STATUSES.map((status): TimelineEntry => ({ type: 'employment', status, employer: '', area: null, destination: '', endDate: null, corrected: false, ...when })),
    ...MIGRANT_AREAS.map((area): TimelineEntry => ({ type: 'employment', status: 'migrant', employer: '上海某物流公司', area, destination: '上海', endDate: '2027-06-30', corrected: true, ...when })),
  ],
  updated: [{ type: 'updated', ...when }],
  closed: CLOSE_REASONS.map((reason) => ({ type: 'closed', reason, note: '迁往外地', ...when })),
  reopened: [{ type: 'reopened', reason: '误操作', closeReason: 'employed', closeDate: '2026-11-20', ...when }],
  service: [
    ...SERVICE_KINDS.flatMap((kind) => SERVICE_CHANNELS.map((channel) => ({ type: 'service' as const, service: service({ kind, channel }), ...when }))),
    { type: 'service', service: service({ corrects: 'service:x', correctsDate: '2026-11-20' }), ...when },
  ],
  assignment: [
    { type: 'assignment', post: '村庄保洁员', from: '2026-11-01', to: '2026-12-31', endReason: null, ...when },
    ...EXIT_REASONS.map((endReason) => ({ type: 'assignment' as const, post: '村庄保洁员', from: '2026-11-01', to: '2026-11-20', endReason, ...when })),
  ],
  enrolment: [{ type: 'enrolment', session, ...when }, { type: 'enrolment', session: null, ...when }],
  signIns: [{ type: 'signIns', session, halfDays: 3, from: '2026-11-20', to: '2026-11-21', lastHalf: 'am', ...when }],
  decision: [
    { type: 'decision', decision: 'returned', reason: '内容过简', record: 'service', recordDate: '2026-11-20', ...when, by: '' },
    { type: 'decision', decision: 'accepted', reason: '', record: 'resident', recordDate: '2026-11-20', ...when, by: '' },
  ],
};

const RAW = new Set<string>([...EXIT_REASONS, ...SERVICE_KINDS, ...SERVICE_CHANNELS, ...REFERRAL_RESULTS, ...CLOSE_REASONS, ...EMPLOYMENT_STATUSES, ...MIGRANT_AREAS, 'level5']);
/** A raw value in English text shows as a camelCase word; a plain one (`employed`) may be English. */
const looksRaw = (lng: string, word: string) => RAW.has(word) && (lng === 'zh-CN' || /[a-z][A-Z0-9]/.test(word));
const translators = {} as Translators;

beforeAll(async () => {
  Object.assign(translators, await translatorsWithMissing());
});

describe('timeline entries in words', () => {
  it('word every entry type in both languages, without ids, codes or missing texts', () => {
    for (const lng of ['zh-CN', 'en'] as const) {
      const { t, missing } = translators[lng];
      for (const [type, entries] of Object.entries(ENTRIES)) {
        for (const entry of entries) {
          const { title, lines } = entryText(t, entry);
          const text = [title, ...lines].join('\n');
          expect(title, `${lng} ${type}`).not.toBe('');
          expect(text, `${lng} ${type}`).not.toMatch(/service:|resident:|\{\{|services\.|enums\.|training\./);
          for (const word of text.split(/[^A-Za-z0-9]+/)) expect(looksRaw(lng, word), `${lng} ${type}: ${text}`).toBe(false);
        }
      }
      expect(missing, lng).toEqual([]);
    }
  });

  it('say a correction, a referral and a county decision as a clerk reads them', () => {
    const { t } = translators['zh-CN'];
    expect(entryText(t, ENTRIES.service.at(-1)!).lines[0]).toBe('更正 2026-11-20 的记录');
    expect(entryText(t, ENTRIES.service[0]!)).toMatchObject({ title: '政策咨询 · 到站' });
    expect(entryText(t, ENTRIES.decision[0]!)).toEqual({ title: '县级退回：2026-11-20 的服务记录', lines: ['原因：内容过简'], color: 'red' });
    // An assignment ended early shows its real end and why; one held to the agreed end, that end.
    expect(entryText(t, ENTRIES.assignment[0]!).lines).toEqual(['2026-11-01 至 2026-12-31']);
    expect(entryText(t, ENTRIES.assignment[1]!).lines).toEqual(['2026-11-01 至 2026-11-20（提前结束：就业）']);
    expect(entryText(translators.en.t, ENTRIES.assignment[1]!).lines).toEqual(['2026-11-01 to 2026-11-20 (ended early: Employed)']);
    expect(entryText(translators.en.t, ENTRIES.signIns[0]!).lines).toEqual(['3 half-days signed in (2026-11-20 to 2026-11-21)']);
    expect(entryText(t, ENTRIES.employment.at(-1)!)).toEqual({ title: '就业状况：外出务工', lines: ['单位：上海某物流公司', '务工地：省外 · 上海', '至 2027-06-30', '已更正'], color: 'gray' });
  });
});
