import { describe, expect, it } from 'vitest';
import {
  browserName,
  browserProfileDir,
  findBrowser,
  hasDisplay,
} from '../../../build/find-browser.mjs';

/** A file system holding exactly these files. */
const holding =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file);

const linux = { platform: 'linux' as const, homedir: '/home/li' };
const linuxPath = { PATH: '/usr/local/bin:/usr/bin:/bin' };

describe('finding a browser', () => {
  it('takes CHROMIUM_PATH first, even when others are on PATH', () => {
    const found = findBrowser({
      ...linux,
      env: { ...linuxPath, CHROMIUM_PATH: '/opt/my/chrome' },
      exists: holding('/opt/my/chrome', '/usr/bin/chromium'),
    });
    expect(found).toEqual({ path: '/opt/my/chrome', name: 'Google Chrome' });
  });

  it('refuses a CHROMIUM_PATH that names no file rather than picking another browser', () => {
    expect(() =>
      findBrowser({
        ...linux,
        env: { ...linuxPath, CHROMIUM_PATH: '/opt/gone/chromium' },
        exists: holding('/usr/bin/chromium'),
      }),
    ).toThrow('CHROMIUM_PATH 指向的浏览器不存在：/opt/gone/chromium');
  });

  it('looks on PATH for chromium, chromium-browser, google-chrome, google-chrome-stable, microsoft-edge in that order', () => {
    const order = [
      'chromium',
      'chromium-browser',
      'google-chrome',
      'google-chrome-stable',
      'microsoft-edge',
    ];
    // Each name is found only once every name before it is gone, and the name decides, not the
    // folder: the first name wins from /usr/bin over later names in /usr/local/bin.
    order.forEach((name, i) => {
      const present = order
        .slice(i)
        .map((n, j) => `${j === 0 ? '/usr/bin' : '/usr/local/bin'}/${n}`);
      const found = findBrowser({ ...linux, env: linuxPath, exists: holding(...present) });
      expect(found?.path).toBe(present[0]);
    });
    expect(
      findBrowser({ ...linux, env: linuxPath, exists: holding('/usr/bin/microsoft-edge') }),
    ).toEqual({ path: '/usr/bin/microsoft-edge', name: 'Microsoft Edge' });
  });

  it('ignores relative PATH entries (a browser in the current folder is not one to trust)', () => {
    const found = findBrowser({
      ...linux,
      env: { PATH: '.:bin:/usr/bin' },
      exists: (file) => !file.startsWith('/') || file === '/usr/bin/google-chrome',
    });
    expect(found?.path).toBe('/usr/bin/google-chrome');
  });

  it('falls back to the Linux install locations that are not on PATH', () => {
    expect(
      findBrowser({ ...linux, env: linuxPath, exists: holding('/opt/google/chrome/chrome') }),
    ).toEqual({ path: '/opt/google/chrome/chrome', name: 'Google Chrome' });
    expect(findBrowser({ ...linux, env: {}, exists: holding('/snap/bin/chromium') })?.path).toBe(
      '/snap/bin/chromium',
    );
  });

  it('finds the macOS apps in /Applications and ~/Applications', () => {
    const mac = { platform: 'darwin' as const, homedir: '/Users/li', env: { PATH: '/usr/bin' } };
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Users/li/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(findBrowser({ ...mac, exists: holding(chrome, edge) })).toEqual({
      path: chrome,
      name: 'Google Chrome',
    });
    expect(findBrowser({ ...mac, exists: holding(edge) })?.path).toBe(edge);
    expect(findBrowser({ ...mac, exists: holding(chrome, chromium) })?.path).toBe(chromium);
  });

  it('finds Chrome and Edge in the Windows install folders, with Windows paths', () => {
    const env = {
      Path: 'C:\\Windows\\system32;C:\\Windows',
      LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
    };
    const win = { platform: 'win32' as const, homedir: 'C:\\Users\\li', env };
    const userChrome = 'C:\\Users\\li\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(findBrowser({ ...win, exists: holding(edge) })).toEqual({
      path: edge,
      name: 'Microsoft Edge',
    });
    expect(findBrowser({ ...win, exists: holding(edge, userChrome) })?.path).toBe(userChrome);
    // PATH is split on ';' and the names carry .exe.
    expect(findBrowser({ ...win, exists: holding(edge, 'C:\\Windows\\chromium.exe') })?.path).toBe(
      'C:\\Windows\\chromium.exe',
    );
  });

  it('returns null when there is no browser', () => {
    expect(findBrowser({ ...linux, env: linuxPath, exists: () => false })).toBeNull();
    expect(
      findBrowser({ platform: 'win32', homedir: 'C:\\Users\\li', env: {}, exists: () => false }),
    ).toBeNull();
  });

  it('names a browser by its file', () => {
    expect(browserName('/usr/bin/chromium')).toBe('Chromium');
    expect(browserName('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')).toBe(
      'Google Chrome',
    );
    expect(browserName('/opt/microsoft/msedge/msedge')).toBe('Microsoft Edge');
  });
});

describe('the browser profile folder', () => {
  it('is under XDG_DATA_HOME, else ~/.local/share, on Linux', () => {
    expect(browserProfileDir({ ...linux, env: { XDG_DATA_HOME: '/data/li' } })).toBe(
      '/data/li/巡察工作台/browser-profile',
    );
    expect(browserProfileDir({ ...linux, env: {} })).toBe(
      '/home/li/.local/share/巡察工作台/browser-profile',
    );
    // The XDG spec says to ignore a relative value.
    expect(browserProfileDir({ ...linux, env: { XDG_DATA_HOME: 'data' } })).toBe(
      '/home/li/.local/share/巡察工作台/browser-profile',
    );
  });

  it('is under ~/Library/Application Support on macOS', () => {
    expect(
      browserProfileDir({
        platform: 'darwin',
        homedir: '/Users/li',
        env: { XDG_DATA_HOME: '/x' },
      }),
    ).toBe('/Users/li/Library/Application Support/巡察工作台/browser-profile');
  });

  it('is under %APPDATA% on Windows', () => {
    const win = { platform: 'win32' as const, homedir: 'C:\\Users\\li' };
    expect(browserProfileDir({ ...win, env: { APPDATA: 'D:\\Roaming' } })).toBe(
      'D:\\Roaming\\巡察工作台\\browser-profile',
    );
    expect(browserProfileDir({ ...win, env: {} })).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\巡察工作台\\browser-profile',
    );
  });
});

describe('whether a window can open', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux, nothing on macOS and Windows', () => {
    expect(hasDisplay({ platform: 'linux', env: {} })).toBe(false);
    expect(hasDisplay({ platform: 'linux', env: { DISPLAY: ':0' } })).toBe(true);
    expect(hasDisplay({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).toBe(true);
    expect(hasDisplay({ platform: 'freebsd', env: {} })).toBe(false);
    expect(hasDisplay({ platform: 'darwin', env: {} })).toBe(true);
    expect(hasDisplay({ platform: 'win32', env: {} })).toBe(true);
  });
});
