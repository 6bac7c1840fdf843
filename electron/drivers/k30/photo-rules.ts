import type { PhotoInput } from '../../backends/backend.ts';
import { imageInfo } from '../../photos/image-info.ts';
import { photoBytes } from '../../photos/photo-bytes.ts';
import { DriverError } from '../driver-error.ts';

/** Doorman's own ceiling (the document's `photo` length is "max"): keeps one person's request reasonable. */
const K30_MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/**
 * The photo as K30 wants it (people.create / people.update `photo`: "图片base64格式，需带
 * data:image/jpeg;base64", with the comma, E30): a JPEG, as a data URI; or a refusal before anything
 * is sent that says why and what to do.
 */
export async function encodeK30Photo(photo: PhotoInput, pin: string): Promise<string> {
  const bytes = await photoBytes(photo);
  const info = imageInfo(bytes);
  const where = 'path' in photo ? ` (${photo.path})` : '';
  if (info?.format !== 'jpeg') {
    throw new DriverError('invalid_params', `The photo of ${pin}${where} is not a JPEG; K30 takes JPEG photos only.`, {
      vendor: 'k30',
      details: { pin, reason: 'format' },
      advice: { en: 'K30 takes face photos as JPEG only. Capture the photo again or convert it to JPEG.', 'zh-CN': 'K30 只接受 JPEG 格式的人脸照片。请重新采集或转换为 JPEG。' },
    });
  }
  if (info.bytes > K30_MAX_PHOTO_BYTES) {
    throw new DriverError('invalid_params', `The photo of ${pin}${where} is ${info.bytes} bytes; the limit is ${K30_MAX_PHOTO_BYTES}.`, {
      vendor: 'k30',
      details: { pin, reason: 'size', bytes: info.bytes },
      advice: { en: 'The photo file is larger than 5 MB. Capture it again at a lower quality.', 'zh-CN': '照片文件超过 5 MB。请降低质量后重新采集。' },
    });
  }
  return `data:image/jpeg;base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
}
