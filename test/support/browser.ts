// Debian's Chromium, driven by playwright-core: one browser per e2e test.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, inject } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { enterApp } from './unlock';

export { CHROMIUM };

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far (CSP violations land here too). */
  problems: string[];
  /** The profile folder: what a thief who copied the disk would read (protection.test.ts). */
  profile: string;
  close: () => Promise<void>;
}

/** A browser with its own profile folder, so IndexedDB persists across reloads as on a laptop. */
export async function openBrowser(): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'workbench-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    headless: true,
    viewport: { width: 1360, height: 860 },
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return {
    context,
    page,
    problems,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh browser for each test of the file, on the app's start page; returns a getter for it.
 * `ready` runs after the page opened (a test file that always starts from a case, say).
 */
export function browserPerTest(ready?: (session: BrowserSession) => Promise<void>) {
  let session: BrowserSession | undefined;
  beforeEach(async () => {
    session = await openBrowser();
    await session.page.goto(inject('baseUrl'));
    await enterApp(session.page);
    await ready?.(session);
  });
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  return () => {
    if (!session) throw new Error('browserPerTest: no browser outside a test');
    return session;
  };
}
