import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeServer,
  contentType,
  createStaticServer,
  HEALTH_PATH,
  isWorkbenchHealth,
  listen,
  probe,
  resolveRequestPath,
} from '../../../build/serve-static.mjs';

const SECRET = 'secret outside the app';

/** dist/renderer's shape, with a file beside it and a symlink from inside to it. */
function makeSite() {
  const dir = mkdtempSync(path.join(tmpdir(), 'workbench-serve-'));
  const root = path.join(dir, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>巡察工作台</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'favicon.svg'), '<svg/>');
  writeFileSync(path.join(dir, 'secret.txt'), SECRET);
  symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'leak.txt'));
  return { dir, root };
}

/** Sends the request target as written (fetch would normalise `..` away before sending). */
function get(port: number, target: string, options: { method?: string; host?: string } = {}) {
  return new Promise<{ status: number; type: string | undefined; body: string }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: target,
          method: options.method ?? 'GET',
          headers: { host: options.host ?? `127.0.0.1:${port}` },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('which file a request names', () => {
  const root = path.resolve('/srv/app');

  it('serves index.html for / and files by their path, without the query', () => {
    expect(resolveRequestPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveRequestPath(root, '/?case=1')).toBe(path.join(root, 'index.html'));
    expect(resolveRequestPath(root, '/assets/a.js?v=2#x')).toBe(path.join(root, 'assets', 'a.js'));
    expect(resolveRequestPath(root, '/%E5%9B%BE.png')).toBe(path.join(root, '图.png'));
  });

  it('refuses .., absolute paths, backslashes, drive letters and NUL, encoded or not', () => {
    for (const target of [
      '/..',
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/./index.html',
      '//etc/passwd',
      '/%2Fetc%2Fpasswd',
      '/..\\secret.txt',
      '/%5c..%5csecret.txt',
      '/C:/Windows/win.ini',
      '/c%3A%5CWindows%5Cwin.ini',
      '/index.html%00.js',
      '/assets/',
      '/%E0%A4%A',
      'http://127.0.0.1/index.html',
      '',
    ]) {
      expect(resolveRequestPath(root, target), target).toBeNull();
    }
  });

  it('never names a file outside the root, whatever the target', () => {
    const piece = fc.constantFrom(
      '..',
      '.',
      '',
      'a',
      '%2e%2e',
      '%2E.',
      '%2f',
      '%5c',
      '\\',
      'C:',
      '%00',
    );
    const target = fc.oneof(
      fc.array(piece, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`),
      fc.string().map((s) => `/${s}`),
    );
    fc.assert(
      fc.property(target, (t) => {
        const file = resolveRequestPath(root, t);
        return file === null || file.startsWith(root + path.sep);
      }),
    );
  });

  it('gives each kind of built file its content type', () => {
    expect(contentType('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('/a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('/a/x.css')).toBe('text/css; charset=utf-8');
    expect(contentType('/a/favicon.svg')).toBe('image/svg+xml');
    expect(contentType('/a/f.woff2')).toBe('font/woff2');
    expect(contentType('/a/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('the static server', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createStaticServer(makeSite().root);
    port = await listen(server, 0);
  });
  afterAll(async () => {
    await closeServer(server);
  });

  it('serves index.html for / and the assets with their content types', async () => {
    const page = await get(port, '/');
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(page.body).toContain('<title>巡察工作台</title>');
    expect(await get(port, '/assets/index-abc.js')).toMatchObject({
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: 'console.log(1);',
    });
    expect((await get(port, '/assets/index-abc.css')).type).toBe('text/css; charset=utf-8');
    expect((await get(port, '/favicon.svg')).type).toBe('image/svg+xml');
  });

  it('answers 404, never the file, for traversal, absolute paths and symlinks out of the root', async () => {
    for (const target of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      `/${path.join(tmpdir(), 'secret.txt')}`,
      `/${encodeURIComponent(path.join(tmpdir(), 'secret.txt'))}`,
      '//etc/passwd',
      '/leak.txt',
      '/missing.js',
      '/assets',
    ]) {
      const reply = await get(port, target);
      expect(reply.status, target).toBe(404);
      expect(reply.body).not.toContain(SECRET);
    }
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    expect(await get(port, '/', { method: 'HEAD' })).toMatchObject({ status: 200, body: '' });
    expect((await get(port, '/', { method: 'POST' })).status).toBe(405);
  });

  it('answers only requests addressed to 127.0.0.1 or localhost (no DNS rebinding)', async () => {
    expect((await get(port, '/', { host: `localhost:${port}` })).status).toBe(200);
    expect((await get(port, '/', { host: `evil.example:${port}` })).status).toBe(403);
    expect((await get(port, '/', { host: 'evil.example' })).status).toBe(403);
  });

  it('says it is the workbench, so a second npm start opens this one', async () => {
    const health = await get(port, HEALTH_PATH);
    expect(health.status).toBe(200);
    expect(isWorkbenchHealth(health.body)).toBe(true);
    expect(await probe(`http://127.0.0.1:${port}/`)).toBe('workbench');
  });

  it('cannot listen where another server does, and says so with the error code', async () => {
    await expect(listen(createStaticServer('/nowhere'), port)).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});

describe('what answers on a port', () => {
  it('is free when nothing listens, other for any other program', async () => {
    const other = createServer((_req, res) => res.writeHead(404).end('Not found'));
    const otherPort = await listen(other, 0);
    expect(await probe(`http://127.0.0.1:${otherPort}/`)).toBe('other');
    await closeServer(other);
    expect(await probe(`http://127.0.0.1:${otherPort}/`)).toBe('free');
  });

  it('does not take just any JSON for the workbench', () => {
    expect(isWorkbenchHealth('{"app":"something-else"}')).toBe(false);
    expect(isWorkbenchHealth('<html>')).toBe(false);
    expect(isWorkbenchHealth('null')).toBe(false);
  });
});
