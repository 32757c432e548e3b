/**
 * The host for a plain browser (`npm run web`, the e2e tests): the same interface as the
 * Electron preload, with a download for "save" and a file input for "open".
 */
import type { RequestOf, WorkbenchApi } from '../../shared/ipc/contract';
import { zh } from '../../shared/i18n/zh-CN';

function accept(filters: RequestOf<'openFile'>['filters']): string {
  return (filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

export const browserHost: WorkbenchApi = {
  async appInfo() {
    return {
      name: zh.app.name,
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      platform: navigator.platform,
      host: 'browser',
    };
  },

  async saveFile({ suggestedName, data }) {
    const url = URL.createObjectURL(new Blob([data]));
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    link.click();
    // The download has started once click() returns; the URL can go after this task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    return { status: 'downloading', name: suggestedName };
  },

  async diskSpace() {
    return { freeBytes: null }; // a page cannot see the disk
  },

  openFile({ filters, maxBytes }) {
    return new Promise((resolve, reject) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept(filters);
      input.addEventListener('cancel', () => resolve({ status: 'cancelled' }));
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        if (!file) return resolve({ status: 'cancelled' });
        if (file.size > maxBytes) {
          return resolve({ status: 'tooLarge', name: file.name, size: file.size });
        }
        file
          .arrayBuffer()
          .then(
            (buffer) =>
              resolve({ status: 'opened', name: file.name, data: new Uint8Array(buffer) }),
            reject,
          );
      });
      input.click();
    });
  },
};
