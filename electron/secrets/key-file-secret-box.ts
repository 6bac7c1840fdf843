import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../shared/contract/errors.ts';
import { SEALED_PREFIX, sealedKind, type SecretBox } from './secret-box.ts';

export const KEY_FILE_NAME = 'secret.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

function unreadable(reason: string): ApiError {
  return new ApiError('secret_unreadable', `A stored credential cannot be decrypted: ${reason}`, { reason });
}

/**
 * Reads the 256-bit key from `<dataDir>/secret.key`, creating it (mode 0600, never overwriting a
 * file that appeared meanwhile) on first use. A key file others can read is tightened to 0600.
 */
function loadOrCreateKey(dataDir: string): Buffer {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, KEY_FILE_NAME);
  try {
    writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw unreadable(`the key file ${path} is damaged (expected ${KEY_BYTES} bytes of base64)`);
  }
  return key;
}

/** AES-256-GCM with a key file in the data dir: the secret box of plain Node runs (CLI, web). */
export function keyFileSecretBox(dataDir: string): SecretBox {
  const key = loadOrCreateKey(dataDir);
  const prefix = SEALED_PREFIX['key-file'];
  return {
    kind: 'key-file',
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const kind = sealedKind(sealed);
      if (kind === 'safe-storage') {
        throw unreadable('it was sealed by the desktop app with the operating system keychain; open it in the app');
      }
      if (kind !== 'key-file') throw unreadable('it is not a sealed value');
      const raw = Buffer.from(sealed.slice(prefix.length), 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw unreadable('the sealed value is truncated');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw unreadable('it was sealed with another key, or altered');
      }
    },
  };
}
