/** The app window of a Chromium-family browser (see app-window.mjs). */
import type { spawn } from 'node:child_process';

export function appWindowArgs(options: {
  readonly url: string;
  readonly profileDir: string;
  readonly isRoot: boolean;
}): string[];

/** Resolves once the browser has stayed up `settleMs`, or handed over and exited with 0. */
export function openAppWindow(
  file: string,
  args: readonly string[],
  options?: { readonly spawn?: typeof spawn; readonly settleMs?: number },
): Promise<void>;
