// The lock screen every e2e test passes first (issue 16): the passphrase set on a new profile,
// typed again after every reload, as a member does each morning.
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { passLockScreen, TEST_PASSPHRASE } from './lockScreen';
import { sealedStoreDriver } from './sealedStoreDriver';

export const E2E_PASSPHRASE = TEST_PASSPHRASE;

/** Sets the passphrase on a new profile, or unlocks with it, and waits for the app behind. */
export const enterApp = (page: Page, passphrase = E2E_PASSPHRASE) =>
  passLockScreen(page, passphrase);

/** Reloads the page, as a restart does, and unlocks again. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await enterApp(page);
}

/**
 * Opens an address in this tab and unlocks when that loaded the page afresh. An address that
 * differs from the current one only after `#` is a route within the open app: no reload, so
 * nothing to unlock.
 */
export async function visit(page: Page, url: string): Promise<void> {
  const from = URL.canParse(page.url()) ? new URL(page.url()) : null;
  const to = new URL(url, from ?? undefined);
  const sameDocument =
    from !== null && from.origin === to.origin && from.pathname === to.pathname && to.hash !== '';
  await page.goto(url);
  if (!sameDocument) await enterApp(page);
}

const driver = sealedStoreDriver(() => inject('sealedStoreScript'), E2E_PASSPHRASE);

/** The app's database rows as the app reads them, opened with the test's passphrase. */
export const openedRows = driver.rows;

/** Calls one function of the page's sealed store (test/support/page/sealedStore.ts). */
export const sealedStore = driver.call;

/** Every localStorage value as the app reads it (the journal's notes opened). */
export const openedLocalValues = driver.localValues;

/** Makes test/support/page/sealedStore.ts available in the page (once per load). */
export const withSealedStore = driver.ready;
