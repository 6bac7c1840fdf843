import { createHash } from 'node:crypto';
import { ApiFailure, FILE_READ_ERROR, INVALID_PARAMETER } from '../codes.ts';
import { inspectImage } from '../../common/images.ts';
import { ok } from '../reply.ts';
import type { Handler, SimContext } from '../request.ts';
import type { ImageRecord } from '../state.ts';
import { newUuid } from '../state.ts';

/**
 * The two multipart uploads. `person.uploadImage` (hongtu.md §6): the `file` part, at most 10 MB
 * ("最大10m"), jpg|jpeg|bmp|png in any case. The simulator's reading of what the document leaves open:
 * - a part over 10 MiB, or a filename with another extension: 100003 参数不合法 naming the rule;
 * - bytes that are not a JPEG, PNG or BMP (whatever the name says): 103000 读取文件出错误;
 * - otherwise the face verdict a test set for the image's sha256 (121031–121034, 121043, see
 *   `setFaceVerdict`), or success: `{uri}` — a fresh uri per upload, in the platform's storage-key
 *   form `_ZzEwMF9mb3JldmVyQnVja2V0_<32 hex>` (the push sample's image URLs carry such keys),
 *   which person.batchAdd / update accept as `imageUri` and `/pub/<uri>` serves.
 * `misc.fileUpload` takes any file with `type` 1 or 2 and answers `{uri}`; such a uri is not a face.
 */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const FACE_BUCKET = Buffer.from('g100_foreverBucket').toString('base64').replace(/=+$/, '');
const FILE_BUCKET = Buffer.from('g100_importBucket').toString('base64').replace(/=+$/, '');
const IMAGE_NAME = /\.(jpg|jpeg|bmp|png)$/i;

export function sniffImage(bytes: Buffer): ImageRecord['format'] {
  const info = inspectImage(bytes);
  if (info) return info.format;
  if (bytes.length > 26 && bytes.toString('latin1', 0, 2) === 'BM') return 'bmp';
  return 'other';
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function store(ctx: SimContext, kind: ImageRecord['kind'], bytes: Buffer, format: ImageRecord['format']): string {
  const uri = `_${kind === 'face' ? FACE_BUCKET : FILE_BUCKET}_${newUuid()}`;
  ctx.state.images.set(uri, {
    uri,
    sha256: sha256Of(bytes),
    size: bytes.length,
    format,
    kind,
    uploadedAt: ctx.now().getTime(),
    ...(ctx.keepImages ? { bytes } : {}),
  });
  return uri;
}

const uploadImage: Handler = (req, ctx) => {
  const file = req.part('file');
  if (!file || file.data.length === 0) throw new ApiFailure(FILE_READ_ERROR, '文件为空');
  if (file.data.length > MAX_UPLOAD_BYTES) throw new ApiFailure(INVALID_PARAMETER, '文件最大10m');
  if (file.filename !== undefined && !IMAGE_NAME.test(file.filename)) throw new ApiFailure(INVALID_PARAMETER, '支持格式:jpg|jpeg|bmp|png');
  const format = sniffImage(file.data);
  if (format === 'other') throw new ApiFailure(FILE_READ_ERROR, '无法识别的图片');
  const verdict = ctx.state.faceVerdicts.get(sha256Of(file.data));
  if (verdict !== undefined) throw new ApiFailure(verdict);
  return ok({ uri: store(ctx, 'face', file.data, format) });
};

const fileUpload: Handler = (req, ctx) => {
  const type = Number(req.query.get('type'));
  if (type !== 1 && type !== 2) throw new ApiFailure(INVALID_PARAMETER, 'type只能为1或2');
  const file = req.part('file');
  if (!file || file.data.length === 0) throw new ApiFailure(FILE_READ_ERROR, '文件为空');
  if (file.data.length > MAX_UPLOAD_BYTES) throw new ApiFailure(INVALID_PARAMETER, '文件最大10m');
  return ok({ uri: store(ctx, 'file', file.data, sniffImage(file.data)) });
};

export const UPLOAD_HANDLERS: Readonly<Record<string, Handler>> = {
  'person.uploadImage': uploadImage,
  'misc.fileUpload': fileUpload,
};
