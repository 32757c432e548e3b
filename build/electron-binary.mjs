// Where the Electron binary is, without triggering the npm package's lazy download (which needs a
// network these machines do not have). Returns null when there is no binary to run.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function electronBinary() {
  let pkgDir;
  try {
    pkgDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  if (!relative) return null;
  const binary = path.join(dist, relative);
  return existsSync(binary) ? binary : null;
}

export const NO_ELECTRON =
  '本机无法启动 Electron 桌面窗口（未找到 Electron 程序），请改用 npm run web 在浏览器中使用。' +
  ' / Electron cannot start on this machine (no Electron binary); use `npm run web` instead.';
