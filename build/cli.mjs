// `npm run cli -- <command>`: bundles the command line (electron/cli/main.ts, TypeScript on the
// shared code) with esbuild into dist/cli, then runs it with the same arguments and exit status.
import { spawnSync } from 'node:child_process';
import { bundleForNode } from './bundle-node.mjs';

const outfile = 'dist/cli/workbench.mjs';
await bundleForNode('electron/cli/main.ts', outfile);
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
