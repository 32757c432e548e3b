/**
 * The Electron entry: the only main-process file that imports `electron` for real. It wires
 * the plain modules beside it together; each of them is unit-tested without the binary.
 */
import path from 'node:path';
import fs from 'node:fs/promises';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  powerMonitor,
  protocol,
  session,
} from 'electron';
import { pathToFileURL } from 'node:url';
import { APP_ENTRY, APP_SCHEME, devOrigin, type Policy } from './security';
import { attachWindowGuards, mainWindowOptions } from './window';
import { hardenSession } from './session';
import { contentType, resolveAppFile } from './protocol';
import { registerHandlers } from './ipc';
import { fileHandlers } from './files';
import { diskHandlers } from './disk';
import { snapshotFolderHandlers } from './snapshotFolder';
import { menuTemplate } from './menu';
import { lockWithSystem } from './power';
import { contentSecurityPolicy } from '../../shared/security/csp';

// Set by `npm run dev` only; ignored in packaged builds.
const devServerOrigin = app.isPackaged ? undefined : devOrigin(process.env.WORKBENCH_DEV_SERVER);
const policy: Policy = devServerOrigin ? { devServerOrigin } : {};
const rendererRoot = path.join(__dirname, '..', 'renderer');

protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function serveApp(): void {
  const csp = contentSecurityPolicy();
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererRoot, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    if (!response.ok) return response;
    return new Response(response.body, {
      headers: { 'Content-Type': contentType(file), 'Content-Security-Policy': csp },
    });
  });
}

function createWindow(): void {
  const win = new BrowserWindow(
    mainWindowOptions({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      packaged: app.isPackaged,
    }),
  );
  attachWindowGuards(win.webContents, policy);
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    mainWindow = null;
  });
  void win.loadURL(devServerOrigin ?? APP_ENTRY);
  mainWindow = win;
}

if (!app.requestSingleInstanceLock()) {
  // A second copy would fight the first over the same IndexedDB: hand over and leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, policy);
    serveApp();
    const { closeAll: closeFiles, ...files } = fileHandlers({
      dialog,
      fs,
      window: () => mainWindow,
      defaultDir: app.getPath('documents'),
    });
    const { closeAll: closeSnapshotCopies, ...snapshotFolder } = snapshotFolderHandlers({
      dialog,
      fs,
      window: () => mainWindow,
      dataDir: app.getPath('userData'),
    });
    // Quitting mid-save must not leave a temporary file beside the user's: hold the quit until
    // every stream is closed and its temporary file removed (Electron does not await listeners).
    let filesClosed = false;
    app.on('will-quit', (event) => {
      if (filesClosed) return;
      event.preventDefault();
      void Promise.allSettled([closeFiles(), closeSnapshotCopies()]).finally(() => {
        filesClosed = true;
        app.quit();
      });
    });
    registerHandlers(
      ipcMain,
      {
        ...files,
        ...snapshotFolder,
        ...diskHandlers({ fs, dataDir: app.getPath('userData') }),
        appInfo: async () => ({
          name: app.getName(),
          version: app.getVersion(),
          platform: process.platform,
          host: 'electron' as const,
        }),
      },
      policy,
    );
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ platform: process.platform, packaged: app.isPackaged }),
      ),
    );
    createWindow();
    lockWithSystem(powerMonitor, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
