// Secrets at rest (the county account's password): in the Electron app they are sealed with the
// operating system's key store (safeStorage, which only Electron's main process can call; the
// utility process asks it over its parent port). The Node host has no such store: there the
// credentials file is only readable by the user (mode 0600).
export interface SecretBox {
  /** Names the sealing, stored beside the sealed text. */
  readonly kind: string;
  seal(plain: string): Promise<string>;
  open(sealed: string): Promise<string>;
}

/** What the credentials file holds: plain JSON (Node host) or sealed text. */
export interface SealedFile {
  sealed: string;
  box: string;
}

export function isSealedFile(value: unknown): value is SealedFile {
  return typeof value === 'object' && value !== null && typeof (value as SealedFile).sealed === 'string' && typeof (value as SealedFile).box === 'string';
}
