import { describe, expect, it } from 'vitest';
import { CHANNEL_PREFIX, contract, fileName } from '../../../shared/ipc/contract';

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

  it('checks save requests: bytes must be bytes', () => {
    const req = contract.saveFile.request;
    expect(req.safeParse({ suggestedName: 'a.txt', data: 'text' }).success).toBe(false);
    expect(req.safeParse({ suggestedName: 'a.txt', data: new Uint8Array(3) }).success).toBe(true);
  });

  it('needs a size limit on every open request', () => {
    const req = contract.openFile.request;
    expect(req.safeParse({ filters: [] }).success).toBe(false);
    expect(req.safeParse({ maxBytes: -1 }).success).toBe(false);
    expect(req.safeParse({ maxBytes: 1024 }).success).toBe(true);
  });
});
