import { describe, expect, it } from 'vitest';
import { appWindowArgs, openAppWindow } from '../../../build/app-window.mjs';

const node = process.execPath;

describe('the app window', () => {
  it('opens the address as an app in its own profile, without first-run questions', () => {
    expect(
      appWindowArgs({
        url: 'http://127.0.0.1:47800/',
        profileDir: '/p/browser-profile',
        isRoot: false,
      }),
    ).toEqual([
      '--app=http://127.0.0.1:47800/',
      '--user-data-dir=/p/browser-profile',
      '--no-first-run',
      '--no-default-browser-check',
    ]);
  });

  it('turns the sandbox off only for root', () => {
    const args = (isRoot: boolean) => appWindowArgs({ url: 'u', profileDir: 'p', isRoot });
    expect(args(true)).toContain('--no-sandbox');
    expect(args(false)).not.toContain('--no-sandbox');
  });
});

// A real process stands in for the browser: node, told to stay up or to exit.
describe('starting the browser', () => {
  it('succeeds when the browser stays up', async () => {
    await expect(
      openAppWindow(node, ['-e', 'setTimeout(() => {}, 1500)'], { settleMs: 200 }),
    ).resolves.toBeUndefined();
  });

  it('succeeds when the browser hands the window to one already running and exits with 0', async () => {
    await expect(openAppWindow(node, ['-e', ''], { settleMs: 5000 })).resolves.toBeUndefined();
  });

  it('fails in one line when the browser exits at once with an error', async () => {
    await expect(
      openAppWindow(node, ['-e', 'process.exit(3)'], { settleMs: 5000 }),
    ).rejects.toThrow(`浏览器启动后立即退出（退出码 3）：${node}`);
  });

  it('fails in one line when there is no such program', async () => {
    await expect(openAppWindow('/nonexistent/chromium', [], { settleMs: 5000 })).rejects.toThrow(
      '无法启动浏览器 /nonexistent/chromium（ENOENT）',
    );
  });
});
