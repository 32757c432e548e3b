import { describe, expect, it } from 'vitest';
import { CHANNEL_PREFIX, contract, fileName, MAX_CHUNK_BYTES } from '../../../shared/ipc/contract';

describe('IPC contract', () => {
  it('puts every channel under one prefix, once', () => {
    const channels = Object.values(contract).map((c) => c.channel);
    expect(channels.every((c) => c.startsWith(CHANNEL_PREFIX))).toBe(true);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('refuses file names that are paths or tricks', () => {
    for (const bad of [
      '../x.xcase',
      'a/b.docx',
      'C:\\temp\\x',
      '..',
      '.',
      '',
      'x\u0000.docx',
      'a\nb',
      'x'.repeat(201),
    ]) {
      expect(fileName.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(fileName.safeParse('某县教育局党组_张三_20261123.xcase').success).toBe(true);
  });

  it('keeps every chunk of a save under the limit, and its bytes bytes', () => {
    const req = contract.saveChunk.request;
    expect(req.safeParse({ id: 1, data: new Uint8Array(MAX_CHUNK_BYTES) }).success).toBe(true);
    expect(req.safeParse({ id: 1, data: new Uint8Array(MAX_CHUNK_BYTES + 1) }).success).toBe(false);
    expect(req.safeParse({ id: 1, data: 'text' }).success).toBe(false);
  });

  it('lets a save suggest a bare file name only', () => {
    const req = contract.saveStart.request;
    expect(req.safeParse({ suggestedName: 'a.txt' }).success).toBe(true);
    expect(req.safeParse({ suggestedName: '../a.txt' }).success).toBe(false);
    expect(req.safeParse({ suggestedName: '/etc/passwd' }).success).toBe(false);
  });

  it('names streams by positive whole numbers only', () => {
    for (const method of [
      'saveChunk',
      'saveCommit',
      'saveAbort',
      'openRead',
      'openClose',
      'snapshotCopyChunk',
      'snapshotCopyCommit',
      'snapshotCopyAbort',
    ] as const) {
      const req = contract[method].request;
      const rest = { data: new Uint8Array(1), offset: 0, length: 1 };
      expect(req.safeParse({ ...rest, id: 1 }).success, method).toBe(true);
      for (const id of [0, -1, 1.5, '1', Number.NaN, undefined]) {
        expect(req.safeParse({ ...rest, id }).success, `${method} ${String(id)}`).toBe(false);
      }
    }
  });

  it('needs a size limit on every open request', () => {
    const req = contract.openStart.request;
    expect(req.safeParse({ filters: [] }).success).toBe(false);
    expect(req.safeParse({ maxBytes: -1 }).success).toBe(false);
    expect(req.safeParse({ maxBytes: 1024 }).success).toBe(true);
  });

  it('reads at most one chunk at a time, from a real offset', () => {
    const req = contract.openRead.request;
    expect(req.safeParse({ id: 1, offset: 0, length: MAX_CHUNK_BYTES }).success).toBe(true);
    expect(req.safeParse({ id: 1, offset: 0, length: MAX_CHUNK_BYTES + 1 }).success).toBe(false);
    expect(req.safeParse({ id: 1, offset: 0, length: 0 }).success).toBe(false);
    expect(req.safeParse({ id: 1, offset: -1, length: 1 }).success).toBe(false);
    expect(req.safeParse({ id: 1, offset: 0.5, length: 1 }).success).toBe(false);
  });
});
