/** The fixed port and the one-line messages of `npm start`'s browser fallback (see start-messages.mjs). */
export const DEFAULT_PORT: number;
export const PORT_VARIABLE: string;
/** Throws a one-line message when WORKBENCH_PORT is not a port number. */
export function resolvePort(env: Readonly<Record<string, string | undefined>>): number;
export function appUrl(port: number): string;
export function portTakenMessage(port: number): string;
export function listenFailedMessage(port: number, code: string): string;
export const BUILD_FAILED: string;
export function startedLine(started: {
  readonly url: string;
  /** The server is an earlier `npm start` that is still running. */
  readonly running: boolean;
  readonly window: { readonly browser: string; readonly profileDir: string } | null;
  readonly notOpened?: 'no-display' | 'no-browser';
}): string;
