// test/support/page/sealedStore.ts as one script to evaluate in the app's page: bundled once by
// the e2e server (test/support/e2e-server.ts), and by the browser benchmarks (browser.ts).
import { build } from 'esbuild';

export async function bundleSealedStore(): Promise<string> {
  const bundled = await build({
    entryPoints: ['test/support/page/sealedStore.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'warning',
    // The repositories it imports name the seal worker by import.meta.url; the script never
    // starts that worker (it writes through its own keys), so the empty import.meta is harmless.
    logOverride: { 'empty-import-meta': 'silent' },
  });
  return bundled.outputFiles[0]!.text;
}
