// npm run dev: the Vite dev server with hot reload, and Electron pointed at it.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'vite';
import { electronBinary, NO_ELECTRON } from './electron-binary.mjs';

const binary = electronBinary();
if (!binary) {
  console.error(NO_ELECTRON);
  process.exit(1);
}
const built = spawnSync('node', ['build/build-electron.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const server = await createServer({ configFile: 'build/vite.config.ts' });
await server.listen();
const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/';
const app = spawn(binary, ['.'], {
  stdio: 'inherit',
  env: { ...process.env, WORKBENCH_DEV_SERVER: new URL(url).origin },
});
app.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
