/**
 * `workbench demo`: the app's invented demo case (shared/demo) as the sticks of its team: each
 * member's laptop key, and each member's package for the 组长 (the case and team, and what that
 * member wrote, with its history and files), as the app would export them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_SCALES, generateDemoCase } from '../../shared/demo/generate';
import { SCHEMA_VERSION } from '../../shared/domain/schemaVersion';
import { filesNamedBy, packContents, type CaseContents } from '../../shared/package/contents';
import { packageFileName } from '../../shared/package/fileName';
import { fingerprint } from '../../shared/package/fingerprint';
import { newLaptopKey } from '../../shared/package/keys';
import { sealStream } from '../../shared/package/seal';
import { keyFileText } from './keyFile';
import { writeNewFile } from './files';
import { Usage } from './usage';

export async function demoPackages(out: string, scale: number, extra: readonly string[]) {
  if (existsSync(out)) throw new Usage(`${out} 已存在，不会覆盖：请换一个目录`);
  const counts = Object.fromEntries(
    Object.entries(DEMO_SCALES.demo).map(([what, n]) => [what, n * scale]),
  ) as typeof DEMO_SCALES.demo;
  const sha256 = async (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
  // Once for the team, then again with each member's laptop key on their row (the same seed
  // gives the same members), as the app records a laptop's key before its first package.
  const team = (await generateDemoCase({ scale: counts, sha256 })).members;
  const keys = new Map<string, Awaited<ReturnType<typeof newLaptopKey>>>();
  for (const m of team) keys.set(m.id, await newLaptopKey());
  const laptopKeys = Object.fromEntries([...keys].map(([id, key]) => [id, key.recipient]));
  const demo = await generateDemoCase({ scale: counts, sha256, laptopKeys });
  const today = new Date().toISOString().slice(0, 10);
  const caseRow = demo.rows.find((r) => r.table === 'cases')!.row as unknown as {
    unitName: string;
  };
  const leader = demo.members.find((m) => m.role === 'leader')!;
  mkdirSync(path.join(out, 'keys'), { recursive: true });
  const lines: string[] = [];
  for (const m of demo.members) {
    const key = keys.get(m.id)!;
    writeFileSync(path.join(out, 'keys', `${m.name}.key`), keyFileText(key), { mode: 0o600 });
    const team = new Set(
      demo.rows.filter((r) => r.table === 'cases' || r.table === 'members').map((r) => r.row.id),
    );
    const rows = demo.rows.filter((r) => team.has(r.row.id) || r.row.createdBy === m.id);
    const ids = new Set(rows.map((r) => r.row.id));
    const wanted = filesNamedBy(rows);
    const contents: CaseContents = {
      rows,
      revisions: demo.revisions.filter((r) => ids.has(r.recordId)),
      files: demo.blobs
        .filter((b) => wanted.has(b.sha256))
        .map(({ sha256, mime, bytes }) => ({ sha256, mime, blob: new Blob([bytes]) })),
    };
    const { entries, counts: tableCounts } = await packContents(contents);
    const recipients = [keys.get(leader.id)!.recipient, key.recipient, ...extra];
    const { stream: file } = await sealStream(
      {
        schemaVersion: SCHEMA_VERSION,
        kind: 'member',
        caseId: demo.caseId,
        exportedBy: { memberId: m.id, deviceId: m.deviceId },
        forMember: leader.id,
        createdAt: new Date().toISOString(),
        counts: tableCounts,
      },
      entries,
      { recipients: [...new Set(recipients)] },
    );
    const name = packageFileName([caseRow.unitName, m.name], today);
    await writeNewFile(path.join(out, name), file);
    lines.push(`${m.name}（${fingerprint(key.recipient)}）：${name}，${rows.length} 条记录`);
  }
  return [
    `示例任务“${caseRow.unitName}”（虚构）已写入 ${out}：`,
    ...lines,
    `各成员电脑私钥在 ${path.join(out, 'keys')}；组长 ${leader.name} 的私钥可打开全部数据包。`,
  ].join('\n');
}
