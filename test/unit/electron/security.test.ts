import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  devOrigin,
  isAllowedNavigation,
  isAllowedRequest,
  isAppPage,
  isTrustedSender,
  permissionDecision,
} from '../../../electron/main/security';
import { contentSecurityPolicy } from '../../../shared/security/csp';

const packaged = {};
const dev = { devServerOrigin: 'http://localhost:5173' };

// URLs an attacker (or a careless link in pasted text) might produce.
const HOSTILE = [
  'https://evil.example/',
  'https://evil.example/?next=app://workbench/',
  'http://evil.example/app://workbench/index.html',
  'app://workbench.evil.example/index.html',
  'app://workbench@evil.example/index.html',
  'app://evil.example/workbench',
  'app://workbench:8080/index.html',
  'app://user:pass@workbench/index.html',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'ftp://workbench/',
  'javascript:alert(1)',
  'chrome://settings',
  'chrome-extension://abc/x.js',
  'ws://evil.example/',
  'http://127.0.0.1:5173/',
  'blob:https://evil.example/1234',
  '//workbench/index.html',
  '',
  'not a url',
];

describe('which pages are the app', () => {
  it('accepts its own pages, whatever the case of the scheme', () => {
    expect(isAppPage(APP_ENTRY, packaged)).toBe(true);
    expect(isAppPage('app://workbench/assets/index.js', packaged)).toBe(true);
    expect(isAppPage('APP://WORKBENCH/index.html', packaged)).toBe(true);
  });

  it.each(HOSTILE)('refuses %j', (url) => {
    expect(isAppPage(url, packaged)).toBe(false);
    expect(isAllowedRequest(url, packaged)).toBe(false);
    expect(isAllowedNavigation(url, packaged)).toBe(false);
  });

  it('allows the dev server only while developing, and only on loopback', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', packaged)).toBe(false);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5174/', dev)).toBe(false);
    expect(isAllowedRequest('http://localhost:5174/', dev)).toBe(false);
    expect(devOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(devOrigin('https://evil.example')).toBeUndefined();
    expect(devOrigin('http://localhost.evil.example:5173')).toBeUndefined();
    expect(devOrigin('file:///tmp')).toBeUndefined();
    expect(devOrigin(undefined)).toBeUndefined();
  });

  it('lets in-memory data through: the app’s own blobs and data: URLs', () => {
    expect(isAllowedRequest('blob:app://workbench/5f0c-11', packaged)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBOR', packaged)).toBe(true);
  });
});

describe('who may call the host', () => {
  it('trusts only the app’s own top-level frame', () => {
    expect(isTrustedSender({ url: APP_ENTRY, parent: null }, packaged)).toBe(true);
    expect(isTrustedSender({ url: APP_ENTRY, parent: {} }, packaged)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, packaged)).toBe(false);
    expect(isTrustedSender({ url: 'blob:app://workbench/x', parent: null }, packaged)).toBe(false);
    expect(isTrustedSender(null, packaged)).toBe(false);
  });
});

describe('permissions', () => {
  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'fullscreen',
  ])('denies %s, even to the app itself', (permission) =>
    expect(permissionDecision(permission, APP_ENTRY, {})).toBe(false),
  );

  it('grants persistent storage to the app’s own pages, so the database is not evictable', () => {
    expect(permissionDecision('persistent-storage', APP_ENTRY, {})).toBe(true);
    expect(permissionDecision('persistent-storage', 'app://workbench', {})).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'https://evil.example/?next=app://workbench/',
    'app://workbench.evil.example/',
    'app://user:pass@workbench/',
    'file:///etc/passwd',
    'http://localhost:5173/',
    '',
    undefined,
  ])('refuses persistent storage to %s', (url) =>
    expect(permissionDecision('persistent-storage', url, {})).toBe(false),
  );
});

describe('Content-Security-Policy', () => {
  const directives = (csp: string): Record<string, string[]> =>
    Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

  it('runs only the app’s own scripts, reaches no network, embeds no plugins', () => {
    const d = directives(contentSecurityPolicy());
    expect(d['default-src']).toEqual(["'none'"]);
    // WebAssembly may be compiled (libsodium); text may never be run as script.
    expect(d['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicy()).not.toMatch(/'unsafe-eval'/);
    expect(d['connect-src']).toEqual(["'self'", 'blob:']);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['form-action']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    expect(contentSecurityPolicy()).not.toMatch(/https?:|\*/);
  });

  it('adds the dev server only when asked, and drops frame-ancestors for <meta>', () => {
    expect(contentSecurityPolicy(dev)).toContain('ws://localhost:5173');
    expect(contentSecurityPolicy({ forMetaTag: true })).not.toContain('frame-ancestors');
  });
});
