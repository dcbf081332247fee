// The core's answer to `sync.connect` as messages on the form's fields.

import type { TFunction } from 'i18next';
import { toLeyeError } from '../../shared/rpc/client';
import { translateIssue, translateRpcError } from '../errors';

export type ConnectMode = 'code' | 'account';
export type ConnectField = 'setupCode' | 'url' | 'username' | 'password' | 'root';

const FIELDS: Record<ConnectMode, readonly ConnectField[]> = {
  code: ['setupCode'],
  account: ['url', 'username', 'password'],
};

/** Translated messages by form field, the first of each; what names no field of this form goes on
 * the setup code (code mode) or on the form as a whole. */
export function connectErrors(t: TFunction, mode: ConnectMode, reason: unknown): Partial<Record<ConnectField, string>> {
  const error = toLeyeError(reason).rpc;
  const fallback: ConnectField = mode === 'code' ? 'setupCode' : 'root';
  const out: Partial<Record<ConnectField, string>> = {};
  const place = (field: string | undefined, text: string) => {
    const target = (FIELDS[mode] as readonly string[]).includes(field ?? '') ? (field as ConnectField) : fallback;
    out[target] ??= text;
  };
  if (error.code === 'VALIDATION' && error.issues?.length) {
    for (const issue of error.issues) place(issue.field, translateIssue(t, issue));
  } else {
    place(error.field, translateRpcError(t, error));
  }
  return out;
}
