// The hook every form uses to show the core's refusal of a save on its fields.

import { useRef } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import type { FieldIssue } from '../../shared/rpc/errors';
import { placeIssues } from './schemaIssues';

export interface IssuePlacing {
  /** The form field an argument path of the core belongs to, or null (the issue goes to the form's alert). */
  fieldOf(argPath: string): string | null;
  /** The issue's text, in the form's vocabulary (errors.ts). */
  text(issue: FieldIssue): string;
  /** Focus the first field placed (default true). */
  focus?: boolean;
}

export interface Placed {
  /** How many issues landed on a field. */
  placed: number;
  /** The texts of the others, for the form's alert. */
  elsewhere: string[];
}

/**
 * Returns `place(issues)`: each issue on the field `fieldOf` names (the first one focused), the
 * texts of the others back. Reads the latest `placing` at each call, so it may close over state.
 */
export function useCoreIssues<V extends FieldValues>(
  setError: UseFormSetError<V>,
  placing: IssuePlacing,
): (issues: readonly FieldIssue[], onFields?: boolean) => Placed {
  const latest = useRef(placing);
  latest.current = placing;
  /** `onFields` false: an answer that is not a validation (a conflict…) names fields but goes to the alert. */
  return (issues, onFields = true) => {
    const { text, focus } = latest.current;
    const fieldOf = onFields ? latest.current.fieldOf : () => null;
    let placed = 0;
    const counting: UseFormSetError<V> = (name, error, options) => {
      placed += 1;
      setError(name, error, options);
    };
    const elsewhere = placeIssues(issues, fieldOf, counting, text, { focus: focus !== false });
    return { placed, elsewhere };
  };
}
