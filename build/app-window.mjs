// Opens the app in an app-style window (`--app=URL`: no tabs, no address bar) of a Chromium-family
// browser, with its own profile folder, detached so the window outlives `npm start`'s terminal.
import { spawn as nodeSpawn } from 'node:child_process';

/** The switches: the app window, its own profile, no first-run questions; as root, no sandbox. */
export function appWindowArgs({ url, profileDir, isRoot }) {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    // Chromium refuses to start as root with its sandbox on; nothing else turns it off.
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

/**
 * Starts the browser and waits `settleMs` to see that it stays up. A browser that exits at once
 * with code 0 handed the window to one already running on that profile: that is success. One
 * that cannot be started or exits at once with an error rejects with a one-line message.
 */
export function openAppWindow(file, args, { spawn = nodeSpawn, settleMs = 1500 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { detached: true, stdio: 'ignore' });
    const settle = (error) => {
      clearTimeout(timer);
      child.removeAllListeners();
      child.on('error', () => {}); // once settled, the window is the user's business
      child.unref();
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => settle(), settleMs);
    child.once('error', (error) => {
      const reason = 'code' in error && typeof error.code === 'string' ? error.code : error.message;
      settle(
        new Error(
          `无法启动浏览器 ${file}（${reason}）/ Cannot start the browser ${file} (${reason})`,
        ),
      );
    });
    child.once('exit', (code, signal) => {
      if (code === 0) return settle();
      const how = signal ?? `退出码 ${code}`;
      const howEn = signal ?? `code ${code}`;
      settle(
        new Error(
          `浏览器启动后立即退出（${how}）：${file} / The browser exited at once (${howEn}): ${file}`,
        ),
      );
    });
  });
}
