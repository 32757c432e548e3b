// npm run bench [-- NAME…]: runs every test/bench/NAME.bench.ts (or only the named ones) in
// its own Node process. Each is bundled with esbuild first, so the benchmarks run the same
// TypeScript the app ships, on plain Node. --expose-gc lets them measure retained memory.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length));
const names = wanted.length === 0 ? all : wanted;
const unknown = names.filter((name) => !all.includes(name));
if (unknown.length > 0) {
  console.error(`No such benchmark: ${unknown.join(', ')} (have: ${all.join(', ')})`);
  process.exit(2);
}

const out = mkdtempSync(join(tmpdir(), 'bench-'));
let failed = 0;
try {
  for (const name of names) {
    const outfile = join(out, `${name}.mjs`);
    await build({
      entryPoints: [join(dir, `${name}.bench.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
    });
    const { status } = spawnSync(process.execPath, ['--expose-gc', outfile], { stdio: 'inherit' });
    if (status !== 0) {
      console.error(`Benchmark ${name} failed (exit ${status}).`);
      failed++;
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exit(failed > 0 ? 1 : 0);
