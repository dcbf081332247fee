// Turns a zod failure into the one error shape the UI understands: code, field, message key.
import type { z } from 'zod';
import { LeyeError, type FieldIssue, type RpcError } from '../../shared/rpc/errors';

function keyFor(issue: z.core.$ZodIssue): { messageKey: string; params?: Record<string, string | number> } {
  if (issue.message.startsWith('errors.')) {
    if (issue.code === 'too_big') return { messageKey: issue.message, params: { max: Number(issue.maximum) } };
    if (issue.code === 'too_small') return { messageKey: issue.message, params: { min: Number(issue.minimum) } };
    if (issue.code === 'custom' && issue.params) return { messageKey: issue.message, params: issue.params as Record<string, string | number> };
    if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input !== undefined && issue.message === 'errors.required') {
      return { messageKey: 'errors.invalidType' };
    }
    return { messageKey: issue.message };
  }
  switch (issue.code) {
    case 'invalid_type':
      return { messageKey: (issue as { input?: unknown }).input === undefined ? 'errors.required' : 'errors.invalidType' };
    case 'too_big':
      return issue.origin === 'array'
        ? { messageKey: 'errors.tooMany', params: { max: Number(issue.maximum) } }
        : issue.origin === 'number'
          ? { messageKey: 'errors.number.range', params: { max: Number(issue.maximum) } }
          : { messageKey: 'errors.tooLong', params: { max: Number(issue.maximum) } };
    case 'too_small':
      return issue.origin === 'number'
        ? { messageKey: 'errors.number.range', params: { min: Number(issue.minimum) } }
        : { messageKey: 'errors.required' };
    case 'invalid_value':
    case 'invalid_union':
      return { messageKey: 'errors.option' };
    default:
      return { messageKey: 'errors.invalidType' };
  }
}

export function validationError(error: z.ZodError): RpcError {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ field: [...issue.path, key].join('.'), messageKey: 'errors.unknownField' });
      continue;
    }
    const { messageKey, params } = keyFor(issue);
    issues.push({ field: issue.path.map(String).join('.'), messageKey, ...(params ? { params } : {}) });
  }
  const first = issues[0] ?? { field: '', messageKey: 'errors.invalidType' };
  return {
    code: 'VALIDATION',
    ...(first.field ? { field: first.field } : {}),
    messageKey: first.messageKey,
    ...(first.params ? { params: first.params } : {}),
    issues,
  };
}

/** One field error raised by a domain rule after the schema passed. */
export function fieldError(field: string, messageKey: string, params?: Record<string, string | number>): RpcError {
  const issue: FieldIssue = { field, messageKey, ...(params ? { params } : {}) };
  return { code: 'VALIDATION', field, messageKey, ...(params ? { params } : {}), issues: [issue] };
}

export function fail(error: RpcError): never {
  throw new LeyeError(error);
}

export function notFound(field?: string): never {
  throw new LeyeError({ code: 'NOT_FOUND', ...(field ? { field } : {}), messageKey: 'errors.notFound' });
}
