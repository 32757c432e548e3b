/**
 * The host for a plain browser (`npm run web`, the e2e tests): the same interface as the
 * Electron preload. Saving writes to the file the user picks with the File System Access API
 * where the browser has it (Chromium); elsewhere it writes to the origin's private file system
 * and hands that file to downloads, so even then a large package is never held in memory.
 * Opening reads the chosen File in slices.
 */
import type { ReplyOf, RequestOf, WorkbenchApi } from '../../shared/ipc/contract';
import { zh } from '../../shared/i18n/zh-CN';
import { privateFileName, privateFolder, removePrivateFile } from './privateFiles';

/** The part of the File System Access API used here (not in TypeScript's DOM library yet). */
type SavePicker = (options: {
  suggestedName: string;
  types: { description: string; accept: Record<string, string[]> }[];
}) => Promise<FileSystemFileHandle>;

interface Save {
  readonly writable: FileSystemWritableFileStream;
  readonly name: string;
  /** Written to the private file system, to be handed to downloads on commit. */
  readonly staged?: FileSystemFileHandle;
}

const saves = new Map<number, Save>();
const opens = new Map<number, File>();
let lastId = 0;

function accept(filters: RequestOf<'openStart'>['filters']): string {
  return (filters ?? []).flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

async function pickTarget({ suggestedName, filters }: RequestOf<'saveStart'>) {
  const picker = (window as { showSaveFilePicker?: SavePicker }).showSaveFilePicker;
  if (!picker) return 'none';
  try {
    return await picker({
      suggestedName,
      types: (filters ?? []).map((f) => ({
        description: f.name,
        accept: { 'application/octet-stream': f.extensions.map((e) => `.${e}`) },
      })),
    });
  } catch (error) {
    if ((error as DOMException).name === 'AbortError') return 'cancelled';
    return 'none'; // not allowed here (no recent click, a sandboxed frame): download instead
  }
}

function download(file: File, name: string) {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download reads the file from the URL; it goes when the page does, and the staged
  // file is swept at the next start.
}

/** What the browser build refuses: it keeps snapshots in its private storage only. */
async function notInBrowser(): Promise<never> {
  throw new Error(zh.backup.second.notInBrowser);
}

/**
 * The File behind an open file id, where this host has one (the browser): a Worker can read it
 * itself with File.stream(), without the bytes passing through the page.
 */
export const openedFile = (id: number): File | undefined => opens.get(id);

export const browserHost: WorkbenchApi = {
  async appInfo() {
    return {
      name: zh.app.name,
      version: import.meta.env.VITE_APP_VERSION ?? '0.0.0',
      platform: navigator.platform,
      host: 'browser',
    };
  },

  async saveStart(request): Promise<ReplyOf<'saveStart'>> {
    const target = await pickTarget(request);
    if (target === 'cancelled') return { status: 'cancelled' };
    const id = ++lastId;
    if (target === 'none') {
      const folder = await privateFolder();
      const staged = await folder.getFileHandle(privateFileName('save'), { create: true });
      saves.set(id, {
        writable: await staged.createWritable(),
        name: request.suggestedName,
        staged,
      });
      return { status: 'open', id, name: request.suggestedName };
    }
    // Chromium writes to a swap file and moves it into place on close: all or nothing.
    saves.set(id, { writable: await target.createWritable(), name: target.name });
    return { status: 'open', id, name: target.name };
  },

  async saveChunk({ id, data }) {
    const save = saves.get(id);
    if (!save) throw new Error(`no file being saved as ${id}`);
    await save.writable.write(data);
  },

  async saveCommit({ id }): Promise<ReplyOf<'saveCommit'>> {
    const save = saves.get(id);
    if (!save) throw new Error(`no file being saved as ${id}`);
    saves.delete(id);
    await save.writable.close();
    // Chromium moves the written file into place but does not flush it to the device.
    if (!save.staged) return { status: 'saved', name: save.name, flushed: false };
    download(await save.staged.getFile(), save.name);
    return { status: 'downloading', name: save.name };
  },

  async saveAbort({ id }) {
    const save = saves.get(id);
    saves.delete(id);
    await save?.writable.abort().catch(() => {});
    if (save?.staged) await removePrivateFile(save.staged.name);
  },

  openStart({ filters, maxBytes }) {
    return new Promise((resolve) => {
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
        const id = ++lastId;
        opens.set(id, file);
        resolve({ status: 'opened', id, name: file.name, size: file.size });
      });
      input.click();
    });
  },

  async openRead({ id, offset, length }) {
    const file = opens.get(id);
    if (!file) throw new Error(`no file open as ${id}`);
    return { data: new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()) };
  },

  async openClose({ id }) {
    opens.delete(id);
  },

  async diskSpace() {
    return { freeBytes: null }; // a page cannot see the disk
  },

  // A page cannot reach a folder of its own choosing: snapshots stay in the private file system.
  async snapshotFolder() {
    return {
      folder: null,
      reachable: false,
      lastCopiedAt: null,
      lastFailure: null,
      waitingRemovals: 0,
    };
  },
  snapshotFolderPick: notInBrowser,
  snapshotFolderClear: notInBrowser,
  snapshotCopyStart: notInBrowser,
  snapshotCopyChunk: notInBrowser,
  snapshotCopyCommit: notInBrowser,
  snapshotCopyAbort: notInBrowser,
  snapshotCopyRemove: notInBrowser,

  // A page is not told of sleep or a locked screen: the idle lock covers it (renderer/app/idleLock.ts
  // also locks when the page comes back visible after longer than the idle time).
  onSystemLock: () => () => {},
};
