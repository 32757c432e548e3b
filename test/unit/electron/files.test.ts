import fs from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileHandlers, writeFileAtomically } from '../../../electron/main/files';

const dir = () => mkdtempSync(path.join(tmpdir(), 'workbench-files-'));

describe('writing files', () => {
  it('replaces a file whole and leaves no temporary file behind', async () => {
    const d = dir();
    const target = path.join(d, '报告.docx');
    writeFileSync(target, 'old');
    await writeFileAtomically(fs, target, new TextEncoder().encode('新内容'));
    expect(readFileSync(target, 'utf8')).toBe('新内容');
    expect(readdirSync(d)).toEqual(['报告.docx']);
  });

  it('keeps the old file when the write fails', async () => {
    const d = dir();
    const target = path.join(d, 'a.xcase');
    writeFileSync(target, 'old');
    const failing = { ...fs, rename: async () => Promise.reject(new Error('device removed')) };
    await expect(writeFileAtomically(failing, target, new Uint8Array([1, 2]))).rejects.toThrow(
      'device removed',
    );
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(d)).toEqual(['a.xcase']);
  });
});

describe('file dialogs', () => {
  // The system dialog is the Electron boundary; the files are real.
  const dialogPicking = (filePath: string | undefined) => ({
    showSaveDialog: vi.fn(async () => ({ canceled: !filePath, filePath: filePath ?? '' })),
    showOpenDialog: vi.fn(async () => ({
      canceled: !filePath,
      filePaths: filePath ? [filePath] : [],
    })),
  });

  it('save where the user chose and report only the file name', async () => {
    const target = path.join(dir(), 'x.txt');
    const handlers = fileHandlers({
      dialog: dialogPicking(target),
      fs,
      window: () => null,
      defaultDir: '/home',
    });
    const reply = await handlers.saveFile(
      { suggestedName: 'x.txt', data: new Uint8Array([65]), filters: [] },
      {} as never,
    );
    expect(reply).toEqual({ status: 'saved', name: 'x.txt' });
    expect(readFileSync(target, 'utf8')).toBe('A');
  });

  it('report a cancelled dialog and write nothing', async () => {
    const handlers = fileHandlers({
      dialog: dialogPicking(undefined),
      fs,
      window: () => null,
      defaultDir: '/home',
    });
    const reply = await handlers.saveFile(
      { suggestedName: 'x.txt', data: new Uint8Array([65]), filters: [] },
      {} as never,
    );
    expect(reply).toEqual({ status: 'cancelled' });
  });

  it('refuse a file over the limit before reading it', async () => {
    const file = path.join(dir(), 'big.bin');
    writeFileSync(file, Buffer.alloc(2048));
    const readFile = vi.fn(fs.readFile) as unknown as typeof fs.readFile;
    const handlers = fileHandlers({
      dialog: dialogPicking(file),
      fs: { ...fs, readFile },
      window: () => null,
      defaultDir: '/',
    });
    expect(await handlers.openFile({ filters: [], maxBytes: 1024 }, {} as never)).toEqual({
      status: 'tooLarge',
      name: 'big.bin',
      size: 2048,
    });
    expect(readFile).not.toHaveBeenCalled();
    const ok = await handlers.openFile({ filters: [], maxBytes: 4096 }, {} as never);
    expect(ok.status === 'opened' && ok.data.byteLength).toBe(2048);
  });
});
