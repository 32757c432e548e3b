// The port `npm start` serves the app on where Electron cannot run, and the one line it prints.
// The browser keeps the records per address (origin): the port is fixed, because a port that
// changed would open an empty app and hide the records typed before.

export const DEFAULT_PORT = 47800;
export const PORT_VARIABLE = 'WORKBENCH_PORT';

/** The port from WORKBENCH_PORT, else 47800; throws a one-line message for anything else. */
export function resolvePort(env) {
  const value = env[PORT_VARIABLE]?.trim();
  if (!value) return DEFAULT_PORT;
  const port = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (port >= 1 && port <= 65535) return port;
  throw new Error(
    `${PORT_VARIABLE} 应为 1–65535 之间的端口号，而不是 “${value}”。/ ${PORT_VARIABLE} must be a port number from 1 to 65535, not "${value}".`,
  );
}

export function appUrl(port) {
  return `http://127.0.0.1:${port}/`;
}

export function portTakenMessage(port) {
  return (
    `端口 ${port} 已被其他程序占用：请关闭该程序后重试（浏览器按地址保存巡察工作台的数据，所以端口固定；确需换用时设置 ${PORT_VARIABLE}）。` +
    ` / Port ${port} is in use by another program: close it and try again (the browser keeps the app's data per address, so the port is fixed; ${PORT_VARIABLE} sets another).`
  );
}

export function listenFailedMessage(port, code) {
  return `无法在 127.0.0.1:${port} 上提供巡察工作台（${code}）。/ Cannot serve the app on 127.0.0.1:${port} (${code}).`;
}

export const BUILD_FAILED =
  '构建界面失败（npm run build:renderer），原因见上。/ Building the app failed (npm run build:renderer); see above.';

const NOT_OPENED = {
  'no-display': [
    '本机没有图形显示，未设置 DISPLAY 或 WAYLAND_DISPLAY',
    'no display: DISPLAY and WAYLAND_DISPLAY are unset',
  ],
  'no-browser': ['未找到 Chromium、Chrome 或 Edge', 'no Chromium, Chrome or Edge found'],
};

/**
 * The one line `npm start` prints once the app is up: where it is served, and either the window
 * it opened (and the profile folder holding the data) or why it opened none. `running` says the
 * server is an earlier `npm start` that is still running, so this one stops here.
 */
export function startedLine({ url, running, window, notOpened }) {
  const where = running
    ? [`巡察工作台已在 ${url} 运行（之前的 npm start）`, `the app is already served at ${url}`]
    : [`已在 ${url} 提供巡察工作台`, `the app is served at ${url}`];
  const stop = running ? ['', ''] : ['；按 Ctrl+C 停止', '; Ctrl+C stops it'];
  if (window) {
    return (
      `Electron 不可用：${where[0]}，已在 ${window.browser} 应用窗口中打开（数据保存在该浏览器配置：${window.profileDir}${stop[0]}）` +
      ` / No Electron: ${where[1]} and opened in a ${window.browser} app window (data in that browser profile${stop[1]})`
    );
  }
  const [why, whyEn] = NOT_OPENED[notOpened ?? 'no-browser'];
  return (
    `Electron 不可用：${where[0]}，请用 Chromium 或 Chrome 打开这个地址（${why}${stop[0]}）` +
    ` / No Electron: ${where[1]}; open it in Chromium or Chrome (${whyEn}${stop[1]})`
  );
}
