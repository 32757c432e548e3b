import { describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { diskHandlers } from '../../../electron/main/disk';

describe('free disk space', () => {
  it('is measured where the app keeps its data, as the bytes an ordinary user may use', async () => {
    const { diskSpace } = diskHandlers({ fs, dataDir: tmpdir() });
    const { freeBytes } = await diskSpace(undefined, {} as never);
    const { bavail, bsize } = await fs.statfs(tmpdir());
    expect(freeBytes).toBe(Number(bavail) * Number(bsize));
    expect(freeBytes).toBeGreaterThan(0);
  });

  it('is unknown, not an error, when the folder cannot be measured', async () => {
    const { diskSpace } = diskHandlers({ fs, dataDir: '/no/such/folder/巡察' });
    expect(await diskSpace(undefined, {} as never)).toEqual({ freeBytes: null });
  });
});
