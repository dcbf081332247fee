// Messages between the core's utility process and Electron's main process about sealed secrets
// (the main process owns safeStorage). No imports: both sides use this file.
export interface SecretRequest {
  kind: 'secret';
  id: number;
  op: 'seal' | 'open';
  value: string;
}

export type SecretReply = { kind: 'secret-reply'; id: number; value: string } | { kind: 'secret-reply'; id: number; error: string };
