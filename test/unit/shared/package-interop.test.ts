// Packages stay readable for decades with standard tools: Debian's `age` and `unzip` open what
// the app seals, and the app opens a ZIP made by hand and encrypted with the `age` command.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { newLaptopKey } from '../../../shared/package/keys';
import { PACKAGE_FORMAT } from '../../../shared/package/manifest';
import { openPackage, sealPackage } from '../../../shared/package/seal';
import { SCHEMA_VERSION } from '../../../shared/domain/schemaVersion';
import { memberPackageHeader } from '../../support/packages';

const missing = ['age', 'unzip'].filter((tool) => spawnSync(tool, ['--help']).error);
const reason =
  missing.length > 0 ? `${missing.join(' and ')} not installed (apt-get install age unzip)` : '';
if (reason) console.warn(`package interop: skipped: ${reason}`);

const dir = mkdtempSync(path.join(tmpdir(), 'xcase-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = memberPackageHeader();

describe.skipIf(reason !== '')(
  `a case package and the standard tools${reason ? ` — skipped: ${reason}` : ''}`,
  () => {
    it('opens with `age -d` and `unzip`, giving the manifest, plain JSON and the original file', async () => {
      const key = await newLaptopKey();
      const table = JSON.stringify([{ id: 'i1', text: '经查，局机关存在私车公养问题。' }]);
      const photo = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 0xff);
      const file = await sealPackage(
        header,
        new Map([
          ['tables/interviews.json', { bytes: strToU8(table), store: false }],
          [`blobs/${bytesToHex(sha256(photo))}`, { bytes: photo, store: true }],
        ]),
        { recipients: [key.recipient] },
      );
      writeFileSync(path.join(dir, 'key.txt'), `${key.identity}\n`);
      writeFileSync(path.join(dir, '某县教育局党组_张三_20261129.xcase'), file);
      execFileSync(
        'age',
        ['-d', '-i', 'key.txt', '-o', 'case.zip', '某县教育局党组_张三_20261129.xcase'],
        { cwd: dir },
      );
      execFileSync('unzip', ['-q', '-o', 'case.zip', '-d', 'out'], { cwd: dir });
      const out = (name: string) => readFileSync(path.join(dir, 'out', name));
      expect(JSON.parse(out('manifest.json').toString('utf8'))).toMatchObject({
        format: PACKAGE_FORMAT,
        ...header,
      });
      expect(out('tables/interviews.json').toString('utf8')).toBe(table);
      expect(new Uint8Array(out(`blobs/${bytesToHex(sha256(photo))}`))).toEqual(photo);
    });

    it('opens a ZIP made by hand and encrypted with the `age` command to a laptop’s key', async () => {
      const key = await newLaptopKey();
      const body = strToU8('[]');
      const manifest = {
        format: PACKAGE_FORMAT,
        ...header,
        entries: {
          'tables/interviews.json': { sha256: bytesToHex(sha256(body)), size: body.length },
        },
      };
      writeFileSync(
        path.join(dir, 'hand.zip'),
        zipSync({
          'manifest.json': strToU8(JSON.stringify(manifest)),
          'tables/interviews.json': body,
        }),
      );
      execFileSync('age', ['-r', key.recipient, '-o', 'hand.xcase', 'hand.zip'], { cwd: dir });
      const opened = await openPackage(
        new Uint8Array(readFileSync(path.join(dir, 'hand.xcase'))),
        key,
        SCHEMA_VERSION,
      );
      expect(opened.manifest.caseId).toBe(header.caseId);
      expect([...opened.entries.keys()]).toEqual(['tables/interviews.json']);
    });
  },
);
