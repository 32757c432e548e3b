import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentType, resolveAppFile } from '../../../electron/main/protocol';

const root = path.resolve('/opt/workbench/renderer');

describe('app:// file serving', () => {
  it('maps app pages to files under the renderer folder', () => {
    expect(resolveAppFile(root, 'app://workbench/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://workbench/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://workbench/assets/index-1.js?v=2#x')).toBe(
      path.join(root, 'assets', 'index-1.js'),
    );
    expect(resolveAppFile(root, 'app://workbench/assets/%E5%9B%BE.png')).toBe(
      path.join(root, 'assets', '图.png'),
    );
  });

  it.each([
    'app://workbench/../../etc/passwd',
    'app://workbench/%2e%2e/%2e%2e/etc/passwd',
    'app://workbench/assets/..%2f..%2f..%2fetc/passwd',
    'app://workbench/..%5c..%5cwindows/win.ini',
    'app://workbench/x%00.html',
    'app://workbench/%E0%A4%A',
    'app://other/index.html',
    'app://workbench@evil/index.html',
    'https://workbench/index.html',
    'file:///etc/passwd',
  ])('never leaves the renderer folder for %s', (url) => {
    // The URL parser already folds `/../` into the root; whatever is left must stay inside.
    const file = resolveAppFile(root, url);
    expect(file === null || file.startsWith(root + path.sep)).toBe(true);
  });

  it('refuses what cannot be a file of the app at all', () => {
    for (const url of [
      'app://workbench/x%00.html',
      'app://workbench/..%5c..%5cwin.ini',
      'app://other/',
      'file:///etc/passwd',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('answers with the right content types', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });
});
