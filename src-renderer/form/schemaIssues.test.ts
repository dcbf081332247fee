import { describe, expect, it } from 'vitest';
import type { FieldIssue } from '../../shared/rpc/errors';
import { placeIssues } from './schemaIssues';

describe('a refused save on the form', () => {
  it('puts issues on the fields they name, focusing the first, and returns the others for the alert', () => {
    const set: { field: string; message: string | undefined; focus: boolean | undefined }[] = [];
    const issues: FieldIssue[] = [
      { field: 'employer.creditCode', messageKey: 'errors.creditCode' },
      { field: 'postId', messageKey: 'errors.post.gone' },
      { field: 'name', messageKey: 'errors.required' },
      { field: '', messageKey: 'errors.conflict' },
    ];
    const elsewhere = placeIssues(
      issues,
      (path) => (path === 'name' ? 'name' : path === 'employer.creditCode' ? 'creditCode' : null),
      (field, error, options) => set.push({ field, message: error.message, focus: options?.shouldFocus }),
      (issue) => `text of ${issue.messageKey}`,
    );
    expect(set).toEqual([
      { field: 'creditCode', message: 'text of errors.creditCode', focus: true },
      { field: 'name', message: 'text of errors.required', focus: false },
    ]);
    expect(elsewhere).toEqual(['text of errors.post.gone', 'text of errors.conflict']);
  });

  it('focuses nothing when the form asks so (a compact form inside a panel)', () => {
    const focus: (boolean | undefined)[] = [];
    placeIssues(
      [
        { field: 'name', messageKey: 'errors.required' },
        { field: 'phone', messageKey: 'errors.required' },
      ],
      (path) => path,
      (_field, _error, options) => focus.push(options?.shouldFocus),
      (issue) => issue.messageKey,
      { focus: false },
    );
    expect(focus).toEqual([undefined, undefined]);
  });
});
