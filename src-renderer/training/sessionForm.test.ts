import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { sessionSaveSchema } from '../../shared/training/schema';
import { emptySession, formPathOf, sessionIssues, toSaveArgs, type SessionFormValues } from './sessionForm';
import { generateTimetable } from './timetable';

/** A t that shows which key and field label it was asked for. */
const t = ((key: string, params?: Record<string, unknown>) => (params?.field ? `${key}(${String(params.field)})` : key)) as unknown as TFunction;

function filled(): SessionFormValues {
  return {
    occupation: '养老护理员',
    level: 'level4',
    providerName: '济南市历下区职业培训学校',
    providerCreditCode: '91350100m000100y43',
    teachers: ['王老师'],
    place: '解放桥社区活动室',
    startDate: '2025-06-02',
    endDate: '2025-06-03',
    plannedTrainees: 30,
    timetable: generateTimetable('2025-06-02', '2025-06-03').rows,
  };
}

describe('session form', () => {
  it('becomes an argument the shared schema accepts (credit code upper-cased there)', () => {
    const parsed = sessionSaveSchema.parse(toSaveArgs(filled(), { id: 'training:abcdefghijklmnop', rev: '1-a' }));
    expect(parsed.provider.creditCode).toBe('91350100M000100Y43');
    expect(parsed.id).toBe('training:abcdefghijklmnop');
    expect(parsed.timetable).toHaveLength(4);
    expect(sessionIssues(filled(), t)).toEqual({});
  });

  it('says "required" for blanks, on the form fields, with the training labels', () => {
    const issues = sessionIssues(emptySession(), t);
    expect(issues.occupation).toBe('errors.required(training.fields.occupation)');
    expect(issues.level).toBe('errors.required(training.fields.level)');
    expect(issues.providerCreditCode).toBe('errors.required(training.fields.providerCreditCode)');
    expect(issues.teachers).toBe('errors.required(training.fields.teachers)');
    expect(issues.plannedTrainees).toBe('errors.required(training.fields.plannedTrainees)');
    expect(issues['timetable.root']).toBe('errors.required(training.fields.timetable)');
  });

  it('puts a wrong credit code, a bad row and a slot outside the dates where they belong', () => {
    const values = filled();
    values.providerCreditCode = '91350100M000100Y42';
    values.timetable[1] = { ...values.timetable[1]!, start: '18:00', end: '17:00' };
    values.timetable[2] = { ...values.timetable[2]!, date: '2025-06-09' };
    const issues = sessionIssues(values, t);
    expect(issues.providerCreditCode).toBe('errors.creditCode(training.fields.providerCreditCode)');
    expect(issues['timetable.1.end']).toBe('errors.endBeforeStart(training.fields.end)');
    expect(issues['timetable.2.date']).toBe('errors.training.slotOutsideDates(training.fields.slotDate)');
  });

  it("maps the core's argument paths onto the form", () => {
    expect(formPathOf('course.occupation')).toBe('occupation');
    expect(formPathOf('provider.creditCode')).toBe('providerCreditCode');
    expect(formPathOf('teachers.2')).toBe('teachers');
    expect(formPathOf('timetable.3.start')).toBe('timetable.3.start');
    expect(formPathOf('timetable')).toBe('timetable.root');
    expect(formPathOf('place')).toBe('place');
    expect(formPathOf('rev')).toBeNull();
  });
});
