// Launches the real desktop app where an Electron binary exists. On machines without one (the
// npm package downloads it lazily, and these machines have no network for that) it is skipped;
// the shell's logic is covered by the unit tests in test/unit/electron either way.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { _electron } from 'playwright-core';
import { electronBinary } from '../../build/electron-binary.mjs';
import { contract, type WorkbenchApi } from '../../shared/ipc/contract';

type AppWindow = Window & { workbench?: WorkbenchApi; require?: unknown; process?: unknown };

const binary = electronBinary();
const title = binary
  ? 'the desktop app'
  : 'the desktop app — skipped: no Electron binary on this machine (npm start says so too)';

describe.skipIf(!binary)(title, () => {
  it('opens the case list in a sandboxed window with only window.workbench exposed', async () => {
    expect(spawnSync('npm', ['run', '--silent', 'build:electron']).status).toBe(0);
    const app = await _electron.launch({ executablePath: binary!, args: ['.'] });
    try {
      const page = await app.firstWindow();
      await expect.poll(() => page.getByText('巡察任务').first().isVisible()).toBe(true);
      expect(page.url()).toBe('app://workbench/index.html');
      const exposed = await page.evaluate(() => {
        const w = window as AppWindow;
        return {
          bridge: Object.keys(w.workbench ?? {}).sort(),
          require: typeof w.require,
          process: typeof w.process,
        };
      });
      expect(exposed).toEqual({
        // One function per contract entry and per event, nothing else.
        bridge: [...Object.keys(contract), 'onSystemLock'].sort(),
        require: 'undefined',
        process: 'undefined',
      });
      expect(await page.evaluate(() => (window as AppWindow).workbench!.appInfo())).toMatchObject({
        host: 'electron',
      });
      const offline = await page.evaluate(() =>
        fetch('https://example.com/').then(
          () => 'reached',
          () => 'blocked',
        ),
      );
      expect(offline).toBe('blocked');
    } finally {
      await app.close();
    }
  });
});
