/**
 * Search benchmark (DESIGN §7): the generated large case (3,500 records, ~5 M characters),
 * indexed by shared/search exactly as the app's worker does, against a naive `includes()`
 * scan over every record's normalised title and text, in the same process. Latencies are of
 * the full `search()` call the app makes: matching, counting, ranking and the top 50 hits with
 * their snippets. Exits non-zero if any query's results differ from the scan's.
 */
import { SearchIndex, normalize, queryTerms, type SearchDoc } from '../../shared/search';
import { QUERY_WORDS, generateCase, prng } from './corpus';

const QUERIES_PER_SET = 240;
const ROUNDS = 3;

interface Figure {
  name: string;
  value: number;
  baseline?: string;
  baselineValue?: number;
}

const figures: Figure[] = [];
const rows: [label: string, text: string][] = [];

function heapBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Rounds to three significant digits: enough for noisy machines, short to read. */
function round(value: number): number {
  return value === 0 ? 0 : Number(value.toPrecision(3));
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const result = run();
  return [result, performance.now() - start];
}

/** The baseline: what the app would do without an index. */
class NaiveScan {
  readonly texts: { id: string; text: string }[];
  constructor(docs: SearchDoc[]) {
    this.texts = docs.map((d) => ({
      id: d.id,
      text: `${normalize(d.title)}\n${normalize(d.text)}`,
    }));
  }
  search(query: string): string[] {
    const terms = queryTerms(query);
    if (terms.length === 0) return [];
    return this.texts.filter((d) => terms.every((t) => d.text.includes(t))).map((d) => d.id);
  }
}

function querySet(words: readonly string[], absent: readonly string[], seed: number): string[] {
  const random = prng(seed);
  return Array.from({ length: QUERIES_PER_SET }, () => {
    const from = random() < 0.15 ? absent : words;
    return from[Math.floor(random() * from.length)]!;
  });
}

function multiTermSet(seed: number): string[] {
  const random = prng(seed);
  const words = [...QUERY_WORDS.two, ...QUERY_WORDS.four];
  const one = () => words[Math.floor(random() * words.length)]!;
  return Array.from({ length: QUERIES_PER_SET }, () => `${one()} ${one()}`);
}

const docs = generateCase();
const characters = docs.reduce((sum, d) => sum + d.title.length + d.text.length, 0);
// Reading every string once flattens the generator's concatenations, so that neither build
// pays for it and the memory figure counts the index, not the garbage it leaves.
new NaiveScan(docs);

const [naive, naiveBuildMs] = time(() => new NaiveScan(docs));
const before = heapBytes();
const [index, buildMs] = time(() => {
  const built = new SearchIndex();
  built.upsertMany(docs);
  return built;
});
const indexBytes = heapBytes() - before;

rows.push(['corpus', `${docs.length} records, ${(characters / 1e6).toFixed(2)} M characters`]);
rows.push([
  'build',
  `index ${buildMs.toFixed(0)} ms, naive (normalise all) ${naiveBuildMs.toFixed(0)} ms`,
]);
rows.push([
  'index memory',
  `${(indexBytes / 2 ** 20).toFixed(1)} MiB retained by the index (the original texts are shared, not copied), ` +
    `${(indexBytes / characters).toFixed(1)} bytes per character`,
]);
figures.push({
  name: 'search.build_ms',
  value: round(buildMs),
  baseline: 'naive.build_ms',
  baselineValue: round(naiveBuildMs),
});
figures.push({ name: 'search.memory_mib', value: round(indexBytes / 2 ** 20) });

// Exactness first, over every query of every set, with every hit returned.
const sets = {
  q1: querySet([...'车保标贴改题金组议据留礼待察程记民宴游'], [...'鲸鹦'], 1),
  q2: querySet(QUERY_WORDS.two, QUERY_WORDS.twoAbsent, 2),
  q4: querySet(QUERY_WORDS.four, QUERY_WORDS.fourAbsent, 4),
  multi: multiTermSet(5),
};
/** Every record the index finds, sorted; -1 in front when `total` disagrees with the hits. */
function ids(searched: SearchIndex, query: string): string[] {
  const { hits, total } = searched.search(query, { limit: Infinity });
  const found = hits.map((h) => h.id).sort();
  return total === found.length ? found : ['-1', ...found];
}

let mismatches = 0;
for (const query of Object.values(sets).flat()) {
  if (ids(index, query).join() !== naive.search(query).sort().join()) {
    mismatches++;
    console.error(`MISMATCH ${query}`);
  }
}

// Latency: each query once per round, after a warm-up round. Index and scan take turns by
// round (alternating which goes first) rather than by query, so that neither runs right
// after the other has swept 10 MB of text through the CPU caches, and both see the same noise.
// Two index figures: the full search the app makes (matching, counting, ranking, 50 hits with
// snippets), and "match" (limit 0: which records match and how many, no hits built), the
// figure comparable with DESIGN §7's index measurements.
function measure(queries: string[], run: (query: string) => unknown): number[] {
  const samples: number[] = [];
  for (const query of queries) samples.push(time(() => run(query))[1]);
  return samples;
}

for (const [set, queries] of Object.entries(sets)) {
  const full: number[] = [];
  const match: number[] = [];
  const scanned: number[] = [];
  const runs = [
    () => full.push(...measure(queries, (q) => index.search(q))),
    () => match.push(...measure(queries, (q) => index.search(q, { limit: 0 }))),
    () => scanned.push(...measure(queries, (q) => naive.search(q))),
  ];
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 === 0 ? runs : [...runs].reverse();
    for (const run of order) run();
    if (round === 0) [full, match, scanned].forEach((samples) => (samples.length = 0));
  }
  for (const p of [50, 95] as const) {
    const baselineValue = round(percentile(scanned, p));
    const baseline = `naive.${set}.p${p}_ms`;
    figures.push({
      name: `search.${set}.p${p}_ms`,
      value: round(percentile(full, p)),
      baseline,
      baselineValue,
    });
    figures.push({
      name: `search.${set}.match_p${p}_ms`,
      value: round(percentile(match, p)),
      baseline,
      baselineValue,
    });
  }
  const matching = queries.reduce((sum, q) => sum + index.search(q, { limit: 0 }).total, 0);
  rows.push([
    `queries ${set}`,
    `${queries.length} × ${ROUNDS}, ${(matching / queries.length).toFixed(0)} matching records on average`,
  ]);
}

// Editing: interviews saved again with one more answer (their postings cut out, the new text
// added), then every query checked again against a scan of the edited case.
{
  const random = prng(7);
  const current = new Map(docs.map((d) => [d.id, d]));
  const samples: number[] = [];
  for (let i = 0; i < 200; i++) {
    const doc = current.get(`interview-${Math.floor(random() * 2000)}`)!;
    const edited = { ...doc, text: `${doc.text}\n问：还有补充吗？\n答：没有了，第${i}次补充。` };
    current.set(doc.id, edited);
    samples.push(time(() => index.upsert(edited))[1]);
  }
  figures.push({ name: 'search.update.p50_ms', value: round(percentile(samples, 50)) });
  figures.push({ name: 'search.update.p95_ms', value: round(percentile(samples, 95)) });
  const afterEdits = heapBytes() - before;
  figures.push({ name: 'search.memory_after_edits_mib', value: round(afterEdits / 2 ** 20) });
  const edited = new NaiveScan([...current.values()]);
  for (const query of [...new Set(Object.values(sets).flat()), '还有补充吗', '第7次补充']) {
    const expected = edited.search(query).sort().join();
    if (ids(index, query).join() !== expected) {
      mismatches++;
      console.error(`MISMATCH after edits: ${query}`);
    }
  }
}

figures.push({ name: 'search.mismatches_count', value: mismatches });

// The human table, then one machine-readable line per figure.
console.log('\nsearch benchmark');
for (const [label, text] of rows) console.log(`  ${label.padEnd(14)} ${text}`);
console.log(
  `\n  ${'figure'.padEnd(30)} ${'index'.padStart(10)} ${'naive'.padStart(10)} ${'ratio'.padStart(8)}`,
);
for (const f of figures) {
  const ratio = f.baselineValue === undefined ? '' : `${ratioOf(f)}×`;
  console.log(
    `  ${f.name.padEnd(30)} ${String(f.value).padStart(10)} ${String(f.baselineValue ?? '').padStart(10)} ${ratio.padStart(8)}`,
  );
}
const p95 = figures.filter((f) => /\.p95_ms$/.test(f.name) && f.baselineValue !== undefined);
const worst = p95.reduce((a, b) => (b.value > a.value ? b : a));
const slowest = p95.reduce((a, b) => (ratioOf(b) < ratioOf(a) ? b : a));
console.log(
  `\n  targets (p95 under 50 ms, 20× the scan): worst p95 ${worst.value} ms (${worst.name}), ` +
    `smallest p95 ratio ${ratioOf(slowest)}× (${slowest.name})`,
);
console.log(
  mismatches === 0
    ? '  exact: every query returned the same records as the naive scan, before and after edits\n'
    : `  NOT EXACT: ${mismatches} queries differ from the naive scan\n`,
);
for (const f of figures) {
  const line =
    f.baselineValue === undefined ? { name: f.name, value: f.value } : { ...f, ratio: ratioOf(f) };
  console.log(`BENCH ${JSON.stringify(line)}`);
}
if (mismatches > 0) process.exitCode = 1;

function ratioOf(f: Figure): number {
  // (A zero would be below the timer's resolution: count it as one microsecond.)
  return round(f.baselineValue! / Math.max(f.value, 0.001));
}
