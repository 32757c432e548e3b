/**
 * The snapshot figures of `npm run bench -- rest` (issue 16), from test/bench/pages/snapshot.ts:
 *
 *   rest.snapshot.mib_s       a case with `mib` MiB of photos snapshotted   vs age.encrypt.mib_s
 *                             (age alone, streaming the same bytes)         goal ≥ 0.8×
 *   rest.snapshot.peak_mib    the browser's memory (RSS of all its processes) above what it held
 *                             before the snapshot, at its highest            goal: flat
 */
import { readdirSync, readFileSync } from 'node:fs';
import { buildPage, launchBrowser, newProfile, removeProfile, round, serveFolder } from './browser';
import type { Figure } from './browser';

/** Resident memory of this process's descendants (the browser and its helpers), in MiB. */
function descendantsRssMib(): number {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      parents.set(pid, Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      rss.set(pid, Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0));
    } catch {
      // gone meanwhile
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!mine.has(pid) && mine.has(parent)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  mine.delete(process.pid);
  return [...mine].reduce((sum, pid) => sum + (rss.get(pid) ?? 0), 0) / 1024;
}

export async function snapshotFigures(work: string, mib: number): Promise<Figure[]> {
  const profile = newProfile('snapshot');
  try {
    await buildPage('snapshot', work);
    const served = await serveFolder(work);
    const browser = await launchBrowser(profile);
    try {
      const { page } = browser;
      await page.goto(`${served.url}snapshot.html`);
      await page.waitForFunction(() => typeof window.benchSnapshotSeed === 'function');
      console.log(`seeding a case with ${mib} MiB of photos…`);
      await page.evaluate((req) => window.benchSnapshotSeed(req), { mib });
      await new Promise((r) => setTimeout(r, 2_000)); // let the seeding's garbage go
      const before = descendantsRssMib();
      let peak = before;
      const watch = setInterval(() => (peak = Math.max(peak, descendantsRssMib())), 100);
      const taken = await page.evaluate(() => window.benchSnapshotTake());
      clearInterval(watch);
      const age = await page.evaluate(() => window.benchSnapshotAge());
      const rate = (r: { ms: number; mib: number }) => round(r.mib / (r.ms / 1000));
      console.log(
        `snapshot: ${round(taken.mib)} MiB of files in ${Math.round(taken.ms)} ms, ` +
          `${round(taken.bytes / 2 ** 20)} MiB written; browser memory ${Math.round(before)} → ` +
          `peak ${Math.round(peak)} MiB`,
      );
      return [
        {
          name: 'rest.snapshot.mib_s',
          value: rate(taken),
          baseline: 'age.encrypt.mib_s',
          baselineValue: rate(age),
          // A rate: higher is better, so the ratio is value ÷ baseline (goal ≥ 0.8).
          ratio: round(rate(taken) / rate(age)),
        },
        { name: 'rest.snapshot.peak_mib', value: Math.round(peak - before) },
      ];
    } finally {
      await browser.close();
      await served.close();
    }
  } finally {
    removeProfile(profile);
  }
}
