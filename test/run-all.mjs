// npm test: every check CI runs, in order — typecheck, lint, unit tests, then the e2e tests in
// Chromium against a fresh build — ending with one line "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const results = 'test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const steps = [
  ['typecheck', ['run', 'typecheck']],
  ['lint', ['run', 'lint']],
  [
    'unit',
    [
      'run',
      'test:unit',
      '--',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}/unit.json`,
    ],
  ],
  [
    'e2e',
    [
      'run',
      'test:e2e',
      '--',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}/e2e.json`,
    ],
  ],
];

const failedSteps = [];
for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const { status } = spawnSync('npm', args, { stdio: 'inherit' });
  if (status !== 0) failedSteps.push(name);
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['unit.json', 'e2e.json']) {
  const path = `${results}/${file}`;
  if (!existsSync(path)) continue;
  const report = JSON.parse(readFileSync(path, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}

if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
// A step that failed before its tests ran (typecheck, lint, a build) counts as a failure too.
const stepFailures = failedSteps.filter((s) => s === 'typecheck' || s === 'lint').length;
console.log(`\n${passed} passed, ${failed + stepFailures} failed, ${skipped} skipped`);
process.exit(failedSteps.length > 0 ? 1 : 0);
