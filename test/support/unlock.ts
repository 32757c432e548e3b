// The lock screen every e2e test passes first (issue 16): the passphrase set on a new profile,
// typed again after every reload, as a member does each morning.
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { passLockScreen, TEST_PASSPHRASE } from './lockScreen';

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

/** The app's database rows as the app reads them, opened with the test's passphrase. */
export async function openedRows<T = Record<string, unknown>>(page: Page, store: string) {
  await withSealedStore(page);
  return page.evaluate(
    ([passphrase, name]) => window.__sealedStore!.rows(passphrase, name) as Promise<T[]>,
    [E2E_PASSPHRASE, store] as const,
  );
}

/** Calls one function of the page's sealed store (test/support/page/sealedStore.ts). */
export async function sealedStore<K extends 'put' | 'patch' | 'dump' | 'rawText'>(
  page: Page,
  name: K,
  ...args: DropFirst<Parameters<SealedStore[K]>>
): Promise<Awaited<ReturnType<SealedStore[K]>>> {
  await withSealedStore(page);
  return page.evaluate(
    ([n, passphrase, rest]) =>
      (window.__sealedStore![n] as (...a: unknown[]) => Promise<never>)(passphrase, ...rest),
    [name, E2E_PASSPHRASE, args] as const,
  );
}
type SealedStore = NonNullable<Window['__sealedStore']>;
type DropFirst<T extends unknown[]> = T extends [unknown, ...infer R] ? R : [];

/** Every localStorage value as the app reads it (the journal's notes opened). */
export async function openedLocalValues(page: Page): Promise<string[]> {
  await withSealedStore(page);
  return page.evaluate((p) => window.__sealedStore!.localValues(p), E2E_PASSPHRASE);
}

/** Makes test/support/page/sealedStore.ts available in the page (once per load). */
export async function withSealedStore(page: Page): Promise<void> {
  if (await page.evaluate(() => window.__sealedStore !== undefined)) return;
  await page.evaluate(inject('sealedStoreScript'));
}
