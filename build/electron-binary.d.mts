/** The Electron binary's path, or null where there is none (see electron-binary.mjs). */
export function electronBinary(): string | null;
export const NO_ELECTRON: string;
