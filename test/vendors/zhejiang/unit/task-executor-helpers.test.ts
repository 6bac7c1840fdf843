import { describe, expect, it } from 'vitest';
import { isJpegOrPng, readWorkerPhoto, WORKER_PHOTO_MAX_BYTES, type PictureFetch } from '../../../../electron/bridge/worker-photo.ts';
import { workerPin } from '../../../../electron/bridge/worker-pin.ts';

/** The executor's pure parts (issue 16 item 3): the worker's personnel number and the photo's acceptance. */
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const GIF = new TextEncoder().encode('GIF89a....');

describe('workerPin', () => {
  it('keeps a personId that is a valid personnel number, and makes a stable code of any other', () => {
    expect(workerPin('4508004291609636864')).toBe('4508004291609636864');
    const long = workerPin('worker-with/odd:characters');
    expect(long).toMatch(/^Z[0-9a-f]{23}$/);
    expect(workerPin('worker-with/odd:characters')).toBe(long);
    expect(workerPin('x'.repeat(25))).not.toBe(workerPin('x'.repeat(26)));
  });
});

describe('readWorkerPhoto', () => {
  const serving =
    (answer: Awaited<ReturnType<PictureFetch>>, asked: unknown[] = []): PictureFetch =>
    async (url, maxBytes, timeoutMs) => {
      asked.push({ url: url.href, maxBytes, timeoutMs });
      return answer;
    };

  it('accepts JPEG and PNG by their magic bytes only', () => {
    expect(isJpegOrPng(JPEG)).toBe(true);
    expect(isJpegOrPng(PNG)).toBe(true);
    expect(isJpegOrPng(GIF)).toBe(false);
    expect(isJpegOrPng(Uint8Array.from([0xff, 0xd8]))).toBe(false);
  });

  it('reads the first URL within 2 MiB; a broken, missing or non-image URL is a problem, not a throw', async () => {
    const asked: unknown[] = [];
    expect(await readWorkerPhoto(['http://p/a.jpg', 'http://p/b.jpg'], serving({ bytes: JPEG }, asked))).toEqual({ bytes: JPEG });
    expect(asked).toEqual([{ url: 'http://p/a.jpg', maxBytes: WORKER_PHOTO_MAX_BYTES, timeoutMs: 15_000 }]);
    expect(await readWorkerPhoto(['http://p/a.jpg'], serving({ problem: 'unreachable', detail: 'HTTP 404' }))).toEqual({ problem: 'unreachable: HTTP 404' });
    expect(await readWorkerPhoto(['http://p/a.gif'], serving({ bytes: GIF }))).toEqual({ problem: 'not a JPEG or PNG' });
    expect(await readWorkerPhoto([], serving({ bytes: JPEG }))).toEqual({ problem: 'no photo URL' });
    expect(await readWorkerPhoto(['file:///etc/passwd'], serving({ bytes: JPEG }))).toEqual({ problem: 'not an http(s) URL (file:)' });
  });
});
