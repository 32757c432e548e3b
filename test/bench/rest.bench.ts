/**
 * Protection at rest (issue 16): what sealing costs, each figure beside the same work without
 * it in the same run, in Debian's Chromium with real IndexedDB (test/bench/pages/rest.ts).
 *
 *   rest.put.ms          an autosave put of a 40-turn interview, median  vs plain.put.ms     goal ≤ 1.3×
 *   rest.list10k.ms      the list of 10,000 summaries, median of 5       vs plain.list10k.ms goal ≤ 1.5×
 *   rest.list10k.cold_ms the first of those reads (nothing opened yet)   vs the plain first read
 *   rest.unlock.ms       PBKDF2 (the product's rounds) + 11 keys, median                     goal 0.5–1.5 s
 *   rest.seal.mib_s      file bytes sealed (64 MiB)                      vs age.encrypt.mib_s (ratio
 *                        value ÷ baseline: a rate)
 *
 * The snapshot figure of the issue (rest.snapshot.mib_s) waits for the snapshots themselves.
 * Options: --puts N (default 200), --summaries N (default 10,000), --mib N (default 64).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  against,
  buildPage,
  launchBrowser,
  newProfile,
  percentile,
  printFigures,
  removeProfile,
  round,
  serveFolder,
  type Figure,
} from './browser';
import type { RestResult } from './pages/rest';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const request = {
  puts: option('--puts', 200),
  summaries: option('--summaries', 10_000),
  mib: option('--mib', 64),
};

async function main() {
  mkdirSync('node_modules/.cache', { recursive: true });
  const work = mkdtempSync(path.resolve('node_modules/.cache/bench-rest-'));
  const profile = newProfile('rest');
  try {
    console.log('building the rest page…');
    await buildPage('rest', work);
    const served = await serveFolder(work);
    const browser = await launchBrowser(profile);
    let r: RestResult;
    try {
      await browser.page.goto(`${served.url}rest.html`);
      await browser.page.waitForFunction(() => typeof window.benchRest === 'function');
      r = await browser.page.evaluate((req) => window.benchRest(req), request);
    } finally {
      await browser.close();
      await served.close();
    }
    const median = (xs: number[]) => round(percentile(xs, 50));
    const figures: Figure[] = [
      against('rest.put.ms', median(r.put.sealed), 'plain.put.ms', median(r.put.plain)),
      // The first read opens every row; later reads (a live query after each save) find the
      // small rows already opened. Both are reported: the median, and the first on its own.
      against('rest.list10k.ms', median(r.list.sealed), 'plain.list10k.ms', median(r.list.plain)),
      against(
        'rest.list10k.cold_ms',
        round(r.list.sealed[0]!),
        'plain.list10k.cold_ms',
        round(r.list.plain[0]!),
      ),
      { name: 'rest.unlock.ms', value: median(r.unlockMs) },
      // A rate: higher is better, so the ratio is value ÷ baseline (above 1: faster than age).
      {
        name: 'rest.seal.mib_s',
        value: round(r.seal.sealMibS),
        baseline: 'age.encrypt.mib_s',
        baselineValue: round(r.seal.ageMibS),
        ratio: round(r.seal.sealMibS / r.seal.ageMibS),
      },
      { name: 'rest.open.mib_s', value: round(r.seal.openMibS) },
    ];
    console.log(
      `\nput p95: sealed ${round(percentile(r.put.sealed, 95))} ms, plain ${round(percentile(r.put.plain, 95))} ms` +
        ` · unlock runs ${r.unlockMs.map((ms) => Math.round(ms)).join(', ')} ms` +
        ` · ${r.seal.mib} MiB of file bytes`,
    );
    // Ratios as DESIGN §7 has them (baseline ÷ value): the goals read as time ratios here.
    console.log(
      'goals: rest.put ≤ 1.3× plain (ratio ≥ 0.77); rest.list10k ≤ 1.5× (ratio ≥ 0.67); unlock 500–1,500 ms\n',
    );
    printFigures(figures);
  } finally {
    removeProfile(profile);
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
