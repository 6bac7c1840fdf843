import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors.ts';
import { KEY_FILE_NAME, keyFileSecretBox } from '../../../electron/secrets/key-file-secret-box.ts';
import { SEALED_PREFIX } from '../../../electron/secrets/secret-box.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof ApiError ? error.code : 'not-api-error';
  }
  return undefined;
}

describe('key-file secret box', () => {
  it('round-trips, never stores the plain text and seals the same text differently each time', () => {
    const box = keyFileSecretBox(tempDir());
    const secret = 'ak_9f3Q-密钥-✓';
    const a = box.seal(secret);
    const b = box.seal(secret);
    expect(a).not.toBe(b);
    expect(a.startsWith(SEALED_PREFIX['key-file'])).toBe(true);
    expect(a).not.toContain(secret);
    expect(box.open(a)).toBe(secret);
    expect(box.open(box.seal(''))).toBe('');
  });

  it('creates its key file readable by this user only and keeps using it', () => {
    const dir = tempDir();
    const sealed = keyFileSecretBox(dir).seal('x');
    const path = join(dir, KEY_FILE_NAME);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(path, 'utf8').trim(), 'base64')).toHaveLength(32);
    expect(keyFileSecretBox(dir).open(sealed)).toBe('x');
  });

  it('tightens a key file others can read', () => {
    const dir = tempDir();
    keyFileSecretBox(dir);
    const path = join(dir, KEY_FILE_NAME);
    chmodSync(path, 0o644);
    keyFileSecretBox(dir);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
  });

  it('refuses altered, truncated, foreign and other-key values with secret_unreadable', () => {
    const box = keyFileSecretBox(tempDir());
    const sealed = box.seal('token');
    const raw = Buffer.from(sealed.slice(SEALED_PREFIX['key-file'].length), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(codeOf(() => box.open(SEALED_PREFIX['key-file'] + raw.toString('base64')))).toBe('secret_unreadable');
    expect(codeOf(() => box.open(SEALED_PREFIX['key-file'] + 'AAAA'))).toBe('secret_unreadable');
    expect(codeOf(() => box.open('plain text'))).toBe('secret_unreadable');
    expect(codeOf(() => box.open(`${SEALED_PREFIX['safe-storage']}AAAA`))).toBe('secret_unreadable');
    expect(codeOf(() => keyFileSecretBox(tempDir()).open(sealed))).toBe('secret_unreadable');
  });

  it('reports a damaged key file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, KEY_FILE_NAME), 'short', { mode: 0o600 });
    expect(codeOf(() => keyFileSecretBox(dir))).toBe('secret_unreadable');
  });
});
