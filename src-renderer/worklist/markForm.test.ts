import { beforeAll, describe, expect, it } from 'vitest';
import { translatorsWithMissing, type Translators } from '../../shared/i18n/testTranslators';
import { rendererResources } from '../rendererTexts';
import { markArgs, markIssues } from './markForm';

describe('the mark dialog’s form', () => {
  let tr: Translators;
  beforeAll(async () => {
    tr = await translatorsWithMissing(rendererResources);
  });

  it('asks a snooze for its day, on the field, in both languages', () => {
    expect(markIssues(tr['zh-CN'].t, 'k', 'snoozed', { until: '', reason: '外出务工' }, '2026-12-06')).toEqual({ until: '暂缓至为必填项' });
    expect(markIssues(tr.en.t, 'k', 'snoozed', { until: '', reason: '' }, '2026-12-06')).toEqual({ until: expect.stringContaining('Snooze until'), reason: expect.stringContaining('Reason') });
    expect(tr['zh-CN'].missing.concat(tr.en.missing)).toEqual([]);
  });

  it('wants the day after today, and a reason for every mark', () => {
    expect(markIssues(tr['zh-CN'].t, 'k', 'snoozed', { until: '2026-12-06', reason: '外出' }, '2026-12-06')).toEqual({ until: '暂缓至的日期须在今天之后' });
    expect(markIssues(tr['zh-CN'].t, 'k', 'snoozed', { until: '2026-12-07', reason: '外出' }, '2026-12-06')).toEqual({});
    expect(markIssues(tr['zh-CN'].t, 'k', 'notApplicable', { until: '', reason: '' }, '2026-12-06')).toEqual({ reason: '原因为必填项' });
    expect(markIssues(tr['zh-CN'].t, 'k', 'reopened', { until: '', reason: '已回村' }, '2026-12-06')).toEqual({});
  });

  it('sends a day only with a snooze', () => {
    expect(markArgs('k', 'snoozed', { until: '2026-12-07', reason: 'r' })).toEqual({ key: 'k', kind: 'snoozed', until: '2026-12-07', reason: 'r' });
    expect(markArgs('k', 'notApplicable', { until: '2026-12-07', reason: 'r' })).toEqual({ key: 'k', kind: 'notApplicable', until: null, reason: 'r' });
  });
});
