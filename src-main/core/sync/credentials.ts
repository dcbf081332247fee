// The county account and secret: the setup code, the credentials file (sealed by the app's key store), the keys derived from the secret, and the station's own signing key.
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
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
  /**
   * The station's Ed25519 private key (PKCS#8 DER, base64): it signs the station's USB files.
   * From the setup code, or made here at connect when the code has none (see withSigningKey).
   * Kept only in this file (sealed like the password); never sent, never in a backup.
   */
  signingKey?: string;
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
    ...(fields.signingKey !== undefined ? { signingKey: fields.signingKey } : {}),
  };
}

/** A fresh Ed25519 pair: private key PKCS#8 DER, public key SPKI DER, both base64. */
export function generateSigningPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', { privateKeyEncoding: { type: 'pkcs8', format: 'der' }, publicKeyEncoding: { type: 'spki', format: 'der' } });
  return { privateKey: privateKey.toString('base64'), publicKey: publicKey.toString('base64') };
}

/** The public half (SPKI DER, base64) of a private signing key. */
export function signingPublicKey(privateKey: string): string {
  const key = createPrivateKey({ key: Buffer.from(privateKey, 'base64'), format: 'der', type: 'pkcs8' });
  return createPublicKey(key).export({ type: 'spki', format: 'der' }).toString('base64');
}

/**
 * The connection to keep, with a signing key: the setup code's, else the one this station already
 * held for the same place (connecting again with a code made before signing keys), else a new pair
 * (its public half goes to the county with the heartbeat; county/README.md, "USB transfer").
 */
export function withSigningKey(connection: CountyConnection, previous: CountyConnection | null): CountyConnection {
  const held = previous?.placeCode === connection.placeCode ? previous.signingKey : undefined;
  return { ...connection, signingKey: connection.signingKey ?? held ?? generateSigningPair().privateKey };
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
