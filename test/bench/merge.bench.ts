/**
 * Merging case packages (issue 12): three members' packages applied to the 组长's database of
 * about 10,000 records, through the app's path for foreign rows, against a bare Dexie bulkPut
 * of the same rows into the same schema; both in Debian's Chromium with real IndexedDB.
 *
 *   merge.3x10k.ms   repos.packages.apply × 3   baseline dexie.bulkput.ms   goal ≤ 1.5×
 *
 * Options: --records N (default 10,000), --runs N (default 3; the median is reported).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  against,
  buildPage,
  launchBrowser,
  newProfile,
  percentile,
  printBench,
  removeProfile,
  round,
  serveFolder,
} from './browser';
import type { MergeResult } from './pages/merge';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const RECORDS = option('--records', 10_000);
const RUNS = option('--runs', 3);

async function main() {
  mkdirSync('node_modules/.cache', { recursive: true });
  const work = mkdtempSync(path.resolve('node_modules/.cache/bench-merge-'));
  try {
    console.log('building the merge page…');
    await buildPage('merge', work);
    const served = await serveFolder(work);
    const results: MergeResult[] = [];
    try {
      for (let run = 0; run < RUNS; run++) {
        const profile = newProfile('merge');
        const browser = await launchBrowser(profile);
        try {
          await browser.page.goto(`${served.url}merge.html`);
          await browser.page.waitForFunction(() => typeof window.benchMerge === 'function');
          const r = await browser.page.evaluate(
            (records) => window.benchMerge({ records }),
            RECORDS,
          );
          results.push(r);
          console.log(
            `run ${run + 1}: ${r.records} records, ${r.revisions} revisions: merge ${r.mergeMs.toFixed(0)} ms, bulkPut ${r.bulkPutMs.toFixed(0)} ms (generated in ${r.generateMs.toFixed(0)} ms)`,
          );
        } finally {
          await browser.close();
          removeProfile(profile);
        }
      }
    } finally {
      await served.close();
    }
    const merge = round(
      percentile(
        results.map((r) => r.mergeMs),
        50,
      ),
    );
    const bulk = round(
      percentile(
        results.map((r) => r.bulkPutMs),
        50,
      ),
    );
    console.log('\n| figure | value | baseline | ratio (baseline ÷ value) | goal |');
    console.log('|---|---|---|---|---|');
    console.log(
      `| merge.3x10k.ms | ${merge} | dexie.bulkput.ms ${bulk} | ${round(bulk / merge)} | ≥ 0.67 (≤ 1.5× the time) |`,
    );
    printBench([against('merge.3x10k.ms', merge, 'dexie.bulkput.ms', bulk)]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
