/** The static server `npm start` falls back to (see serve-static.mjs). */
import type { Server } from 'node:http';

export const HEALTH_PATH: string;
export function contentType(file: string): string;
/** The absolute file under `root` that a request target names, or null when it may not be served. */
export function resolveRequestPath(root: string, target: string): string | null;
export function isWorkbenchHealth(body: string): boolean;
export function createStaticServer(root: string): Server;
/** Resolves with the port listened on; rejects with the listen error (its `code`: EADDRINUSE…). */
export function listen(server: Server, port: number, host?: string): Promise<number>;
export function closeServer(server: Server): Promise<void>;
export function probe(origin: string, timeoutMs?: number): Promise<'free' | 'workbench' | 'other'>;
