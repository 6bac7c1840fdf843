import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/create-core.ts';
import { logFilePath } from '../../../electron/log/logger.ts';
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
