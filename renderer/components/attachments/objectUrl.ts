/** Object URLs for stored Blobs: made while an element shows one, revoked as soon as it goes. */
import { useCallback } from 'react';

/**
 * A ref for an <img> or <iframe> that points its `src` at `blob`. The URL lives exactly as long
 * as the element shows this blob (React 19 runs the returned cleanup on unmount or change).
 */
export function useBlobSrc(blob: Blob | null, fragment = '') {
  return useCallback(
    (element: HTMLImageElement | HTMLIFrameElement | null) => {
      if (!element || !blob) return undefined;
      const url = URL.createObjectURL(blob);
      element.src = url + fragment;
      return () => URL.revokeObjectURL(url);
    },
    [blob, fragment],
  );
}

/** Saves a Blob under `name` through the browser's own download (Electron asks where to save). */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download holds its own reference once started; the URL goes a little later to be safe.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
