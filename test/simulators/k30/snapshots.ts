import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { resampleBox } from '../../../shared/rules/face-checks.ts';
import type { PassRecord } from './state.ts';

/**
 * The pass snapshot (抓拍) of a record, as K30 gives it: record.list's `photo` is "通行记录抓拍图片,
 * 阿里云在线url" and the UploadRecord callback's `photo` "识别抓拍图片" (max 500). The document's
 * example is a pre-signed Aliyun OSS link,
 * `http://arkcloud-pass-test.oss-cn-shenzhen.aliyuncs.com/<uuid>_<yyyyMMddHHmmssfff>_4588.jpg?OSSAccessKeyId=…&Expires=1756974342&Signature=…`,
 * so it expires (k30.md record.list notes, E-list (d)).
 *
 * The simulator serves its own: `<base>/snapshots/<record no>.jpg?OSSAccessKeyId=…&Expires=<epoch s>&Signature=…`,
 * the signature an HMAC-SHA1 of path and expiry with the company number (base64, percent-encoded as
 * OSS writes it). Past `Expires` the link answers 403 with OSS's `AccessDenied` / `Request has
 * expired.`; a wrong signature 403 `SignatureDoesNotMatch`. The picture is the astronaut (the face
 * fixture) as a 240×240 JPEG, or a grey JPEG when the fixture is missing. A remote open (mode 11) has
 * no snapshot: nobody stood at the camera.
 */
/** The face fixture (test/e2e/support/fake-camera.ts ASTRONAUT_PNG). */
const ASTRONAUT_PNG = fileURLToPath(new URL('../../../.tools/fixtures/astronaut.png', import.meta.url));

export const SNAPSHOT_PATH = /^\/snapshots\/(\d{1,40})\.jpg$/;
export const SNAPSHOT_ACCESS_KEY = 'DOORMANSIMK30';
/** How long a link works (OSS pre-signed links in the example run for about three months; one hour here). */
export const DEFAULT_SNAPSHOT_TTL_MS = 60 * 60_000;
const REMOTE_OPEN = 11;

export interface SnapshotOptions {
  readonly companyNo: string;
  readonly clock: () => Date;
  readonly ttlMs?: number;
  /** false: `photo` stays "" (a site whose devices upload no snapshots). */
  readonly enabled?: boolean;
}

export interface SnapshotAnswer {
  readonly status: number;
  readonly type: string;
  readonly body: Buffer;
}

let picture: Buffer | undefined;

/** The snapshot every record shows (made once). */
export function snapshotJpeg(): Buffer {
  picture ??= makePicture();
  return picture;
}

function makePicture(): Buffer {
  const side = 240;
  if (existsSync(ASTRONAUT_PNG)) {
    const png = PNG.sync.read(readFileSync(ASTRONAUT_PNG));
    const rgba = resampleBox(png.data, png.width, png.height, { x: 0, y: 0, width: png.width, height: png.height }, side);
    return Buffer.from(jpeg.encode({ data: Buffer.from(rgba), width: side, height: side }, 80).data);
  }
  return Buffer.from(jpeg.encode({ data: Buffer.alloc(side * side * 4, 128), width: side, height: side }, 80).data);
}

export class Snapshots {
  private readonly options: SnapshotOptions;
  private base = '';

  constructor(options: SnapshotOptions) {
    this.options = options;
  }

  setBase(url: string): void {
    this.base = url;
  }

  private sign(no: string, expires: number): string {
    return createHmac('sha1', this.options.companyNo).update(`GET\n/snapshots/${no}.jpg\n${expires}`).digest('base64');
  }

  /** The record's `photo`: a pre-signed link, "" for a remote open or when snapshots are off. */
  urlOf(record: PassRecord): string {
    if (this.options.enabled === false || record.mode === REMOTE_OPEN) return '';
    const expires = Math.floor((this.options.clock().getTime() + (this.options.ttlMs ?? DEFAULT_SNAPSHOT_TTL_MS)) / 1000);
    const signature = encodeURIComponent(this.sign(record.no, expires));
    return `${this.base}/snapshots/${record.no}.jpg?OSSAccessKeyId=${SNAPSHOT_ACCESS_KEY}&Expires=${expires}&Signature=${signature}`;
  }

  /** GET /snapshots/<no>.jpg?…: the JPEG while the link is valid, OSS's refusal otherwise. */
  answer(url: URL, recordOf: (no: string) => PassRecord | undefined): SnapshotAnswer {
    const match = SNAPSHOT_PATH.exec(url.pathname);
    const no = match?.[1] ?? '';
    const record = match ? recordOf(no) : undefined;
    if (!match || !record || record.mode === REMOTE_OPEN || this.options.enabled === false) return ossError(404, 'NoSuchKey', 'The specified key does not exist.');
    const expires = Number(url.searchParams.get('Expires'));
    const given = Buffer.from(url.searchParams.get('Signature') ?? '');
    const wanted = Buffer.from(this.sign(no, expires));
    if (url.searchParams.get('OSSAccessKeyId') !== SNAPSHOT_ACCESS_KEY || given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
      return ossError(403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
    if (!Number.isFinite(expires) || expires * 1000 < this.options.clock().getTime()) return ossError(403, 'AccessDenied', 'Request has expired.');
    return { status: 200, type: 'image/jpeg', body: snapshotJpeg() };
  }
}

function ossError(status: number, code: string, message: string): SnapshotAnswer {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>\n  <Code>${code}</Code>\n  <Message>${message}</Message>\n</Error>\n`;
  return { status, type: 'application/xml', body: Buffer.from(xml) };
}
