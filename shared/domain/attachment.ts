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

const MB = 1024 * 1024;

/** A size as people read it: "512 B", "3.4 KB", "12.5 MB", "200 MB", "2.1 GB". */
export function formatBytes(bytes: number, digits = 1): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${trim((bytes / 1024).toFixed(digits))} KB`;
  if (bytes < 1024 * MB) return `${trim((bytes / MB).toFixed(digits))} MB`;
  return `${trim((bytes / (1024 * MB)).toFixed(digits))} GB`;
}

const trim = (figure: string) => figure.replace(/\.0+$/, '');

/** A size over `limit`, written so that it visibly differs from it (never "200 MB > 200 MB"). */
function sizeOver(bytes: number, limit: number): string {
  for (let digits = 1; digits <= 3; digits++) {
    const shown = formatBytes(bytes, digits);
    if (shown !== formatBytes(limit, digits)) return shown;
  }
  return zh.attachment.bytes(bytes);
}

/**
 * A file's name as it may be shown: control and bidirectional-override characters (which can
 * make "gpj.exe" read as "exe.jpg") become visible, and only the last part of a path is kept.
 */
export function safeName(name: string): string {
  const last = name.split(/[\\/]/).filter(Boolean).at(-1) ?? '';
  const shown = last.replace(
    // Control characters are exactly what this looks for.
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
  return shown === '' || shown === '.' || shown === '..' ? zh.attachment.unnamed : shown;
}

/** Why a file cannot be attached, or null when it can. */
export function attachmentProblem(name: string, size: number): string | null {
  if (size > MAX_ATTACHMENT_BYTES) {
    return zh.attachment.tooLarge(
      safeName(name),
      sizeOver(size, MAX_ATTACHMENT_BYTES),
      formatBytes(MAX_ATTACHMENT_BYTES),
    );
  }
  if (size === 0) return zh.attachment.empty(name);
  return null;
}
