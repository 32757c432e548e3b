import { describe, expect, it } from 'vitest';
import { browserPerTest } from '../support/browser';
import { createCase, openSection } from '../support/workbench';
import { reloadApp, sealedStore } from '../support/unlock';

const session = browserPerTest();

describe('a list of 10,000 interviews', () => {
  it('renders only the rows in view and scrolls to the last one', async () => {
    const { page } = session();
    await createCase(page);
    const caseId = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);

    // Seed into IndexedDB behind the app (sealed, as every row is): 10,000 summaries, one day
    // apart going back from 2026-11-23.
    const day = 24 * 3600 * 1000;
    const seeded = Array.from({ length: 10_000 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 10, 23) - i * day).toISOString().slice(0, 10);
      return {
        id: `seed-${String(i).padStart(5, '0')}`,
        caseId,
        kind: 'interviews',
        state: 'live',
        title: `被谈话人${i}`,
        date,
        subKind: 'individual',
        members: [],
        focus: [],
        tags: [],
        missing: 0,
        createdBy: '',
        updatedAt: '2026-11-23T00:00:00.000Z',
        updatedBy: '',
      };
    });
    await sealedStore(page, 'put', 'summaries', seeded);

    // Written behind Dexie's back, so its live-query cache cannot know: start the app afresh,
    // as a member would the next morning.
    await reloadApp(page);
    await openSection(page, '谈话记录');
    await expect.poll(() => page.getByTestId('record-count').textContent()).toBe('共 10000 条');
    const rows = page.locator('.ant-table-row');
    expect(await rows.count()).toBeLessThan(100);
    expect(await rows.first().textContent()).toContain('被谈话人0');

    // It gets there (how fast: npm run bench -- ui-timing).
    const holder = page.locator('.ant-table-tbody-virtual-holder');
    await holder.hover();
    // The virtual list scrolls by wheel, as a user does; like a user, keep turning it until the
    // end shows (the first turn can land while the list is still measuring its rows).
    const lastRow = page.getByText('被谈话人9999', { exact: true });
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 1_000_000);
        return lastRow.isVisible();
      })
      .toBe(true);
    expect(await rows.count()).toBeLessThan(100);
  });
});
