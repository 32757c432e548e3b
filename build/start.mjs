// npm start: build, then open the desktop app. Where Electron cannot run, say so in one line.
import { spawn, spawnSync } from 'node:child_process';
import { electronBinary, NO_ELECTRON } from './electron-binary.mjs';

const binary = electronBinary();
if (!binary) {
  console.error(NO_ELECTRON);
  process.exit(1);
}
const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const app = spawn(binary, ['.'], { stdio: 'inherit' });
app.on('exit', (code) => process.exit(code ?? 0));
