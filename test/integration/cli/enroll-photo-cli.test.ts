import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FaceFiles } from '../../../electron/people/face-files.ts';
import { imageInfo } from '../../../electron/photos/image-info.ts';
import { astronautPng } from '../../e2e/support/fake-camera.ts';
import { runCliProcess } from '../../support/cli.ts';
import { cropPng, makePng } from '../../support/images.ts';
import { useTempDirs } from '../../support/temp-dir.ts';

const tempDir = useTempDirs();
let portrait: Buffer;

beforeAll(() => {
  // The astronaut framed as an ID photo (see test/integration/photos/still-photo-check.test.ts).
  portrait = cropPng(readFileSync(astronautPng()), 60, 0, 320, 320);
}, 120_000);

describe('enroll --photo runs the face checks', () => {
  it('enrolls a real face, refuses a picture with no face naming the check, and --force-photo records it', () => {
    const dir = tempDir();
    const data = ['--data-dir', dir];
    expect(runCliProcess(['sites', 'add', 'Demo', ...data]).code).toBe(0);
    const astronaut = join(dir, 'astronaut.png');
    const grey = join(dir, 'grey.png');
    writeFileSync(astronaut, portrait);
    writeFileSync(grey, makePng(400, 300));

    const ok = runCliProcess(['enroll', '--site', '1', '--pin', 'A1', '--name', 'Eileen', '--photo', astronaut, ...data]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Saved A1 Eileen');

    const refused = runCliProcess(['enroll', '--site', '1', '--pin', 'G1', '--name', 'Grey', '--photo', grey, ...data]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('fails the face photo checks');
    expect(refused.stdout).toContain('One face');
    expect(refused.stdout).toContain('No face found');

    const zh = runCliProcess(['enroll', '--site', '1', '--pin', 'G1', '--name', 'Grey', '--photo', grey, '--json', '--lang', 'zh-CN', ...data]);
    expect(zh.code).toBe(1);
    const body = JSON.parse(zh.stdout) as { refused: boolean; faces: number; failedChecks: { check: string; key: string }[] };
    expect(body).toMatchObject({ refused: true, faces: 0 });
    expect(body.failedChecks[0]).toEqual({ check: 'one_face', key: 'face.guide.no_face' });
    expect(runCliProcess(['enroll', '--site', '1', '--pin', 'G1', '--name', 'Grey', '--photo', grey, '--lang', 'zh-CN', ...data]).stdout).toContain('未检测到人脸');

    const forced = runCliProcess(['enroll', '--site', '1', '--pin', 'G1', '--name', 'Grey', '--photo', grey, '--force-photo', ...data]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('--force-photo despite: One face');
    expect(forced.stdout).toContain('Saved G1 Grey');
  });

  it('enrolls the whole 512×512 astronaut (face high in the picture) as the square cut around her face', () => {
    const dir = tempDir();
    const data = ['--data-dir', dir];
    expect(runCliProcess(['sites', 'add', 'Demo', ...data]).code).toBe(0);
    const whole = join(dir, 'astronaut-whole.png');
    writeFileSync(whole, readFileSync(astronautPng()));
    const text = runCliProcess(['enroll', '--site', '1', '--pin', 'A2', '--name', 'Eileen', '--photo', whole, ...data]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/cut to \d+×\d+ around the face/);
    const zh = runCliProcess(['enroll', '--site', '1', '--pin', 'A2', '--name', 'Eileen', '--photo', whole, '--json', '--lang', 'zh-CN', ...data]);
    expect(zh.code).toBe(0);
    const body = JSON.parse(zh.stdout) as { person: { faceSha256: string | null } };
    if (!body.person.faceSha256) throw new Error('no face stored');
    // The stored face is the cut: a JPEG square smaller than the picture, of at least 80,000 pixels.
    const info = imageInfo(new FaceFiles(dir).read(body.person.faceSha256));
    expect(info?.format).toBe('jpeg');
    expect(info?.width).toBe(info?.height);
    expect(info?.width).toBeLessThan(512);
    expect((info?.width ?? 0) * (info?.height ?? 0)).toBeGreaterThanOrEqual(80_000);
  });
});
