/**
 * The case the report benchmark writes up (issue 13): the demo generator at the scale of the
 * large case's findings, every finding but the merged ones confirmed (300), each written at the
 * length some reports run to, so the report is about a million characters and 1,800 pages with
 * thousands of citations among its 底稿. Used in Node (build and pack) and in the seeding page
 * (the export in Chromium), so both measure the same case.
 */
import { generateDemoCase, type DemoCase } from '../../shared/demo';
import type { Stored } from '../../shared/domain/record';

export const REPORT_FINDINGS = 300;

export async function reportCase(options: {
  today: string;
  leaderDeviceId?: string;
  sha256: (bytes: Uint8Array) => Promise<string>;
}): Promise<DemoCase> {
  const demo = await generateDemoCase({
    ...options,
    scale: {
      interviews: 400,
      docReviews: 200,
      siteVisits: 60,
      petitions: 20,
      findings: 330,
      clues: 20,
    },
  });
  let n = 0;
  const rows = demo.rows.map(({ table, row }) => {
    const f = row as Stored<{ status: string; description: string }>;
    if (table !== 'findings' || f.status === 'merged' || n >= REPORT_FINDINGS)
      return { table, row };
    n += 1;
    const description = Array.from({ length: 30 }, () => f.description).join('\n');
    const draftNo = `[2026]4巡-3组-${String(n).padStart(3, '0')}号`;
    return { table, row: { ...f, status: 'confirmed', description, draftNo } as Stored<object> };
  });
  if (n !== REPORT_FINDINGS) throw new Error(`only ${n} findings to confirm`);
  return { ...demo, rows };
}
