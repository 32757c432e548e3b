// npm run bench [-- NAME… [--option value…]]: runs every test/bench/NAME.bench.ts (or only the
// named ones) in its own Node process; arguments from the first `--option` on are passed to each
// benchmark (`npm run bench -- crash --rounds 40`). Each is bundled with esbuild first, so the
// benchmarks run the same TypeScript the app ships, on plain Node. --expose-gc lets them measure
// retained memory. Browser benchmarks drive Chromium with playwright-core, serve the renderer
// with vite and bundle the scripts they evaluate in the page with esbuild: those three stay
// unbundled (native parts, files read at run time) and are loaded from node_modules, which is
// why the bundles are written inside the project, not to /tmp.
import { bundleForNode } from '../../build/bundle-node.mjs';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const root = join(dir, '..', '..');
const args = process.argv.slice(2);
const firstOption = args.findIndex((arg) => arg.startsWith('-'));
const wanted = firstOption === -1 ? args : args.slice(0, firstOption);
const passed = firstOption === -1 ? [] : args.slice(firstOption);
const all = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length));
const names = wanted.length === 0 ? all : wanted;
const unknown = names.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`No such benchmark: ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
const out = mkdtempSync(join(root, 'node_modules', '.cache', 'bench-'));
let failed = 0;
try {
  for (const name of names) {
    const outfile = join(out, `${name}.mjs`);
    await bundleForNode(join(dir, `${name}.bench.ts`), outfile, {
      external: ['playwright-core', 'vite', 'esbuild'],
    });
    const { status } = spawnSync(process.execPath, ['--expose-gc', outfile, ...passed], {
      stdio: 'inherit',
      cwd: root,
    });
    if (status !== 0) {
      console.error(`Benchmark ${name} failed (exit ${status}).`);
      failed++;
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
