import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from '../shared/security/csp.ts';
import { zh } from '../shared/i18n/zh-CN.ts';

const root = fileURLToPath(new URL('../renderer', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The built page carries the same CSP as the Electron window, so `npm run web` and the e2e
 * tests run under the rules the desktop app enforces. (The dev server needs inline scripts.) */
function cspMetaTag(): Plugin {
  return {
    name: 'workbench-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy({ forMetaTag: true }),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * The first screen's chunk (renderer/app/App.tsx: antd and the case list) and its styles are
 * asked for by the page itself, beside the entry, instead of once the entry has run and calls
 * import(): Chromium fetches and compiles them off the main thread while it runs the entry and
 * opens the database (renderer/main.tsx). Later chunks (the case workspace) are not preloaded.
 */
function preloadFirstScreen(): Plugin {
  return {
    name: 'workbench-preload-first-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const entry = chunks.find((c) => c.isEntry);
        const first = chunks.find((c) => c.facadeModuleId?.endsWith('/renderer/app/App.tsx'));
        if (!first) throw new Error('preloadFirstScreen: no chunk for renderer/app/App.tsx');
        const scripts = new Set<string>();
        const styles = new Set<string>();
        const visit = (fileName: string) => {
          const chunk = chunks.find((c) => c.fileName === fileName);
          if (!chunk || chunk === entry || scripts.has(fileName)) return;
          scripts.add(fileName);
          chunk.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          chunk.imports.forEach(visit);
        };
        visit(first.fileName);
        return [
          ...[...styles].map((href) => ({
            tag: 'link',
            // crossorigin as vite's loader asks for it, or Chromium fetches the sheet twice.
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `./${href}` },
            injectTo: 'head' as const,
          })),
          ...[...scripts].map((href) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${href}` },
            injectTo: 'head' as const,
          })),
        ];
      },
    },
  };
}

/**
 * What the window shows from its first paint until the app has opened the data and drawn the
 * case list: the product's name and what it is doing, in the page itself (no script needed),
 * instead of a blank window for a second. React replaces it with the app.
 */
function startingShell(): Plugin {
  return {
    name: 'workbench-starting-shell',
    transformIndexHtml: (html) =>
      html.replace(
        '<div id="root"></div>',
        `<div id="root"><div class="starting"><h1>${zh.app.name}</h1><p>${zh.app.starting}</p></div></div>`,
      ),
  };
}

export default defineConfig({
  root,
  // Relative asset paths: the same build loads from app://workbench/ and from any web server.
  base: './',
  plugins: [react(), cspMetaTag(), preloadFirstScreen(), startingShell()],
  define: { 'import.meta.env.VITE_APP_VERSION': JSON.stringify(pkg.version) },
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    target: 'chrome130',
  },
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
