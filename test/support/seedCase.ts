/**
 * A large case written straight into IndexedDB, as an import would leave it: full records and
 * their list rows, all with one `updatedAt`, each with the next number of the change sequence.
 * The text is the search benchmark's corpus (test/bench/corpus.ts): 2,000 interviews as 问/答
 * turns, 1,000 document reviews and 500 site visits, about 5 M characters.
 *
 * Written behind Dexie's back: reload the page afterwards, as the next morning's start would.
 */
import type { Page } from 'playwright-core';
import { RECORD_SPECS, type RecordKind } from '../../shared/domain/records';
import { summarize } from '../../shared/domain/records/summary';
import type { SearchDoc } from '../../shared/search';
import { generateCase } from '../bench/corpus';
import { E2E_PASSPHRASE, withSealedStore } from './unlock';

const AT = '2026-11-23T00:00:00.000Z';

interface SeedRow {
  readonly kind: RecordKind;
  readonly record: Record<string, unknown>;
  readonly summary: Record<string, unknown>;
}

function fieldsOf(doc: SearchDoc): { kind: RecordKind; fields: Record<string, unknown> } {
  if (doc.kind === 'interview') {
    const topics: string[] = [];
    const turns: { id: string; pos: string; speaker: 'q' | 'a'; text: string }[] = [];
    for (const line of doc.text.split('\n')) {
      const speaker = line.startsWith('问：') ? 'q' : line.startsWith('答：') ? 'a' : null;
      const last = turns.at(-1);
      if (speaker) {
        const n = String(turns.length).padStart(5, '0');
        turns.push({ id: `${doc.id}-t${n}`, pos: `a${n}`, speaker, text: line.slice(2) });
      } else if (last) last.text += `\n${line}`;
      else if (topics.length < 50) topics.push(line.slice(0, 200));
    }
    const name = /^与(.+)的谈话记录$/.exec(doc.title)?.[1] ?? '';
    return {
      kind: 'interviews',
      fields: {
        date: '2026-11-20',
        interviewees: [{ name, unit: '', title: '', political: '' }],
        topics,
        turns,
      },
    };
  }
  if (doc.kind === 'docReview') {
    return {
      kind: 'docReviews',
      fields: { title: doc.title.slice(0, 200), date: '2026-11-20', observations: doc.text },
    };
  }
  return {
    kind: 'siteVisits',
    fields: { place: doc.title.slice(0, 200), date: '2026-11-20', observations: doc.text },
  };
}

/** The rows of the corpus's records in case `caseId` (sequence numbers are set when stored). */
export function seedRows(caseId: string, docs: readonly SearchDoc[] = generateCase()): SeedRow[] {
  return docs.map((doc) => {
    const { kind, fields } = fieldsOf(doc);
    const record = {
      ...fields,
      id: `seed-${doc.id}`,
      caseId,
      createdAt: AT,
      createdBy: '',
      updatedAt: AT,
      updatedBy: '',
      rev: 1,
      vv: {},
      clocks: {},
      deleted: false,
      seq: 0,
    };
    const summary = summarize(RECORD_SPECS[kind], record) as unknown as Record<string, unknown>;
    return { kind, record, summary };
  });
}

/**
 * Stores `rows` in the page's IndexedDB, sealed with the case's key as the app's are, each with
 * the next number of the change sequence (the counter in settings moves on with them, so the
 * app's own writes come after).
 */
export async function storeSeedRows(page: Page, rows: readonly SeedRow[]): Promise<void> {
  await withSealedStore(page);
  const CHUNK = 500;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await page.evaluate(([passphrase, chunk]) => window.__sealedStore!.seed(passphrase, chunk), [
      E2E_PASSPHRASE,
      rows.slice(i, i + CHUNK),
    ] as const);
  }
}

/** The case id of the workspace the page shows. */
export function caseIdOf(page: Page): string {
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
}
