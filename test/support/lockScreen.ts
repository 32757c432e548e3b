// The lock screen as a script passes it (issue 16), for the e2e tests and the browser
// benchmarks alike: the passphrase set on a new profile, or typed again after a load.
import type { Page } from 'playwright-core';

export const TEST_PASSPHRASE = '第二巡察组 测试口令 2026';

/** Sets the passphrase on a new profile, or unlocks with it, and waits for the app behind. */
export async function passLockScreen(
  page: Page,
  passphrase = TEST_PASSPHRASE,
  timeout = 30_000,
): Promise<void> {
  const lock = page.getByTestId('lock-screen');
  await lock.waitFor({ timeout });
  await lock.getByLabel('开机口令', { exact: true }).fill(passphrase);
  const again = lock.getByLabel('再次输入口令');
  if ((await again.count()) > 0) await again.fill(passphrase);
  await lock.getByRole('button', { name: /设置口令并进入|解\s*锁/ }).click();
  await lock.waitFor({ state: 'detached', timeout });
}
