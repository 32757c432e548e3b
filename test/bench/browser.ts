/**
 * What the browser benchmarks share: the built renderer served on 127.0.0.1 by vite's preview
 * server (as in the e2e tests), Debian's Chromium driven by playwright-core on a profile folder
 * that outlives the browser (as a laptop's does), a way to kill that browser as a crash or a
 * flat battery would, and the figures' printing.
 *
 * Run with the project folder as the working directory (test/bench/run.mjs does that).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type Plugin } from 'vite';
import { CHROMIUM, CHROMIUM_ARGS } from '../support/chromium';
import { sealedStoreDriver } from '../support/sealedStoreDriver';
import { bundleSealedStore } from '../support/sealedStoreScript';

/**
 * Builds the renderer into dist/renderer, unless BENCH_REUSE_BUILD=1 and a build is there
 * (then it measures whatever that build is: rebuild after changing the app).
 */
export function buildRenderer(): void {
  if (process.env.BENCH_REUSE_BUILD === '1' && existsSync('dist/renderer/index.html')) {
    console.log('BENCH_REUSE_BUILD=1: measuring the existing dist/renderer');
    return;
  }
  console.log('building the renderer (npm run build:renderer)…');
  const { status } = spawnSync('npm', ['run', '--silent', 'build:renderer'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (status !== 0) throw new Error(`npm run build:renderer failed (exit ${status})`);
}

export interface Server {
  /** The app's address, ending in a slash: append `#/case/…` for a route. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves dist/renderer on 127.0.0.1, on a free port, until closed. */
export async function serveRenderer(): Promise<Server> {
  const server = await preview({
    configFile: 'build/vite.config.ts',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  return { url, close: () => server.close() };
}

/** The benchmarks' own pages (baselines, seeding). */
const PAGES = path.resolve('test/bench/pages');

/** Builds test/bench/pages/NAME.html into `outDir`, for Chromium 130 as the app is. */
export async function buildPage(
  name: string,
  outDir: string,
  plugins: Plugin[] = [],
): Promise<void> {
  await build({
    configFile: false,
    root: PAGES,
    base: './',
    logLevel: 'warn',
    plugins,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'chrome130',
      minify: process.env.BENCH_MINIFY !== '0', // =0: names readable in a CPU profile
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: path.join(PAGES, `${name}.html`) },
    },
  });
}

export interface Served {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves a folder on 127.0.0.1 with vite's preview server, as the app is served. */
export async function serveFolder(outDir: string): Promise<Served> {
  const server = await preview({
    configFile: false,
    root: PAGES,
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');
  return { url, close: () => server.close() };
}

/** A new, empty profile folder in the system's temporary folder. */
export function newProfile(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `workbench-${name}-`));
}

export function removeProfile(profile: string): void {
  rmSync(profile, { recursive: true, force: true });
}

export interface BenchBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly problems: string[];
  /** Native alert/confirm/prompt texts seen so far; each was dismissed, as Playwright does. */
  readonly dialogs: string[];
  /** Closes the browser as a user would; the profile folder stays. */
  close(): Promise<void>;
  /**
   * SIGKILLs every process of this browser at once, as a crash or a power cut ends it: nothing
   * gets to flush or say goodbye. Resolves once they are all gone, with how many there were and
   * when (performance.now()) the signals went out.
   */
  kill(): Promise<{ processes: number; at: number }>;
}

/** Debian's Chromium on `profile`, which persists (IndexedDB, localStorage) across launches. */
export async function launchBrowser(profile: string): Promise<BenchBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`,
    );
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS],
    headless: true,
    viewport: { width: 1360, height: 860 },
    locale: 'zh-CN',
  });
  let closed = false;
  const gone = new Promise<void>((resolve) =>
    context.on('close', () => {
      closed = true;
      resolve();
    }),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => undefined); // the browser may be gone already
  });
  return {
    context,
    page,
    problems,
    dialogs,
    close: () => context.close(),
    kill: async () => {
      const pids = browserProcesses(profile);
      if (pids.length === 0) throw new Error(`no Chromium process found for ${profile}`);
      for (const pid of pids) signal(pid);
      const at = performance.now();
      await until(() => browserProcesses(profile).length === 0, 10_000, 'Chromium to die');
      if (!closed) await Promise.race([gone, sleep(5_000)]);
      return { processes: pids.length, at };
    },
  };
}

/**
 * The processes of the browser on `profile`: the browser process (our child, with the profile
 * on its command line), everything it started (renderers, GPU, network and storage services,
 * the zygotes) and anything else naming the profile (the crash reporter). Zombies excepted.
 */
function browserProcesses(profile: string): number[] {
  const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map(([, pid, ppid, stat, args]) => ({
      pid: Number(pid),
      ppid: Number(ppid),
      zombie: stat!.startsWith('Z'),
      args: args!,
    }))
    .filter((p) => p.pid !== process.pid);
  const found = new Set(
    table.filter((p) => p.args.includes(`--user-data-dir=${profile}`)).map((p) => p.pid),
  );
  for (let grew = true; grew;) {
    grew = false;
    for (const p of table) {
      if (found.has(p.ppid) && !found.has(p.pid)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  return table.filter((p) => found.has(p.pid) && !p.zombie).map((p) => p.pid);
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, ms)));

async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

let sealedStoreScript: Promise<string> | undefined;

/**
 * The app's stored data as the app reads it: rows are sealed at rest (issue 16), so they are
 * read through the page (test/support/page/sealedStore.ts, bundled once for the run), opened
 * with the passphrase the benchmarks set at the lock screen.
 */
export const appData = sealedStoreDriver(() => (sealedStoreScript ??= bundleSealedStore()));

/** The text of every turn of one stored interview, as stored (opened through the page). */
export async function storedTurns(page: Page, id: string): Promise<string[] | null> {
  const row = await appData.row<{ turns?: { text: string }[] }>(page, 'interviews', id);
  return row?.turns ? row.turns.map((t) => t.text) : null;
}

/** The length of every turn of every stored interview (opened through the page). */
export async function storedTurnLengths(page: Page): Promise<number[][]> {
  const rows = await appData.rows<{ turns: { text: string }[] }>(page, 'interviews');
  return rows.map((r) => r.turns.map((t) => t.text.length));
}

export interface Figure {
  name: string;
  value: number;
  baseline?: string;
  baselineValue?: number;
  /** baselineValue ÷ value, as DESIGN §7: above 1 means better than the baseline. */
  ratio?: number;
}

/** Rounds to three significant digits: enough for noisy machines, short to read. */
export function round(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(3));
}

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

/** A figure against a baseline, with DESIGN §7's ratio (a zero counts as a microsecond). */
export function against(name: string, value: number, baseline: string, baselineValue: number) {
  return {
    name,
    value,
    baseline,
    baselineValue,
    ratio: round(baselineValue / Math.max(value, 0.001)),
  } satisfies Figure;
}

/** The figures as a table for people, then the machine-readable lines. */
export function printFigures(figures: readonly Figure[]): void {
  console.table(
    figures.map((f) => ({
      figure: f.name,
      value: f.value,
      baseline: f.baseline ?? '',
      'baseline value': f.baselineValue ?? '',
      'ratio (baseline ÷ value)': f.ratio ?? '',
    })),
  );
  printBench(figures);
}

/** The machine-readable lines, last in a benchmark's output. */
export function printBench(figures: readonly Figure[]): void {
  for (const f of figures) console.log(`BENCH ${JSON.stringify(f)}`);
}
