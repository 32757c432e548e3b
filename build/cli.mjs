// `npm run cli -- <command>`: bundles the command line (electron/cli/main.ts, TypeScript on the
// shared code) with esbuild into dist/cli, then runs it with the same arguments and exit status.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const outfile = 'dist/cli/workbench.mjs';
await build({
  entryPoints: ['electron/cli/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
