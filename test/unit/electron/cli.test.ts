// The `workbench` command line, built and run as `npm run cli -- …` runs it (the first command
// goes through the build script, the others run its output), on packages sealed with real age
// encryption.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { newLaptopKey } from '../../../shared/package/keys';
import { sealPackage } from '../../../shared/package/seal';
import { zh } from '../../../shared/i18n/zh-CN';
import { memberPackageHeader } from '../../support/packages';
import { buildDocument } from '../../../shared/documents';
import { documentCase } from '../../../shared/documents/assemble';
import type { Stored } from '../../../shared/domain/record';
import type { RecordTable } from '../../../shared/domain/tables';

const dir = mkdtempSync(path.join(tmpdir(), 'workbench-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BUILT = 'dist/cli/workbench.mjs';

function cli(args: string[], env: Record<string, string> = {}, entry = BUILT) {
  const run = spawnSync(process.execPath, [entry, ...args], {
    encoding: 'utf8',
    env: { ...process.env, WORKBENCH_KEY: '', WORKBENCH_PASSPHRASE: '', ...env },
    input: '', // no terminal: nothing is asked
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** What a failure must look like: one line, no stack trace. */
function oneLine(err: string) {
  expect(err.trim().split('\n')).toHaveLength(1);
  expect(err).not.toMatch(/\n\s+at |Error:/);
}

const keyFile = path.join(dir, 'key.txt');
let recipient = '';
let good = '';

beforeAll(async () => {
  const made = cli(['keygen', '--out', keyFile], {}, 'build/cli.mjs');
  expect(made.code).toBe(0);
  recipient = /age1[02-9ac-hj-np-z]{58}/.exec(made.out)![0];
  const file = await sealPackage(
    memberPackageHeader(),
    new Map([['tables/interviews.json', { bytes: strToU8('[{"id":"i1"}]'), store: false }]]),
    { recipients: [recipient] },
  );
  good = path.join(dir, 'good.xcase');
  writeFileSync(good, file);
}, 60_000);

describe('workbench', { timeout: 30_000 }, () => {
  it('keygen writes a private key file only its owner can read, and prints the key and fingerprint', () => {
    expect(readFileSync(keyFile, 'utf8')).toMatch(
      /^# created: .*\n# public key: age1.*\nAGE-SECRET-KEY-1[0-9A-Z]{58}\n$/,
    );
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    const again = cli(['keygen', '--out', keyFile]);
    expect(again.code).toBe(2); // never overwrites a key
    oneLine(again.err);
  });

  it('verify and inspect a good package with the key from a file or the environment', () => {
    const verified = cli(['verify', good, '--key', keyFile]);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.out).toContain('通过');
    const identity = readFileSync(keyFile, 'utf8').trim().split('\n').at(-1)!;
    const inspected = cli(['inspect', good], { WORKBENCH_KEY: identity });
    expect(inspected.code).toBe(0);
    expect(inspected.out).toContain('交组长的数据包');
    expect(inspected.out).toContain('interviews: 1');
  });

  it('exits 1 with one line when a byte of the package was changed', () => {
    const bytes = readFileSync(good);
    bytes[bytes.length - 3]! ^= 1;
    const bad = path.join(dir, 'bad.xcase');
    writeFileSync(bad, bytes);
    const run = cli(['verify', bad, '--key', keyFile]);
    expect(run.code).toBe(1);
    expect(run.err.trim()).toBe(zh.package.problems.damaged);
    oneLine(run.err);
  });

  it('exits 2 with one line on bad input: unknown command, no file, no key, wrong key, not a package', async () => {
    const stranger = path.join(dir, 'stranger.txt');
    writeFileSync(stranger, `${(await newLaptopKey()).identity}\n`);
    const jpeg = path.join(dir, 'photo.xcase');
    writeFileSync(jpeg, Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10));
    const runs = [
      cli(['frobnicate']),
      cli(['verify', path.join(dir, 'missing.xcase'), '--key', keyFile]),
      cli(['verify', good]), // no key, no passphrase, no terminal to ask
      cli(['verify', good, '--key', stranger]),
      cli(['verify', jpeg, '--key', keyFile]),
      cli(['verify', good], { WORKBENCH_KEY: 'AGE-SECRET-KEY-1NOTAKEY' }),
    ];
    for (const run of runs) {
      expect(run.code).toBe(2);
      oneLine(run.err);
    }
    expect(runs[3]!.err.trim()).toBe(zh.package.problems.notForThisLaptop);
    expect(runs[4]!.err.trim()).toBe(zh.package.problems.notPackage);
  });

  it('demo writes one package per member; verify, unpack and merge read them as the app would', () => {
    const out = path.join(dir, 'demo');
    const made = cli(['demo', '--out', out, '--to', recipient]);
    expect(made.code).toBe(0);
    const packages = readdirSync(out).filter((f) => f.endsWith('.xcase'));
    expect(packages.length).toBeGreaterThanOrEqual(5);
    const leaderKey = path.join(out, 'keys', '周立新.key');
    for (const file of packages) {
      expect(cli(['verify', path.join(out, file), '--key', leaderKey]).code).toBe(0);
    }
    // The extra recipient (this laptop's key, say) opens them too.
    expect(cli(['verify', path.join(out, packages[0]!), '--key', keyFile]).code).toBe(0);

    const unpacked = path.join(dir, 'unpacked');
    const one = path.join(
      out,
      packages.find((f) => f.includes('赵明'))!,
    );
    expect(cli(['unpack', one, '--out', unpacked, '--key', leaderKey]).code).toBe(0);
    const interviews = JSON.parse(
      readFileSync(path.join(unpacked, 'tables', 'interviews.json'), 'utf8'),
    ) as { createdBy: string }[];
    expect(interviews.length).toBeGreaterThan(0);
    expect(readdirSync(path.join(unpacked, 'tables'))).toContain('members.json');
    // Unpacking again into the same folder overwrites nothing.
    const again = cli(['unpack', one, '--out', unpacked, '--key', leaderKey]);
    expect(again.code).toBe(2);
    oneLine(again.err);

    const merged = path.join(dir, 'merged.xcase');
    const all = packages.map((f) => path.join(out, f));
    const result = cli(['merge', ...all, '--out', merged, '--key', leaderKey]);
    expect(result.code).toBe(0);
    expect(cli(['inspect', merged, '--key', leaderKey]).out).toMatch(/interviews: 30/);
    // Packages of two different cases are not merged.
    const mixed = cli([
      'merge',
      all[0]!,
      good,
      '--out',
      path.join(dir, 'x.xcase'),
      '--key',
      keyFile,
    ]);
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('不属于同一个巡察任务');
    oneLine(mixed.err);
  }, 120_000);

  it('report makes from a package the bytes the app makes, and the clue report only for the 组长', async () => {
    const out = path.join(dir, 'report-demo');
    expect(cli(['demo', '--out', out]).code).toBe(0);
    const packages = readdirSync(out)
      .filter((f) => f.endsWith('.xcase'))
      .map((f) => path.join(out, f));
    const leaderKey = path.join(out, 'keys', '周立新.key');
    const merged = path.join(out, 'all.xcase');
    expect(cli(['merge', ...packages, '--out', merged, '--key', leaderKey]).code).toBe(0);

    const docx = path.join(out, 'report.docx');
    const made = cli([
      'report',
      merged,
      '--kind',
      'report',
      '--out',
      docx,
      '--key',
      leaderKey,
      '--date',
      '2026-12-07',
    ]);
    expect(made.code).toBe(0);
    // The app builds from the rows it stores: the same rows, unpacked, give the same bytes.
    const unpacked = path.join(out, 'unpacked');
    expect(cli(['unpack', merged, '--out', unpacked, '--key', leaderKey]).code).toBe(0);
    const rows = readdirSync(path.join(unpacked, 'tables')).flatMap((file) =>
      (
        JSON.parse(readFileSync(path.join(unpacked, 'tables', file), 'utf8')) as Stored<object>[]
      ).map((row) => ({ table: file.replace(/\.json$/, '') as RecordTable, row })),
    );
    const leader = rows.find(
      (r) => r.table === 'members' && (r.row as { role?: string }).role === 'leader',
    )!;
    const app = await buildDocument(documentCase({ rows }, leader.row.id, '2026-12-07'), {
      kind: 'report',
    });
    expect(Buffer.from(readFileSync(docx)).equals(Buffer.from(app.bytes))).toBe(true);

    expect(
      cli([
        'report',
        merged,
        '--kind',
        'clues',
        '--out',
        path.join(out, 'clues.docx'),
        '--key',
        leaderKey,
      ]).code,
    ).toBe(0);
    // A member's own key opens their package, but the clue report is the 组长's alone: no file.
    const member = packages.find((f) => f.includes('刘晓燕'))!;
    const refused = cli([
      'report',
      member,
      '--kind',
      'clues',
      '--out',
      path.join(out, 'm.docx'),
      '--key',
      path.join(out, 'keys', '刘晓燕.key'),
    ]);
    expect(refused.code).toBe(2);
    expect(refused.err.trim()).toBe(zh.report.cluesLeaderOnly);
    expect(readdirSync(out)).not.toContain('m.docx');
    const bad = cli([
      'report',
      merged,
      '--kind',
      'minutes',
      '--out',
      path.join(out, 'b.docx'),
      '--key',
      leaderKey,
    ]);
    expect(bad.code).toBe(2);
    oneLine(bad.err);
    const again = cli(['report', merged, '--kind', 'report', '--out', docx, '--key', leaderKey]);
    expect(again.code).toBe(2); // never overwrites
    oneLine(again.err);
  }, 120_000);
});
