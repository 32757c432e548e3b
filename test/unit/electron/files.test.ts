import fs from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileHandlers, type FileDeps } from '../../../electron/main/files';

const dir = () => mkdtempSync(path.join(tmpdir(), 'workbench-files-'));
const event = {} as never;
const bytes = (text: string) => new TextEncoder().encode(text);

// The system dialog is the Electron boundary; the files are real.
const dialogPicking = (filePath: string | undefined) => ({
  showSaveDialog: vi.fn(async () => ({ canceled: !filePath, filePath: filePath ?? '' })),
  showOpenDialog: vi.fn(async () => ({
    canceled: !filePath,
    filePaths: filePath ? [filePath] : [],
  })),
});

const handlersFor = (filePath: string | undefined, fsImpl: FileDeps['fs'] = fs) =>
  fileHandlers({
    dialog: dialogPicking(filePath),
    fs: fsImpl,
    window: () => null,
    defaultDir: '/',
  });

/** Starts a save to `target` and returns the stream's id. */
async function startSave(handlers: ReturnType<typeof fileHandlers>, target: string) {
  const reply = await handlers.saveStart(
    { suggestedName: path.basename(target), filters: [] },
    event,
  );
  if (reply.status !== 'open') throw new Error(`expected an open stream, got ${reply.status}`);
  return reply.id;
}

describe('saving a file as a stream', () => {
  it('writes the chunks in order where the user chose, and reports only the name', async () => {
    const d = dir();
    const target = path.join(d, '报告.docx');
    const handlers = handlersFor(target);
    const started = await handlers.saveStart({ suggestedName: '报告.docx', filters: [] }, event);
    expect(started).toMatchObject({ status: 'open', name: '报告.docx' });
    const id = started.status === 'open' ? started.id : 0;
    for (const part of ['第一段', '-second-', '', 'third']) {
      expect(await handlers.saveChunk({ id, data: bytes(part) }, event)).toBeUndefined();
    }
    expect(readdirSync(d)).not.toContain('报告.docx'); // nothing at the target before the commit
    expect(await handlers.saveCommit({ id }, event)).toEqual({
      status: 'saved',
      flushed: true,
      name: '报告.docx',
    });
    expect(readFileSync(target, 'utf8')).toBe('第一段-second-third');
    expect(readdirSync(d)).toEqual(['报告.docx']);
  });

  it('replaces an existing file whole', async () => {
    const d = dir();
    const target = path.join(d, 'a.xcase');
    writeFileSync(target, 'a much longer old content');
    const handlers = handlersFor(target);
    const id = await startSave(handlers, target);
    await handlers.saveChunk({ id, data: bytes('new') }, event);
    await handlers.saveCommit({ id }, event);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(d)).toEqual(['a.xcase']);
  });

  it('keeps the old file and leaves no temporary file when the rename fails', async () => {
    const d = dir();
    const target = path.join(d, 'a.xcase');
    writeFileSync(target, 'old');
    const failing = { ...fs, rename: async () => Promise.reject(new Error('device removed')) };
    const handlers = handlersFor(target, failing);
    const id = await startSave(handlers, target);
    await handlers.saveChunk({ id, data: bytes('new') }, event);
    await expect(handlers.saveCommit({ id }, event)).rejects.toThrow('device removed');
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['a.xcase']);
    // The stream is gone: a retry of the commit is refused, an abort is harmless.
    await expect(handlers.saveCommit({ id }, event)).rejects.toThrow();
    await handlers.saveAbort({ id }, event);
  });

  it('leaves nothing at all when aborted, and aborting twice is harmless', async () => {
    const d = dir();
    const handlers = handlersFor(path.join(d, 'x.txt'));
    const id = await startSave(handlers, path.join(d, 'x.txt'));
    await handlers.saveChunk({ id, data: bytes('half') }, event);
    expect(readdirSync(d)).toHaveLength(1); // the temporary file
    await handlers.saveAbort({ id }, event);
    await handlers.saveAbort({ id }, event);
    expect(readdirSync(d)).toEqual([]);
    await expect(handlers.saveChunk({ id, data: bytes('late') }, event)).rejects.toThrow();
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const d = dir();
    const handlers = fileHandlers({
      dialog: dialogPicking(undefined),
      fs,
      window: () => null,
      defaultDir: d,
    });
    expect(await handlers.saveStart({ suggestedName: 'x.txt', filters: [] }, event)).toEqual({
      status: 'cancelled',
    });
    expect(readdirSync(d)).toEqual([]);
  });

  it('refuses a chunk for a stream it never opened', async () => {
    const handlers = handlersFor(undefined);
    await expect(handlers.saveChunk({ id: 42, data: bytes('x') }, event)).rejects.toThrow();
    await expect(handlers.saveCommit({ id: 42 }, event)).rejects.toThrow();
  });

  it('keeps two saves to the same folder apart', async () => {
    const d = dir();
    const target = path.join(d, 'x.txt');
    const handlers = handlersFor(target);
    const first = await startSave(handlers, target);
    const second = await startSave(handlers, target);
    expect(second).not.toBe(first);
    await handlers.saveChunk({ id: first, data: bytes('first') }, event);
    await handlers.saveChunk({ id: second, data: bytes('second') }, event);
    await handlers.saveAbort({ id: first }, event);
    await handlers.saveCommit({ id: second }, event);
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(d)).toEqual(['x.txt']);
  });
});

describe('opening a file as a stream', () => {
  const content = Buffer.from(Array.from({ length: 2500 }, (_, i) => i % 251));

  it('refuses a file over the limit before opening it', async () => {
    const file = path.join(dir(), 'big.bin');
    writeFileSync(file, Buffer.alloc(2048));
    const open = vi.fn(fs.open);
    const handlers = handlersFor(file, { ...fs, open });
    expect(await handlers.openStart({ filters: [], maxBytes: 1024 }, event)).toEqual({
      status: 'tooLarge',
      name: 'big.bin',
      size: 2048,
    });
    expect(open).not.toHaveBeenCalled();
  });

  it('reads the file in chunks at offsets, the last one short', async () => {
    const file = path.join(dir(), '案卷.xcase');
    writeFileSync(file, content);
    const handlers = handlersFor(file);
    const opened = await handlers.openStart({ filters: [], maxBytes: 4096 }, event);
    expect(opened).toMatchObject({ status: 'opened', name: '案卷.xcase', size: 2500 });
    const id = opened.status === 'opened' ? opened.id : 0;
    const parts: Uint8Array[] = [];
    for (let offset = 0; offset < 2500; offset += 1000) {
      const { data } = await handlers.openRead({ id, offset, length: 1000 }, event);
      expect(data).toBeInstanceOf(Uint8Array);
      expect(data.byteLength).toBe(Math.min(1000, 2500 - offset));
      expect(data.buffer.byteLength).toBe(data.byteLength); // not a view of a larger buffer
      parts.push(data);
    }
    expect(Buffer.concat(parts).equals(content)).toBe(true);
    expect((await handlers.openRead({ id, offset: 2500, length: 10 }, event)).data).toHaveLength(0);
    await handlers.openClose({ id }, event);
    await handlers.openClose({ id }, event);
    await expect(handlers.openRead({ id, offset: 0, length: 10 }, event)).rejects.toThrow();
  });

  it('reports a cancelled dialog', async () => {
    expect(await handlersFor(undefined).openStart({ filters: [], maxBytes: 1 }, event)).toEqual({
      status: 'cancelled',
    });
  });
});

describe('closing everything', () => {
  it('removes the temporary files of unfinished saves and lets open files go', async () => {
    const d = dir();
    const target = path.join(d, 'x.txt');
    writeFileSync(target, 'old');
    const handlers = handlersFor(target);
    const saves = [await startSave(handlers, target), await startSave(handlers, target)];
    for (const id of saves) await handlers.saveChunk({ id, data: bytes('unfinished') }, event);
    const opened = await handlers.openStart({ filters: [], maxBytes: 100 }, event);
    const readId = opened.status === 'opened' ? opened.id : 0;
    expect(readdirSync(d)).toHaveLength(3);

    await handlers.closeAll();

    expect(readdirSync(d)).toEqual(['x.txt']);
    expect(readFileSync(target, 'utf8')).toBe('old');
    await expect(handlers.openRead({ id: readId, offset: 0, length: 1 }, event)).rejects.toThrow();
    await expect(handlers.saveCommit({ id: saves[0]! }, event)).rejects.toThrow();
  });
});
