/** Finding a browser for `npm start` where Electron cannot run (see find-browser.mjs). */
export interface BrowserSearch {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
  readonly exists: (file: string) => boolean;
}

export interface FoundBrowser {
  readonly path: string;
  /** For the line `npm start` prints: Chromium, Google Chrome or Microsoft Edge. */
  readonly name: string;
}

export const APP_FOLDER: string;
export function browserName(file: string): string;
/** Throws (a one-line message) when CHROMIUM_PATH names no file. */
export function findBrowser(search: BrowserSearch): FoundBrowser | null;
export function browserProfileDir(where: Omit<BrowserSearch, 'exists'>): string;
export function hasDisplay(where: Pick<BrowserSearch, 'env' | 'platform'>): boolean;
