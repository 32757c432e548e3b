import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { StorageBanner } from '../../../renderer/components/StorageWarning';
import type { StorageHealth } from '../../../renderer/app/storageHealth';

const MB = 1024 * 1024;
// Server rendering: no DOM needed.
const html = (health: StorageHealth) => renderToStaticMarkup(createElement(StorageBanner, health));
const text = (health: StorageHealth) => html(health).replace(/<[^>]+>/g, ' ');

describe('StorageBanner', () => {
  it('shows nothing while there is room', () => {
    expect(html({ level: 'ok', freeBytes: 10 * 1024 * MB, spaceFailure: false })).toBe('');
  });

  it('says how much is left and what to do', () => {
    const low = text({ level: 'low', freeBytes: 150 * MB, spaceFailure: false });
    expect(low).toContain('剩余约 150 MB');
    expect(low).toContain('请清理磁盘空间后继续');
    const critical = text({ level: 'critical', freeBytes: 0.5 * MB, spaceFailure: false });
    expect(critical).toContain('即将用完，剩余不足 1 MB');
  });

  it('says plainly that the last changes are not saved once a write failed', () => {
    // Chromium reports gigabytes free while the disk is full: the failure decides.
    const full = { level: 'critical', freeBytes: 10 * 1024 * MB, spaceFailure: true } as const;
    expect(text(full)).toContain('最近的修改没有保存');
    expect(text(full)).toContain('请清理磁盘空间后继续');
    expect(text(full)).not.toContain('GB');
    expect(html(full)).toContain('data-testid="storage-warning"');
  });
});
