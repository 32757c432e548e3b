// Bundles a TypeScript entry for plain Node as one ES module: the command line (build/cli.mjs)
// and the benchmarks (test/bench/run.mjs) run the same shared/ code the app ships this way.
import { build } from 'esbuild';

/** `options` adds to or overrides esbuild's (e.g. `external`). */
export function bundleForNode(entry, outfile, options = {}) {
  return build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // CommonJS packages bundled into an ES module (exceljs) still `require` Node's built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    ...options,
  });
}
