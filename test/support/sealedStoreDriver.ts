/**
 * The Node side of test/support/page/sealedStore.ts, free of vitest so the browser benchmarks
 * share it with the e2e tests: the page's database and localStorage as the app reads them,
 * opened with the test's passphrase. `script` gives the page script (the e2e server's bundle,
 * or one the benchmark bundled); it is evaluated once per page load.
 */
import type { Page } from 'playwright-core';
import { TEST_PASSPHRASE } from './lockScreen';

type SealedStore = NonNullable<Window['__sealedStore']>;
type DropFirst<T extends unknown[]> = T extends [unknown, ...infer R] ? R : [];
export type SealedCall = 'put' | 'patch' | 'dump' | 'rawText';

export function sealedStoreDriver(
  script: () => string | Promise<string>,
  passphrase = TEST_PASSPHRASE,
) {
  /** Makes the page script available in the page (once per load). */
  async function ready(page: Page): Promise<void> {
    if (await page.evaluate(() => window.__sealedStore !== undefined)) return;
    await page.evaluate(await script());
  }

  /** The app's database rows as the app reads them. */
  async function rows<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
    await ready(page);
    return page.evaluate(([p, name]) => window.__sealedStore!.rows(p, name) as Promise<T[]>, [
      passphrase,
      store,
    ] as const);
  }

  /** One row by its primary key, as the app reads it; undefined when there is none. */
  async function row<T = Record<string, unknown>>(
    page: Page,
    store: string,
    id: string,
  ): Promise<T | undefined> {
    await ready(page);
    return page.evaluate(
      ([p, name, key]) => window.__sealedStore!.row(p, name, key) as Promise<T | undefined>,
      [passphrase, store, id] as const,
    );
  }

  /** Calls one function of the page's sealed store. */
  async function call<K extends SealedCall>(
    page: Page,
    name: K,
    ...args: DropFirst<Parameters<SealedStore[K]>>
  ): Promise<Awaited<ReturnType<SealedStore[K]>>> {
    await ready(page);
    return page.evaluate(
      ([n, p, rest]) =>
        (window.__sealedStore![n] as (...a: unknown[]) => Promise<never>)(p, ...rest),
      [name, passphrase, args] as const,
    );
  }

  /** Every localStorage value as the app reads it (the journal's notes opened). */
  async function localValues(page: Page): Promise<string[]> {
    await ready(page);
    return page.evaluate((p) => window.__sealedStore!.localValues(p), passphrase);
  }

  return { passphrase, ready, rows, row, call, localValues };
}
