// Where `npm start` finds a Chromium-family browser when Electron cannot run, and where that
// browser keeps the app's data. Pure functions: the platform, the environment and the file
// system's `existsSync` are passed in, so the tests can try every platform on any machine.
import path from 'node:path';

/** The folder under the user's data folder; Electron's own profile uses the same name. */
export const APP_FOLDER = '巡察工作台';

/** Looked up on PATH, in this order (with `.exe` on Windows). */
const PATH_NAMES = [
  ['chromium', 'Chromium'],
  ['chromium-browser', 'Chromium'],
  ['google-chrome', 'Google Chrome'],
  ['google-chrome-stable', 'Google Chrome'],
  ['microsoft-edge', 'Microsoft Edge'],
];

/** Install locations that are not on PATH, per platform, after the PATH names. */
function installLocations(platform, env, homedir) {
  if (platform === 'darwin') {
    const apps = [
      ['Chromium.app/Contents/MacOS/Chromium', 'Chromium'],
      ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Google Chrome'],
      ['Microsoft Edge.app/Contents/MacOS/Microsoft Edge', 'Microsoft Edge'],
    ];
    const folders = ['/Applications', path.posix.join(homedir, 'Applications')];
    return apps.flatMap(([app, name]) =>
      folders.map((folder) => [path.posix.join(folder, app), name]),
    );
  }
  if (platform === 'win32') {
    const apps = [
      ['Chromium\\Application\\chrome.exe', 'Chromium'],
      ['Google\\Chrome\\Application\\chrome.exe', 'Google Chrome'],
      ['Microsoft\\Edge\\Application\\msedge.exe', 'Microsoft Edge'],
    ];
    const folders = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(Boolean);
    return apps.flatMap(([app, name]) =>
      folders.map((folder) => [path.win32.join(folder, app), name]),
    );
  }
  return [
    ['/opt/google/chrome/chrome', 'Google Chrome'],
    ['/snap/bin/chromium', 'Chromium'],
    ['/opt/microsoft/msedge/msedge', 'Microsoft Edge'],
  ];
}

/** A name for the one line `npm start` prints, guessed from a path the user chose. */
export function browserName(file) {
  const base = file.split(/[\\/]/).pop()?.toLowerCase() ?? '';
  if (base.includes('edge')) return 'Microsoft Edge';
  if (base.includes('chrome') && !base.includes('chromium')) return 'Google Chrome';
  return 'Chromium';
}

/**
 * The browser to open the app in: CHROMIUM_PATH, then the PATH names, then the platform's
 * install locations. Null when there is none. A CHROMIUM_PATH that names no file is an error
 * (the user asked for that browser), not a reason to pick another.
 */
export function findBrowser({ env, platform, homedir, exists }) {
  if (env.CHROMIUM_PATH) {
    if (!exists(env.CHROMIUM_PATH)) {
      throw new Error(
        `CHROMIUM_PATH 指向的浏览器不存在：${env.CHROMIUM_PATH} / CHROMIUM_PATH names no file: ${env.CHROMIUM_PATH}`,
      );
    }
    return { path: env.CHROMIUM_PATH, name: browserName(env.CHROMIUM_PATH) };
  }
  const p = platform === 'win32' ? path.win32 : path.posix;
  const dirs = (env.PATH ?? env.Path ?? '').split(p.delimiter).filter((dir) => p.isAbsolute(dir));
  const suffix = platform === 'win32' ? '.exe' : '';
  const onPath = PATH_NAMES.flatMap(([file, name]) =>
    dirs.map((dir) => [p.join(dir, file + suffix), name]),
  );
  for (const [file, name] of [...onPath, ...installLocations(platform, env, homedir)]) {
    if (exists(file)) return { path: file, name };
  }
  return null;
}

/**
 * The browser's own profile folder for the app: the user's data folder (XDG_DATA_HOME or
 * ~/.local/share on Linux, ~/Library/Application Support on macOS, %APPDATA% on Windows), then
 * 巡察工作台/browser-profile. The records live here, under the app's address.
 */
export function browserProfileDir({ env, platform, homedir }) {
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(homedir, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_FOLDER, 'browser-profile');
  }
  const base =
    platform === 'darwin'
      ? path.posix.join(homedir, 'Library', 'Application Support')
      : env.XDG_DATA_HOME && path.posix.isAbsolute(env.XDG_DATA_HOME)
        ? env.XDG_DATA_HOME
        : path.posix.join(homedir, '.local', 'share');
  return path.posix.join(base, APP_FOLDER, 'browser-profile');
}

/** Whether a window can open: always on Windows and macOS, elsewhere only with X11 or Wayland. */
export function hasDisplay({ env, platform }) {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
