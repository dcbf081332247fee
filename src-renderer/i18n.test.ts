import { describe, expect, it } from 'vitest';
import { en } from '../shared/i18n/en';
import { zhCN } from '../shared/i18n/zh-CN';
import {
  CARE_CATEGORIES,
  CLOSE_REASONS,
  EDUCATION_LEVELS,
  HARDSHIP_CATEGORIES,
  HOUSEHOLD_TYPES,
  REGISTRATION_KINDS,
  REGISTRATION_STATUSES,
  TARGET_GROUPS,
  UNEMPLOYMENT_TYPES,
} from '../shared/residents/schema';

const ENUMS: Record<keyof typeof zhCN.enums, readonly string[]> = {
  sex: ['male', 'female'],
  targetGroup: TARGET_GROUPS,
  careCategory: CARE_CATEGORIES,
  householdType: HOUSEHOLD_TYPES,
  education: EDUCATION_LEVELS,
  kind: REGISTRATION_KINDS,
  status: REGISTRATION_STATUSES,
  unemploymentType: UNEMPLOYMENT_TYPES,
  hardshipCategory: HARDSHIP_CATEGORIES,
  closeReason: CLOSE_REASONS,
};

describe('UI texts', () => {
  it('label every enum value, in both languages, and nothing else', () => {
    for (const [name, values] of Object.entries(ENUMS)) {
      for (const texts of [zhCN, en]) {
        const labels = texts.enums[name as keyof typeof ENUMS] as Record<string, string>;
        expect(Object.keys(labels).sort(), name).toEqual([...values].sort());
        for (const value of values) expect(labels[value], `${name}.${value}`).toBeTruthy();
      }
    }
  });
});
