// Serves the built renderer (dist/renderer, made by `npm run build:renderer`) for the e2e tests.
import { existsSync } from 'node:fs';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { bundleSealedStore } from './sealedStoreScript';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** test/support/page/sealedStore.ts as one script, to evaluate in the app's page. */
    sealedStoreScript: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync('dist/renderer/index.html')) {
    throw new Error(
      'dist/renderer is missing: run `npm run build:renderer` first (npm run test:e2e does).',
    );
  }
  const server = await preview({
    configFile: 'build/vite.config.ts',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  project.provide('baseUrl', url);
  project.provide('sealedStoreScript', await bundleSealedStore());
  return async () => {
    await server.close();
  };
}
