import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { attachWindowGuards, mainWindowOptions } from '../../../electron/main/window';
import { hardenSession } from '../../../electron/main/session';
import { menuTemplate } from '../../../electron/main/menu';
import { APP_ENTRY } from '../../../electron/main/security';

describe('the main window', () => {
  it('is sandboxed and isolated, with no Node and no webviews', () => {
    const prefs = mainWindowOptions({
      preloadPath: '/app/preload.cjs',
      packaged: true,
    }).webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
    });
  });

  it('has devtools only in development builds', () => {
    expect(mainWindowOptions({ preloadPath: 'p', packaged: false }).webPreferences!.devTools).toBe(
      true,
    );
    const labels = (packaged: boolean) =>
      JSON.stringify(menuTemplate({ platform: 'linux', packaged }));
    expect(labels(true)).not.toContain('toggleDevTools');
    expect(labels(false)).toContain('toggleDevTools');
  });
});

/** Stand-in for webContents: the Electron boundary is the one place these tests fake. */
class FakeContents extends EventEmitter {
  openHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  /** Emits like Electron does and reports whether the default action was prevented. */
  fire(name: string, url?: string): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('window guards', () => {
  const contents = new FakeContents();
  attachWindowGuards(contents as never, {});

  it('deny every new window', () => {
    expect(contents.openHandler!({ url: APP_ENTRY }).action).toBe('deny');
    expect(contents.openHandler!({ url: 'https://evil.example/' }).action).toBe('deny');
  });

  it('cancel navigation and redirects away from the app, allow a reload', () => {
    expect(contents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.fire('will-navigate', APP_ENTRY)).toBe(false);
  });

  it('refuse to attach a <webview>', () => {
    expect(contents.fire('will-attach-webview')).toBe(true);
  });
});

describe('the session', () => {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (h: never) => (handlers.request = h),
    setPermissionCheckHandler: (h: never) => (handlers.check = h),
    setDevicePermissionHandler: (h: never) => (handlers.device = h),
    webRequest: {
      onBeforeRequest: (h: never) => (handlers.before = h),
      onHeadersReceived: (h: never) => (handlers.headers = h),
    },
  };
  hardenSession(session, {});

  const call = <T>(name: string, ...args: unknown[]): T => {
    let answer: unknown;
    const result = (handlers[name] as (...a: unknown[]) => unknown)(
      ...args,
      (r: unknown) => (answer = r),
    );
    return (answer ?? result) as T;
  };

  it('denies permission requests and checks, but persistent storage for the app', () => {
    const request = (permission: string, requestingUrl: string) => {
      let answer: boolean | undefined;
      (handlers.request as (...a: unknown[]) => void)(
        {},
        permission,
        (granted: boolean) => (answer = granted),
        { requestingUrl },
      );
      return answer;
    };
    expect(request('media', APP_ENTRY)).toBe(false);
    expect(request('persistent-storage', APP_ENTRY)).toBe(true);
    expect(request('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(call<boolean>('check', {}, 'clipboard-read', 'app://workbench')).toBe(false);
    expect(call<boolean>('check', {}, 'persistent-storage', 'app://workbench')).toBe(true);
    expect(call<boolean>('check', {}, 'persistent-storage', 'https://evil.example')).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);
  });

  it('cancels requests that leave the app and lets its own through', () => {
    expect(call<{ cancel: boolean }>('before', { url: 'https://evil.example/x.js' })).toEqual({
      cancel: true,
    });
    expect(call<{ cancel: boolean }>('before', { url: APP_ENTRY })).toEqual({ cancel: false });
  });

  it('puts the CSP on every response', () => {
    const reply = call<{ responseHeaders: Record<string, string[]> }>('headers', {
      responseHeaders: { 'Content-Type': ['text/html'] },
    });
    expect(reply.responseHeaders['Content-Security-Policy']![0]).toContain("script-src 'self'");
    expect(reply.responseHeaders['Content-Type']).toEqual(['text/html']);
  });
});
