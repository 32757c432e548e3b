/**
 * The one window factory. Its options are a pure function so tests can assert every safety
 * setting on the real object; `attachWindowGuards` wires the per-window rules.
 */
import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { zh } from '../../shared/i18n/zh-CN';
import { isAllowedNavigation, type Policy } from './security';

export interface WindowSettings {
  readonly preloadPath: string;
  /** Packaged builds have no devtools. */
  readonly packaged: boolean;
}

export function mainWindowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: zh.app.name,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !settings.packaged,
    },
  };
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** No new windows, no navigation away, no <webview>: the page stays the app. */
export function attachWindowGuards(contents: GuardedContents, policy: Policy): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, policy)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, policy)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
