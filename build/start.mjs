// npm start: build, then open the desktop app. Where Electron cannot run, build the renderer,
// serve it on a fixed local port and open it in an app window of a Chromium-family browser found
// on this machine, saying so in one line. Every failure ends in one line and a non-zero exit,
// never a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { appWindowArgs, openAppWindow } from './app-window.mjs';
import { electronBinary } from './electron-binary.mjs';
import { browserProfileDir, findBrowser, hasDisplay } from './find-browser.mjs';
import { closeServer, createStaticServer, listen, probe } from './serve-static.mjs';
import {
  appUrl,
  BUILD_FAILED,
  listenFailedMessage,
  portTakenMessage,
  resolvePort,
  startedLine,
} from './start-messages.mjs';

const rendererDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));
const viteConfig = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

/** Runs an npm script: through the npm that runs `npm start` (npm.cmd needs a shell on Windows). */
function npm(args, options) {
  const npmCli = process.env.npm_execpath;
  return npmCli
    ? spawnSync(process.execPath, [npmCli, ...args], options)
    : spawnSync('npm', args, { ...options, shell: process.platform === 'win32' });
}

function startDesktop(binary) {
  const built = npm(['run', '--silent', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const app = spawn(binary, ['.'], { stdio: 'inherit' });
  app.on('error', (error) => {
    console.error(
      `无法启动 Electron（${error.message}）/ Cannot start Electron (${error.message})`,
    );
    process.exit(1);
  });
  app.on('exit', (code) => process.exit(code ?? 0));
}

/**
 * Builds dist/renderer as `npm run build:renderer` does, quietly: only a failure is shown, as the
 * compiler's message (the code frame) without the build tool's stack, then one line.
 */
async function buildRenderer() {
  const { build } = await import('vite');
  try {
    await build({ configFile: viteConfig, logLevel: 'silent' });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    throw new Error(BUILD_FAILED, { cause: error });
  }
}

/** Opens the app window if this machine can show one; returns the line to print. */
async function openWindow(url, running) {
  const where = { env: process.env, platform: process.platform, homedir: homedir() };
  if (!hasDisplay(where))
    return startedLine({ url, running, window: null, notOpened: 'no-display' });
  const browser = findBrowser({ ...where, exists: existsSync });
  if (!browser) return startedLine({ url, running, window: null, notOpened: 'no-browser' });
  const profileDir = browserProfileDir(where);
  mkdirSync(profileDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  await openAppWindow(browser.path, appWindowArgs({ url, profileDir, isRoot }));
  return startedLine({ url, running, window: { browser: browser.name, profileDir } });
}

/** Returns 'serving' while the server runs (until Ctrl+C), or 'done' when an earlier one does. */
async function startInBrowser() {
  const port = resolvePort(process.env);
  const url = appUrl(port);
  // Before building: the build empties dist/renderer, which an earlier `npm start` may be serving.
  const before = await probe(url);
  if (before === 'other') throw new Error(portTakenMessage(port));
  if (before === 'workbench') {
    console.log(await openWindow(url, true));
    return 'done';
  }
  await buildRenderer();
  const server = createStaticServer(rendererDir);
  try {
    await listen(server, port);
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    if (code !== 'EADDRINUSE') throw new Error(listenFailedMessage(port, code), { cause: error });
    if ((await probe(url)) !== 'workbench') {
      throw new Error(portTakenMessage(port), { cause: error });
    }
    console.log(await openWindow(url, true));
    return 'done';
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => void closeServer(server).then(() => process.exit(0)));
  }
  try {
    console.log(await openWindow(url, false));
  } catch (error) {
    await closeServer(server);
    throw error;
  }
  return 'serving';
}

const binary = electronBinary();
if (binary) {
  startDesktop(binary);
} else {
  try {
    if ((await startInBrowser()) === 'done') process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
