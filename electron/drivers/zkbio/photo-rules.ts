import type { PhotoInput } from '../../backends/backend.ts';
import { DriverError } from '../driver-error.ts';
import { imageInfo } from '../../photos/image-info.ts';
import { photoBytes } from '../../photos/photo-bytes.ts';
import { ZKBIO_ERROR_CODES } from './errors.ts';
import { ZKBIO_MIN_PIXELS } from '../../../shared/rules/photo-profiles.ts';

/** Doorman's own ceiling (the document states none): keeps one person's request reasonable. */
const ZKBIO_MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/**
 * The photo as ZKBio wants it (`personPhoto`, base64 of a JPEG or PNG of at least 80,000 pixels),
 * or a refusal before anything is sent that says why.
 */
export async function encodePhoto(photo: PhotoInput, pin: string): Promise<string> {
  const bytes = await photoBytes(photo);
  const info = imageInfo(bytes);
  const where = 'path' in photo ? ` (${photo.path})` : '';
  if (!info) {
    throw new DriverError('invalid_params', `The photo of ${pin}${where} is not a JPEG or PNG.`, {
      vendor: 'zkbio',
      details: { pin, reason: 'format' },
      advice: { en: 'The photo is not a JPEG or PNG image. Capture it again or convert it.', 'zh-CN': '照片不是 JPEG 或 PNG 图像。请重新采集或转换格式。' },
    });
  }
  if (info.width * info.height < ZKBIO_MIN_PIXELS) {
    const advice = ZKBIO_ERROR_CODES.get(-5001)?.advice;
    throw new DriverError('invalid_params', `The photo of ${pin}${where} is ${info.width}×${info.height}, below ZKBio's ${ZKBIO_MIN_PIXELS.toLocaleString('en-US')} pixels.`, {
      vendor: 'zkbio',
      vendorCode: -5001,
      details: { pin, reason: 'resolution', width: info.width, height: info.height },
      advice,
    });
  }
  if (info.bytes > ZKBIO_MAX_PHOTO_BYTES) {
    throw new DriverError('invalid_params', `The photo of ${pin}${where} is ${info.bytes} bytes; the limit is ${ZKBIO_MAX_PHOTO_BYTES}.`, {
      vendor: 'zkbio',
      details: { pin, reason: 'size', bytes: info.bytes },
      advice: { en: 'The photo file is larger than 5 MB. Capture it again at a lower quality.', 'zh-CN': '照片文件超过 5 MB。请降低质量后重新采集。' },
    });
  }
  return Buffer.from(bytes).toString('base64');
}
