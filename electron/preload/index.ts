/**
 * The preload: one object, `window.workbench`, with one named function per contract entry.
 * The page never sees ipcRenderer, so it can ask for nothing the contract does not name.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { contract, events, type WorkbenchApi } from '../../shared/ipc/contract';

const api = {
  appInfo: () => ipcRenderer.invoke(contract.appInfo.channel),
  saveStart: (request) => ipcRenderer.invoke(contract.saveStart.channel, request),
  saveChunk: (request) => ipcRenderer.invoke(contract.saveChunk.channel, request),
  saveCommit: (request) => ipcRenderer.invoke(contract.saveCommit.channel, request),
  saveAbort: (request) => ipcRenderer.invoke(contract.saveAbort.channel, request),
  openStart: (request) => ipcRenderer.invoke(contract.openStart.channel, request),
  openRead: (request) => ipcRenderer.invoke(contract.openRead.channel, request),
  openClose: (request) => ipcRenderer.invoke(contract.openClose.channel, request),
  diskSpace: () => ipcRenderer.invoke(contract.diskSpace.channel),
  snapshotFolder: () => ipcRenderer.invoke(contract.snapshotFolder.channel),
  snapshotFolderPick: () => ipcRenderer.invoke(contract.snapshotFolderPick.channel),
  snapshotFolderClear: () => ipcRenderer.invoke(contract.snapshotFolderClear.channel),
  snapshotCopyStart: (request) => ipcRenderer.invoke(contract.snapshotCopyStart.channel, request),
  snapshotCopyChunk: (request) => ipcRenderer.invoke(contract.snapshotCopyChunk.channel, request),
  snapshotCopyCommit: (request) => ipcRenderer.invoke(contract.snapshotCopyCommit.channel, request),
  snapshotCopyAbort: (request) => ipcRenderer.invoke(contract.snapshotCopyAbort.channel, request),
  snapshotCopyRemove: (request) => ipcRenderer.invoke(contract.snapshotCopyRemove.channel, request),
  onSystemLock: (listener) => {
    // The payload is parsed, as every request is on the other side: the page gets a reason
    // from the list or nothing.
    const handler = (_event: unknown, payload: unknown) => {
      const parsed = events.systemLock.payload.safeParse(payload);
      if (parsed.success) listener(parsed.data.reason);
    };
    ipcRenderer.on(events.systemLock.channel, handler);
    return () => void ipcRenderer.removeListener(events.systemLock.channel, handler);
  },
} satisfies WorkbenchApi;

contextBridge.exposeInMainWorld('workbench', api);
