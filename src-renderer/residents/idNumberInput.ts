// What an ID number field keeps as the clerk types or pastes: the number in its stored form
// (full-width digits and X from a Chinese input method, spaces and dashes from a document are
// normalised away), so the field shows what will be checked and sent. The field's length limit
// is ID_INPUT_MAX_LENGTH, not 18: a pasted "370102 1990 0101 123X" must not be cut.

import { ID_INPUT_MAX_LENGTH, normalizeIdNumber } from '../../shared/id/idNumber';

export { ID_INPUT_MAX_LENGTH };

/** The value after a change; left as typed while an input method composes (changing it would break the IME). */
export function idFieldValue(raw: string, composing = false): string {
  return composing ? raw : normalizeIdNumber(raw);
}

/** Whether an input event happened inside an input method's composition. */
export function isComposing(event: { nativeEvent: Event }): boolean {
  return Boolean((event.nativeEvent as Partial<InputEvent>).isComposing);
}
