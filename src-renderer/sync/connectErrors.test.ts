import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { LeyeError } from '../../shared/rpc/errors';
import { connectErrors } from './connectErrors';

const t = ((key: string) => key) as unknown as TFunction;

describe('connectErrors', () => {
  it('puts the core field errors on their fields', () => {
    const error = new LeyeError({ code: 'VALIDATION', field: 'password', messageKey: 'errors.sync.credentials' });
    expect(connectErrors(t, 'account', error)).toEqual({ password: 'errors.sync.credentials' });
    const issues = new LeyeError({
      code: 'VALIDATION',
      field: 'url',
      messageKey: 'errors.sync.url',
      issues: [
        { field: 'url', messageKey: 'errors.sync.url' },
        { field: 'username', messageKey: 'errors.required' },
      ],
    });
    expect(connectErrors(t, 'account', issues)).toEqual({ url: 'errors.sync.url', username: 'errors.required' });
  });

  it('puts what names no field on the setup code, or on the whole account form', () => {
    const error = new LeyeError({ code: 'VALIDATION', messageKey: 'errors.sync.setupCode' });
    expect(connectErrors(t, 'code', error)).toEqual({ setupCode: 'errors.sync.setupCode' });
    expect(connectErrors(t, 'account', { code: 'FORBIDDEN', messageKey: 'errors.forbidden' })).toEqual({ root: 'errors.forbidden' });
  });
});
