/**
 * Photos of a public report: the real type is read from the content (not the name or the header the
 * phone sent), the image is decoded in full (a corrupt file is refused), turned upright, shrunk to
 * the stored size and re-encoded as JPEG, which drops every metadata field. The camera's GPS position is
 * kept only as two numbers, read before the metadata goes.
 */
import { createHash } from 'node:crypto';
import exifr from 'exifr';
import sharp, { type OutputInfo } from 'sharp';
import { PHOTO_TYPES, REPORT_LIMITS } from '../../domain/incidents/codes.ts';
import { AppError, badRequest } from '../platform/errors.ts';

export interface StoredPhoto {
  content: Buffer;
  width: number;
  height: number;
  sha256: string;
  exifLat: number | null;
  exifLon: number | null;
}

/** Decoding bombs: refuse images above 40 megapixels before decoding them. */
const MAX_INPUT_PIXELS = 40_000_000;
const TYPE_NAMES = 'JPEG, PNG hoặc WebP';

async function cameraPosition(bytes: Buffer): Promise<{ lat: number; lon: number } | null> {
  try {
    const gps = await exifr.gps(bytes);
    if (gps && Number.isFinite(gps.latitude) && Number.isFinite(gps.longitude))
      return { lat: gps.latitude, lon: gps.longitude };
  } catch {
    // No or unreadable EXIF: the position is optional.
  }
  return null;
}

/** `index` is the photo's position (0-based) for the error path `photos.N`. */
export async function preparePhoto(
  bytes: Buffer,
  index: number,
  given: { exifLat?: number | null; exifLon?: number | null } | undefined,
): Promise<StoredPhoto> {
  const path = `photos.${index}`;
  const label = `Ảnh thứ ${index + 1}`;
  if (bytes.length === 0) throw badRequest(`${label} trống.`, [{ path, message: 'Tệp ảnh trống.' }]);
  if (bytes.length > REPORT_LIMITS.maxPhotoBytes)
    throw new AppError(413, 'PHOTO_TOO_LARGE', `${label} quá lớn (tối đa 5 MB).`, [
      { path, message: 'Ảnh quá lớn (tối đa 5 MB).' },
    ]);
  let format: string | undefined;
  try {
    format = (await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !(PHOTO_TYPES as readonly string[]).includes(format))
    throw new AppError(415, 'UNSUPPORTED_PHOTO_TYPE', `${label} không phải ảnh ${TYPE_NAMES}.`, [
      {
        path,
        message: format
          ? `Tệp là ${format.toUpperCase()}, chỉ nhận ảnh ${TYPE_NAMES}.`
          : `Tệp không phải ảnh ${TYPE_NAMES}.`,
      },
    ]);
  let out: { data: Buffer; info: OutputInfo };
  try {
    out = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated' })
      .rotate()
      .resize({
        width: REPORT_LIMITS.maxPhotoSide,
        height: REPORT_LIMITS.maxPhotoSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .jpeg({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    throw badRequest(`${label} bị hỏng hoặc không đọc được.`, [
      { path, message: 'Ảnh bị hỏng hoặc quá lớn về kích thước điểm ảnh, không đọc được.' },
    ]);
  }
  const fromPhone =
    given?.exifLat != null && given.exifLon != null ? { lat: given.exifLat, lon: given.exifLon } : null;
  const position = fromPhone ?? (await cameraPosition(bytes));
  return {
    content: out.data,
    width: out.info.width,
    height: out.info.height,
    sha256: createHash('sha256').update(out.data).digest('hex'),
    exifLat: position?.lat ?? null,
    exifLon: position?.lon ?? null,
  };
}
