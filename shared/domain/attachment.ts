/** Rules for photos and scans attached to records. */
import { zh } from '../i18n/zh-CN';

/** A single file larger than this is refused: 200 MB. */
export const MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

/** Images and PDFs are previewed; anything else is stored and listed only. */
export function isPreviewable(mime: string): 'image' | 'pdf' | null {
  if (/^image\/(png|jpe?g|gif|webp|bmp|avif)$/i.test(mime)) return 'image';
  if (mime === 'application/pdf') return 'pdf';
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a file cannot be attached, or null when it can. */
export function attachmentProblem(name: string, size: number): string | null {
  if (size > MAX_ATTACHMENT_BYTES) {
    return zh.attachment.tooLarge(name, formatBytes(size), formatBytes(MAX_ATTACHMENT_BYTES));
  }
  if (size === 0) return zh.attachment.empty(name);
  return null;
}
