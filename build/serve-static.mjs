// A small static server for the built renderer (dist/renderer), for `npm start` where Electron
// cannot run. Serves files as they are, like the e2e tests' `vite preview`: the page's
// Content-Security-Policy is the <meta> tag the build put in index.html. Only GET and HEAD, only
// files under the root (no `..`, no absolute paths, no symlinks out), only for 127.0.0.1 and
// localhost as Host (a page on another site that rebinds its name to 127.0.0.1 gets nothing).
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** Answers "is this the workbench?", so a second `npm start` recognises the first. */
export const HEALTH_PATH = '/__workbench/health';
const HEALTH_REPLY = JSON.stringify({ app: 'xuncha-workbench' });

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file a request target names under `root` (absolute), or null when it names none that may
 * be served: `/` is index.html; `..`, `.`, empty segments, backslashes, drive letters and NUL are
 * refused, encoded or not. Symlinks are the server's to check (this touches no disk).
 */
export function resolveRequestPath(root, target) {
  if (!target.startsWith('/')) return null;
  let pathname;
  try {
    pathname = decodeURIComponent(target.split(/[?#]/, 1)[0] ?? '');
  } catch {
    return null; // malformed %-escape
  }
  const relative = pathname.slice(1) || 'index.html';
  const segments = relative.split('/');
  const refused = (segment) =>
    segment === '' ||
    segment === '.' ||
    segment === '..' ||
    /[\\\0]/.test(segment) ||
    /^[a-z]:/i.test(segment);
  if (segments.some(refused)) return null;
  const file = path.resolve(root, ...segments);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}

/** Recognises the health reply of a running workbench server. */
export function isWorkbenchHealth(body) {
  try {
    return JSON.parse(body)?.app === 'xuncha-workbench';
  } catch {
    return false;
  }
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-cache',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function send(request, response, status, type, body, extra = {}) {
  response.writeHead(status, {
    ...COMMON_HEADERS,
    ...extra,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

async function serveFile(root, request, response) {
  const notFound = () => send(request, response, 404, TYPES['.txt'], 'Not found');
  const file = resolveRequestPath(root, request.url ?? '/');
  if (!file) return notFound();
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
    if (!real.startsWith(realRoot + path.sep) || !(await stat(real)).isFile()) return notFound();
    send(request, response, 200, contentType(real), await readFile(real));
  } catch {
    notFound(); // missing, unreadable, or gone since
  }
}

/** The server (not yet listening) for the files under `root`, an absolute path. */
export function createStaticServer(root) {
  return createServer((request, response) => {
    const port = request.socket.localPort;
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return send(request, response, 403, TYPES['.txt'], 'Forbidden');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return send(request, response, 405, TYPES['.txt'], 'Method not allowed', {
        Allow: 'GET, HEAD',
      });
    }
    if ((request.url ?? '').split('?', 1)[0] === HEALTH_PATH) {
      return send(request, response, 200, TYPES['.json'], HEALTH_REPLY);
    }
    void serveFile(root, request, response);
  });
}

/** Listens on host:port; rejects with the listen error (EADDRINUSE, EACCES) instead of throwing. */
export function listen(server, port, host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Stops accepting and drops open connections (the app window keeps some alive). */
export function closeServer(server) {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * What answers on `origin`: 'free' when nothing listens, 'workbench' when an earlier `npm start`
 * of this app does, 'other' for anything else (including a program that accepts and never answers).
 */
export async function probe(origin, timeoutMs = 2000) {
  try {
    const reply = await fetch(new URL(HEALTH_PATH, origin), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    return isWorkbenchHealth(await reply.text()) ? 'workbench' : 'other';
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    const codes = [cause, ...(cause?.errors ?? [])].map((e) => e?.code);
    return codes.includes('ECONNREFUSED') ? 'free' : 'other';
  }
}
