// An assessment item's name in the reader's language (the county words each item in both).
import type { AssessmentPolicy } from '../../shared/assessment/policy';

export function itemLabel(item: AssessmentPolicy['items'][number], language: string): string {
  return language.startsWith('zh') ? item.label.zh : item.label.en;
}
