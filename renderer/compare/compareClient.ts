/** The page's side of the 数据比对 worker: one worker per question, ended when it answered. */
import type { Match, RuleToRun } from '../../shared/domain/compare/match';
import type { ColumnMapping, ListRow } from '../../shared/domain/compare/rows';
import type {
  FileOrder,
  FromCompareWorker,
  ListParts,
  ListPreview,
  ToCompareWorker,
} from './protocol';

/** The file was refused (said in one sentence), not a fault. */
export class ListRefusedError extends Error {}

export const previewList = (file: FileOrder) =>
  ask<ListPreview>({ type: 'preview', ...file }, (m) =>
    m.type === 'preview' ? m.preview : undefined,
  );

export const listRowsOf = (file: FileOrder, mapping: ColumnMapping) =>
  ask<readonly ListRow[]>({ type: 'rows', mapping, ...file }, (m) =>
    m.type === 'rows' ? m.rows : undefined,
  );

export const matchInWorker = (
  rule: RuleToRun,
  sources: readonly ListParts[],
  targets: readonly ListParts[],
  onProgress: (done: number, total: number) => void,
) =>
  ask<readonly Match[]>(
    { type: 'match', rule, sources, targets },
    (m) => (m.type === 'matches' ? m.matches : undefined),
    onProgress,
  );

function ask<T>(
  message: ToCompareWorker,
  answer: (m: FromCompareWorker) => T | undefined,
  onProgress?: (done: number, total: number) => void,
): Promise<T> {
  const worker = new Worker(new URL('./compare.worker.ts', import.meta.url), { type: 'module' });
  return new Promise<T>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromCompareWorker>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress?.(m.done, m.total);
      worker.terminate();
      if (m.type === 'failed')
        return reject(m.refused ? new ListRefusedError(m.message) : new Error(m.message));
      const value = answer(m);
      if (value === undefined) reject(new Error(`unexpected answer ${m.type}`));
      else resolve(value);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message));
    };
    worker.postMessage(message);
  });
}
