/**
 * The Content-Security-Policy of the app window and of the browser build: one string, so the
 * Electron header and the <meta> tag of the built page cannot drift apart.
 *
 * Styles allow 'unsafe-inline' because antd writes its styles at run time (CSS-in-JS); scripts
 * never do. Scripts may compile WebAssembly ('wasm-unsafe-eval': the app's own libsodium, which
 * seals rows at rest; it allows no eval of text as script). Images, media and frames may be blob: so attachments can be previewed from
 * IndexedDB without touching disk.
 */
export interface CspOptions {
  /** The Vite dev server, allowed only while developing (`npm run dev`). */
  readonly devServerOrigin?: string;
  /** A <meta> policy cannot carry frame-ancestors; the header can. */
  readonly forMetaTag?: boolean;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const dev = options.devServerOrigin;
  const devSocket = dev?.replace(/^http/, 'ws');
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    // Vite's dev server injects an inline React-refresh preamble; built pages have none.
    'script-src': dev
      ? ["'self'", "'wasm-unsafe-eval'", "'unsafe-inline'", dev]
      : ["'self'", "'wasm-unsafe-eval'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'blob:', 'data:'],
    'media-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': dev && devSocket ? ["'self'", 'blob:', dev, devSocket] : ["'self'", 'blob:'],
    'worker-src': ["'self'", 'blob:'],
    'frame-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
  };
  if (!options.forMetaTag) directives['frame-ancestors'] = ["'none'"];
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
