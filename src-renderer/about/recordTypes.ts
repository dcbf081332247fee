// A record type as a person reads it ("岗位安置", "Post assignment"), from the label key the
// document registry gives each type; a type the registry does not know is named as unknown.
import type { TFunction } from 'i18next';
import { DOCUMENTS, type DocumentType } from '../../shared/documents/registry';

export function recordTypeText(t: TFunction, type: string): string {
  const key = Object.hasOwn(DOCUMENTS, type) ? DOCUMENTS[type as DocumentType].label : null;
  const text = key ? t(key) : `${t('errors.labels.recordType.unknown')}（${type}）`;
  // The labels are written to sit inside a sentence ("post assignment"): a table cell starts with a capital.
  return text.charAt(0).toUpperCase() + text.slice(1);
}
