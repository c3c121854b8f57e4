/**
 * Photos are shrunk on the phone before they are queued: the camera's position is read from the EXIF
 * first (exifr, loaded only when a photo is chosen), then the picture is drawn upright on a canvas no
 * larger than REPORT_LIMITS.maxPhotoSide and re-encoded as JPEG, which drops every other piece of
 * metadata (camera serial, owner, the rest of the EXIF).
 */
import { REPORT_LIMITS } from '../../../domain/incidents/codes.ts';
import type { ShrunkPhoto } from './form.ts';

export const JPEG_QUALITY = 0.8;

/** The size of a w×h picture scaled down (never up) so that its longest side is at most `max`. */
export function fitWithin(w: number, h: number, max: number): { width: number; height: number } {
  if (!(w > 0 && h > 0)) return { width: 0, height: 0 };
  const scale = Math.min(1, max / Math.max(w, h));
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
}

/** A usable GPS fix from the EXIF reader's answer, or null (missing, NaN, out of range, or 0,0). */
export function gpsFromExif(g: { latitude?: unknown; longitude?: unknown } | null | undefined) {
  const lat = g?.latitude;
  const lon = g?.longitude;
  if (typeof lat !== 'number' || typeof lon !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lon))
    return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || (lat === 0 && lon === 0)) return null;
  return { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 };
}

/** The file could not be decoded as a picture (corrupt, or not an image at all). */
export class UnreadablePhoto extends Error {
  constructor(readonly fileName: string) {
    super(`unreadable photo: ${fileName}`);
  }
}

async function readExifGps(file: Blob) {
  try {
    const { gps } = await import('exifr/dist/lite.esm.mjs');
    return gpsFromExif(await gps(file));
  } catch {
    return null; // no EXIF, or not a JPEG/HEIC: the photo is still useful
  }
}

type Drawable = ImageBitmap | HTMLImageElement;

/** Decodes the file upright (EXIF orientation applied), or throws. */
async function decode(
  file: Blob,
): Promise<{ image: Drawable; width: number; height: number; close: () => void }> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bmp = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { image: bmp, width: bmp.width, height: bmp.height, close: () => bmp.close() };
    } catch {
      // Some browsers refuse the options or the format here but can still show it in an <img>.
    }
  }
  const url = URL.createObjectURL(file);
  const img = new Image();
  img.src = url;
  try {
    await img.decode(); // <img> applies the EXIF orientation by default
  } catch (e) {
    URL.revokeObjectURL(url);
    throw e;
  }
  return {
    image: img,
    width: img.naturalWidth,
    height: img.naturalHeight,
    close: () => URL.revokeObjectURL(url),
  };
}

async function encode(image: Drawable, width: number, height: number, quality: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  canvas.width = 0; // frees the pixels at once on phones
  if (!blob) throw new Error('the canvas gave no JPEG');
  return blob;
}

/** Reads the GPS, shrinks and re-encodes one photo. Throws UnreadablePhoto when it is not a picture. */
export async function shrinkPhoto(file: File): Promise<ShrunkPhoto> {
  const gps = await readExifGps(file);
  let decoded: Awaited<ReturnType<typeof decode>>;
  try {
    decoded = await decode(file);
  } catch {
    throw new UnreadablePhoto(file.name);
  }
  try {
    const { width, height } = fitWithin(decoded.width, decoded.height, REPORT_LIMITS.maxPhotoSide);
    if (width === 0) throw new UnreadablePhoto(file.name);
    let blob = await encode(decoded.image, width, height, JPEG_QUALITY);
    // Far below the limit in practice; a very noisy picture gets a second, stronger squeeze.
    if (blob.size > REPORT_LIMITS.maxPhotoBytes) blob = await encode(decoded.image, width, height, 0.6);
    return { blob, name: file.name, width, height, exifLat: gps?.lat ?? null, exifLon: gps?.lon ?? null };
  } finally {
    decoded.close();
  }
}
