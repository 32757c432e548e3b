/**
 * Asks the browser not to evict our IndexedDB under storage pressure. Electron grants it; a
 * browser may refuse, and the user is then told so (see StorageStatus).
 */
let request: Promise<boolean> | undefined;

export function requestPersistentStorage(): Promise<boolean> {
  request ??= (async () => {
    if (!navigator.storage?.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return navigator.storage.persist();
  })().catch(() => false);
  return request;
}
