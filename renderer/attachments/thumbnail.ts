/** Small JPEG previews of photos and scans, made once when a file is added and stored with it. */
import { isPreviewable } from '../../shared/domain/attachment';

/** The long side of a thumbnail, in pixels. */
export const THUMBNAIL_MAX_PX = 240;
const JPEG_QUALITY = 0.8;

/**
 * A JPEG no larger than 240 px on its long side, or null for files that are not images the app
 * previews, or that the browser cannot decode (a damaged photo is still stored, just without one).
 */
export async function makeThumbnail(file: Blob): Promise<Blob | null> {
  if (isPreviewable(file.type) !== 'image') return null;
  let bitmap: ImageBitmap;
  try {
    // Decodes off the main thread and applies the EXIF orientation of phone photos.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return null;
  }
  try {
    const scale = Math.min(1, THUMBNAIL_MAX_PX / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    return await drawJpeg(bitmap, width, height);
  } catch {
    return null;
  } finally {
    bitmap.close();
  }
}

async function drawJpeg(image: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    paint(ctx, image, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  paint(ctx, image, width, height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
}

function paint(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  image: ImageBitmap,
  width: number,
  height: number,
): void {
  // JPEG has no transparency: a transparent PNG would otherwise turn black.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, width, height);
}
