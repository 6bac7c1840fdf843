import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/create-core.ts';
import { createLogger, logFilePath } from '../../../electron/log/logger.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();

describe('log file', () => {
  it('gets JSON lines and never a secret, whatever the call passes', async () => {
    const dataDir = tempDir();
    const core = createCore({ dataDir, runtime: 'node' });
    const sealed = core.secrets.seal('S3cr3t-app-key');
    core.log.info({ backend: { url: 'http://127.0.0.2:8088/api/door/list?access_token=TOKEN123', appSecret: 'S3cr3t-app-key' } }, 'calling');
    core.log.warn('retry http://127.0.0.2/x?token=TOKEN456');
    core.log.error({ err: new Error('bad password=hunter2') }, 'failed');
    await core.close();
    const text = readFileSync(logFilePath(dataDir), 'utf8');
    for (const secret of ['TOKEN123', 'TOKEN456', 'S3cr3t-app-key', 'hunter2']) expect(text).not.toContain(secret);
    expect(core.secrets.open(sealed)).toBe('S3cr3t-app-key');
    const lines = text.trim().split('\n').map((line) => JSON.parse(line) as { msg: string });
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['store migrated', 'calling', 'failed']));
  });
});

describe('log rotation', () => {
  it('keeps the log within its size: a few files of at most maxBytes, the oldest dropped, each 0600', () => {
    const dataDir = tempDir();
    const maxBytes = 20_000;
    const log = createLogger(dataDir, { rotation: { maxBytes, keep: 3 } });
    // 3,000 lines of ~200 B: 600 KB, thirty times what the four files may hold.
    for (let i = 0; i < 3_000; i++) log.warn({ status: 400, reason: 'not a Hongtu push: data: expected object', remote: '192.0.2.7', line: i }, 'push rejected');
    const folder = join(dataDir, 'logs');
    expect(readdirSync(folder).sort()).toEqual(['doorman.log', 'doorman.log.1', 'doorman.log.2', 'doorman.log.3']);
    const lineNumbers: number[] = [];
    for (const name of ['doorman.log.3', 'doorman.log.2', 'doorman.log.1', 'doorman.log']) {
      const file = join(folder, name);
      expect(statSync(file).size, name).toBeLessThanOrEqual(maxBytes);
      expect(statSync(file).mode & 0o777, name).toBe(0o600);
      // Whole JSON lines only: a rotation never cuts a line in two.
      for (const line of readFileSync(file, 'utf8').trim().split('\n')) lineNumbers.push((JSON.parse(line) as { line: number }).line);
    }
    // The newest lines, in order, without a gap; the last one is in doorman.log.
    expect(lineNumbers.at(-1)).toBe(2_999);
    expect(lineNumbers).toEqual(lineNumbers.map((_, i) => lineNumbers[0]! + i));
  });
});
