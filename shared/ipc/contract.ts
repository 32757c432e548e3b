/**
 * The one declaration of everything that crosses between the page and the host.
 *
 * Each entry is a method of `window.workbench`: its channel name (all under `workbench:`) and
 * zod schemas for the request and the reply. The preload, the main-process handlers and the
 * browser stand-in are all typed from this map, and the main side parses every request with
 * it, so adding a channel is one edit here.
 */
import { z } from '../domain/zod';
import { parseSnapshotName } from '../rest/snapshotPlan';

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

/** The most bytes one chunk of a file stream carries across. */
export const MAX_CHUNK_BYTES = 16 * 2 ** 20;
const chunk = bytes.refine((b) => b.length <= MAX_CHUNK_BYTES, { error: 'chunk too large' });
/** A file stream the host opened, by the number it gave it. */
const streamId = z.number().int().positive();

/**
 * A snapshot's file name exactly as shared/rest/snapshotPlan.ts makes it: letters, digits, `_`,
 * `-` and the dots between its parts, so never a path, a folder or a hidden trick.
 */
export const snapshotName = z
  .string()
  .max(200)
  .refine((n) => parseSnapshotName(n) !== null, { error: '不是快照文件名' });

/** Why a copy into the second snapshot folder failed, for the user to act on. */
export const snapshotCopyProblem = z.enum(['unreachable', 'noSpace', 'notWritable', 'other']);
export type SnapshotCopyProblem = z.output<typeof snapshotCopyProblem>;

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
  /**
   * Saving a file as a stream, so a package of several GB never sits in memory: `saveStart`
   * shows the system's save dialog and opens a temporary file beside the target; `saveChunk`
   * appends; `saveCommit` flushes it to the device and renames it into place (a crash or a
   * yanked stick leaves the old file or the new one, never half); `saveAbort` removes it.
   */
  saveStart: {
    channel: 'workbench:file:save-start',
    request: z.object({
      suggestedName: fileName,
      filters: z.array(fileFilter).max(10).default([]),
    }),
    reply: z.discriminatedUnion('status', [
      z.object({ status: z.literal('open'), id: streamId, name: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  saveChunk: {
    channel: 'workbench:file:save-chunk',
    request: z.object({ id: streamId, data: chunk }),
    reply: z.undefined(),
  },
  saveCommit: {
    channel: 'workbench:file:save-commit',
    request: z.object({ id: streamId }),
    reply: z.discriminatedUnion('status', [
      /**
       * In place. `flushed`: written through to the device and renamed durably (Electron), so
       * the stick may be pulled; otherwise the system may still hold some of it in memory.
       */
      z.object({ status: z.literal('saved'), name: z.string(), flushed: z.boolean() }),
      /** Handed to the browser's downloads: whether and where it lands, the page cannot know. */
      z.object({ status: z.literal('downloading'), name: z.string() }),
    ]),
  },
  saveAbort: {
    channel: 'workbench:file:save-abort',
    request: z.object({ id: streamId }),
    reply: z.undefined(),
  },
  /**
   * Reading a file the user picks, in chunks: `openStart` shows the open dialog and reports the
   * file's name and size (refusing one over `maxBytes` before reading it); `openRead` reads at
   * an offset; `openClose` lets it go.
   */
  openStart: {
    channel: 'workbench:file:open-start',
    request: z.object({
      filters: z.array(fileFilter).max(10).default([]),
      maxBytes: z
        .number()
        .int()
        .positive()
        .max(2 ** 32),
    }),
    reply: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('opened'),
        id: streamId,
        name: z.string(),
        size: z.number().int().nonnegative(),
      }),
      z.object({ status: z.literal('cancelled') }),
      z.object({ status: z.literal('tooLarge'), name: z.string(), size: z.number() }),
    ]),
  },
  openRead: {
    channel: 'workbench:file:open-read',
    request: z.object({
      id: streamId,
      offset: z.number().int().nonnegative(),
      length: z.number().int().positive().max(MAX_CHUNK_BYTES),
    }),
    /** Fewer bytes than asked only at the end of the file. */
    reply: z.object({ data: bytes }),
  },
  openClose: {
    channel: 'workbench:file:open-close',
    request: z.object({ id: streamId }),
    reply: z.undefined(),
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
  /**
   * The second snapshot folder (issue 16): a folder the user picks, on another drive say, that
   * every snapshot is copied into once it is complete. The page never names a path there: only
   * a snapshot's name. The desktop app only; a browser keeps snapshots in its private storage.
   */
  snapshotFolder: {
    channel: 'workbench:snapshot-folder:get',
    request: z.undefined(),
    reply: z.object({
      /** The folder as the user chose it, to show; null when none is used. */
      folder: z.string().nullable(),
      /** false when it is not there now (a drive unplugged) or is not a folder. */
      reachable: z.boolean(),
      /** When a snapshot was last copied there in full (ISO time); null before the first. */
      lastCopiedAt: z.string().nullable(),
      /** The last copy that failed, unless one succeeded after it. */
      lastFailure: z.object({ at: z.string(), problem: snapshotCopyProblem }).nullable(),
      /** Snapshots removed on this laptop whose copies there wait for the folder to return. */
      waitingRemovals: z.number().int().nonnegative(),
    }),
  },
  /** Shows the system's folder dialog and remembers the folder chosen. */
  snapshotFolderPick: {
    channel: 'workbench:snapshot-folder:pick',
    request: z.undefined(),
    reply: z.discriminatedUnion('status', [
      z.object({ status: z.literal('chosen'), folder: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  /** Stops copying into the folder; the copies already there are left alone. */
  snapshotFolderClear: {
    channel: 'workbench:snapshot-folder:clear',
    request: z.undefined(),
    reply: z.undefined(),
  },
  /**
   * Copying a snapshot into the folder as a stream, the way a save is: written as `<name>.part`,
   * flushed and renamed on commit; an abort leaves nothing. `noFolder`: none is chosen (now).
   */
  snapshotCopyStart: {
    channel: 'workbench:snapshot-folder:copy-start',
    request: z.object({ name: snapshotName }),
    reply: z.discriminatedUnion('status', [
      z.object({ status: z.literal('open'), id: streamId }),
      z.object({ status: z.literal('noFolder') }),
    ]),
  },
  snapshotCopyChunk: {
    channel: 'workbench:snapshot-folder:copy-chunk',
    request: z.object({ id: streamId, data: chunk }),
    reply: z.undefined(),
  },
  snapshotCopyCommit: {
    channel: 'workbench:snapshot-folder:copy-commit',
    request: z.object({ id: streamId }),
    reply: z.undefined(),
  },
  snapshotCopyAbort: {
    channel: 'workbench:snapshot-folder:copy-abort',
    request: z.object({ id: streamId }),
    reply: z.undefined(),
  },
  /**
   * Removes the copies of snapshots this laptop removed (rotation, 巡后清退); one not there is
   * no error. `waiting`: how many of them wait because the folder is not reachable now; they
   * are removed when it is again.
   */
  snapshotCopyRemove: {
    channel: 'workbench:snapshot-folder:copy-remove',
    request: z.object({ names: z.array(snapshotName).max(1000) }),
    reply: z.object({ waiting: z.number().int().nonnegative() }),
  },
} as const;

/**
 * What the host tells the page unasked: one listener function each on `window.workbench`
 * (`onSystemLock(listener)`, returning its removal), the payload parsed on the page's side.
 */
export const events = {
  /** The laptop is going to sleep or its screen is being locked: lock the app now (issue 16). */
  systemLock: {
    channel: 'workbench:event:system-lock',
    payload: z.object({ reason: z.enum(['suspend', 'lock-screen']) }),
  },
} as const;
export type SystemLockReason = z.output<typeof events.systemLock.payload>['reason'];

export type Contract = typeof contract;
export type Method = keyof Contract;
export type RequestOf<M extends Method> = z.input<Contract[M]['request']>;
export type ReplyOf<M extends Method> = z.output<Contract[M]['reply']>;

/** `window.workbench`: one async function per contract entry. */
export type WorkbenchApi = {
  readonly [M in Method]: RequestOf<M> extends undefined
    ? () => Promise<ReplyOf<M>>
    : (request: RequestOf<M>) => Promise<ReplyOf<M>>;
} & {
  /** Calls `listener` each time the host asks the app to lock; returns the unsubscribe. */
  readonly onSystemLock: (listener: (reason: SystemLockReason) => void) => () => void;
};

export const CHANNEL_PREFIX = 'workbench:';
