import { describe, expect, it } from 'vitest';
import { browserPerTest } from '../support/browser';
import { createCase, openSection } from '../support/workbench';
import { reloadApp } from '../support/unlock';

const session = browserPerTest(async ({ page }) => {
  await createCase(page);
});

const FINGERPRINT = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

describe("this laptop's package key", () => {
  it('shows the key and a fingerprint to read aloud on the team page, the same after a reload', async () => {
    const { page } = session();
    await openSection(page, '巡察组成员');
    const print = page.getByTestId('laptop-fingerprint');
    await expect.poll(() => print.textContent()).toMatch(FINGERPRINT);
    const first = await print.textContent();
    const card = await page.getByTestId('laptop-key').textContent();
    expect(card).toMatch(/age1[02-9ac-hj-np-z]{58}/);
    expect(card).not.toContain('AGE-SECRET-KEY'); // the secret half is never shown

    await reloadApp(page);
    await expect.poll(() => page.getByTestId('laptop-fingerprint').textContent()).toBe(first);
  });
});
