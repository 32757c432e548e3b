/**
 * The host the renderer talks to: the Electron preload's `window.workbench` when there is one,
 * otherwise the browser stand-in. Nothing else in the renderer knows which it got.
 */
import type { WorkbenchApi } from '../../shared/ipc/contract';
import { browserHost } from './browser-host';

declare global {
  interface Window {
    readonly workbench?: WorkbenchApi;
  }
}

export const host: WorkbenchApi =
  (typeof window === 'undefined' ? undefined : window.workbench) ?? browserHost;
