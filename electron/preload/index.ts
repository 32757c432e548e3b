/**
 * The preload: one object, `window.workbench`, with one named function per contract entry.
 * The page never sees ipcRenderer, so it can ask for nothing the contract does not name.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { contract, type WorkbenchApi } from '../../shared/ipc/contract';

const api = {
  appInfo: () => ipcRenderer.invoke(contract.appInfo.channel),
  saveFile: (request) => ipcRenderer.invoke(contract.saveFile.channel, request),
  openFile: (request) => ipcRenderer.invoke(contract.openFile.channel, request),
  diskSpace: () => ipcRenderer.invoke(contract.diskSpace.channel),
} satisfies WorkbenchApi;

contextBridge.exposeInMainWorld('workbench', api);
