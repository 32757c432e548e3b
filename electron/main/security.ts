/**
 * The shell's security rules as pure functions of URLs, so tests can throw hostile input at
 * them without an Electron binary. The app is offline by design: the window may load only its
 * own bundled pages (app://workbench/…), plus the Vite dev server while developing.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export interface Policy {
  /** e.g. http://localhost:5173 — only when running `npm run dev`, never in a packaged app. */
  readonly devServerOrigin?: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The dev server origin, accepted only on the loopback interface. */
export function devOrigin(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const url = parse(raw);
  if (!url || url.protocol !== 'http:') return undefined;
  if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') return undefined;
  return url.origin;
}

/** A page of the app itself: exact scheme and host, no credentials, no port tricks. */
export function isAppPage(url: string, policy: Policy): boolean {
  const u = parse(url);
  if (!u || u.username || u.password) return false;
  // Node keeps the case of a non-special host; Chromium lowercases a standard scheme's host.
  if (u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST) return true;
  return policy.devServerOrigin !== undefined && u.origin === policy.devServerOrigin;
}

/**
 * Whether the window may make a request at all. Everything that is not the app's own pages,
 * in-memory data (blob:, data:) or, while developing, the dev server and its socket is cancelled.
 */
export function isAllowedRequest(url: string, policy: Policy): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'blob:') {
    // blob:app://workbench/<uuid> — allowed only for blobs the app itself made.
    return isAppPage(url.slice('blob:'.length), policy);
  }
  if (u.protocol === 'data:') return true;
  if (u.protocol === 'devtools:') return true;
  if (isAppPage(url, policy)) return true;
  if (policy.devServerOrigin && u.protocol === 'ws:') {
    const dev = new URL(policy.devServerOrigin);
    return u.host === dev.host && !u.username && !u.password;
  }
  return false;
}

/** Full-page navigation: only to the app's own pages (a reload), never away. */
export function isAllowedNavigation(url: string, policy: Policy): boolean {
  return isAppPage(url, policy);
}

/**
 * A request from the page to the host is trusted only from the app's own top-level frame:
 * never from an iframe (an attachment preview) and never from a page that got in somehow.
 */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  policy: Policy,
): boolean {
  return !!frame && frame.parent === null && isAppPage(frame.url, policy);
}

/**
 * Camera, microphone, geolocation, notifications, clipboard reads…: the app needs none. The one
 * it needs is `persistent-storage`, and only for its own pages: without it
 * `navigator.storage.persist()` is refused and weeks of notes stay evictable under disk pressure.
 */
export function permissionDecision(
  permission: string,
  requestingUrl: string | undefined,
  policy: Policy,
): boolean {
  return permission === 'persistent-storage' && isAppPage(requestingUrl ?? '', policy);
}
