/**
 * The one declaration of everything that crosses between the page and the host.
 *
 * Each entry is a method of `window.workbench`: its channel name (all under `workbench:`) and
 * zod schemas for the request and the reply. The preload, the main-process handlers and the
 * browser stand-in are all typed from this map, and the main side parses every request with
 * it, so adding a channel is one edit here.
 */
import { z } from '../domain/zod';

const hasControlCharacter = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20);

/** A bare file name the user may keep: no folders, no control characters, no hidden tricks. */
export const fileName = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => !/[/\\:*?"<>|]/.test(n) && !hasControlCharacter(n) && n !== '.' && n !== '..', {
    error: '文件名不能包含路径或特殊字符',
  });

const fileFilter = z.object({
  name: z.string().max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).max(20),
});

const bytes = z.instanceof(Uint8Array);

export const contract = {
  appInfo: {
    channel: 'workbench:app:info',
    request: z.undefined(),
    reply: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      host: z.enum(['electron', 'browser']),
    }),
  },
  saveFile: {
    channel: 'workbench:file:save',
    request: z.object({
      suggestedName: fileName,
      data: bytes,
      filters: z.array(fileFilter).max(10).default([]),
    }),
    reply: z.discriminatedUnion('status', [
      /** Written, flushed to the device and renamed into place (Electron). */
      z.object({ status: z.literal('saved'), name: z.string() }),
      /** Handed to the browser's downloads: whether and where it lands, the page cannot know. */
      z.object({ status: z.literal('downloading'), name: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  openFile: {
    channel: 'workbench:file:open',
    request: z.object({
      filters: z.array(fileFilter).max(10).default([]),
      /** Files larger than this are refused before they are read. */
      maxBytes: z
        .number()
        .int()
        .positive()
        .max(2 ** 32),
    }),
    reply: z.discriminatedUnion('status', [
      z.object({ status: z.literal('opened'), name: z.string(), data: bytes }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('tooLarge'), name: z.string(), size: z.number() }),
    ]),
  },
  /**
   * Free space on the disk that holds the app's data, in bytes; null where the host cannot tell
   * (a browser: its storage estimate reports a quota, never the disk).
   */
  diskSpace: {
    channel: 'workbench:disk:free',
    request: z.undefined(),
    reply: z.object({ freeBytes: z.number().nonnegative().nullable() }),
  },
} as const;

export type Contract = typeof contract;
export type Method = keyof Contract;
export type RequestOf<M extends Method> = z.input<Contract[M]['request']>;
export type ReplyOf<M extends Method> = z.output<Contract[M]['reply']>;

/** `window.workbench`: one async function per contract entry. */
export type WorkbenchApi = {
  readonly [M in Method]: RequestOf<M> extends undefined
    ? () => Promise<ReplyOf<M>>
    : (request: RequestOf<M>) => Promise<ReplyOf<M>>;
};

export const CHANNEL_PREFIX = 'workbench:';
