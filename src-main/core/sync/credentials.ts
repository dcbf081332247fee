// The county account and secret: the setup code, the credentials file (sealed by the app's key store) and the keys derived from the secret.
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { decodeSetupCode } from '../../../shared/county/setupCode';
import { isSealedFile, type SealedFile, type SecretBox } from './secretBox';

export interface CountyConnection {
  url: string;
  username: string;
  password: string;
  /** The place the county provisioned this account for. */
  placeCode: string;
  /** Who connected the station: named on batches the live sync sends. */
  connectedBy?: string;
  /** The county secret from the setup code (v2), when the code carried it. */
  countySecret?: string;
}

/** Keys derived from the county secret: resident identity hash and USB file encryption. */
export interface CountyKeys {
  /** 6-digit county code the secret belongs to. */
  county: string;
  /** base64, for residentKey(). */
  identityKey: string;
  /** 32 bytes for AES-256-GCM and HMAC of files and receipts. */
  transferKey: Buffer;
}

export interface CountySecretDoc {
  _id: '_local/county-secret';
  _rev?: string;
  county: string;
  key: string;
}

export function deriveCountyKeys(county: string, secret: string): CountyKeys {
  const raw = Buffer.from(secret, 'base64');
  const derive = (label: string) => createHmac('sha256', raw).update(label).digest();
  return { county, identityKey: derive('leye:identity:v1').toString('base64'), transferKey: derive('leye:transfer:v1') };
}

/** The clerk's setup code as a connection (format in shared/county/setupCode.ts); null if it is not one. */
export function parseSetupCode(code: string): CountyConnection | null {
  const fields = decodeSetupCode(code);
  if (!fields) return null;
  return {
    url: fields.url.replace(/\/+$/, ''),
    username: fields.user,
    password: fields.password,
    placeCode: fields.place,
    ...(fields.key !== undefined ? { countySecret: fields.key } : {}),
  };
}

/** Credentials live with the core, never in the renderer: a file only this user can read. */
function credentialsFile(dataDir: string): string {
  return path.join(dataDir, 'county-credentials.json');
}

/** The stored account; null when there is none or it cannot be read here. */
export async function readCredentials(dataDir: string, secretBox: SecretBox | null): Promise<CountyConnection | null> {
  try {
    const stored = JSON.parse(fs.readFileSync(credentialsFile(dataDir), 'utf8')) as unknown;
    if (isSealedFile(stored)) {
      // Sealed by the app's key store: only that store opens it (not the Node host).
      return secretBox?.kind === stored.box ? (JSON.parse(await secretBox.open(stored.sealed)) as CountyConnection) : null;
    }
    return stored as CountyConnection;
  } catch {
    return null;
  }
}

/** Keeps the account (sealed when the app has a key store), replacing the file whole. */
export async function writeCredentials(dataDir: string, secretBox: SecretBox | null, kept: CountyConnection): Promise<void> {
  const file = credentialsFile(dataDir);
  const content = secretBox ? ({ sealed: await secretBox.seal(JSON.stringify(kept)), box: secretBox.kind } satisfies SealedFile) : kept;
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(content), { mode: 0o600 });
  fs.renameSync(`${file}.tmp`, file);
}
