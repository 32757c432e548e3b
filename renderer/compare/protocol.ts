/** Messages between the page and the 数据比对 worker (compare.worker.ts). */
import type { Encoding } from '../../shared/compare/csv';
import type { Match, RuleToRun } from '../../shared/domain/compare/match';
import type { ColumnMapping, ListRow } from '../../shared/domain/compare/rows';

/** What the mapping step shows of a file: never more than a screenful of its rows. */
export interface ListPreview {
  readonly format: 'xlsx' | 'csv';
  readonly encoding: Encoding | '';
  readonly sheet: string;
  readonly sheets: readonly string[];
  readonly columns: readonly string[];
  readonly headerRow: number;
  readonly sample: readonly (readonly string[])[];
  /** Rows under the header. */
  readonly total: number;
  readonly mapping: ColumnMapping;
  readonly notice: string;
}

export interface FileOrder {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly encoding?: Encoding | undefined;
  readonly sheet?: string | undefined;
}

/** A list as the worker reads it: its rows' files, parsed there. */
export interface ListParts {
  readonly listId: string;
  readonly columns: readonly string[];
  readonly parts: readonly Blob[];
}

export type ToCompareWorker =
  | ({ readonly type: 'preview' } & FileOrder)
  | ({ readonly type: 'rows'; readonly mapping: ColumnMapping } & FileOrder)
  | {
      readonly type: 'match';
      readonly rule: RuleToRun;
      readonly sources: readonly ListParts[];
      readonly targets: readonly ListParts[];
    };

export type FromCompareWorker =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'preview'; readonly preview: ListPreview }
  | { readonly type: 'rows'; readonly rows: readonly ListRow[] }
  | { readonly type: 'matches'; readonly matches: readonly Match[] }
  | { readonly type: 'failed'; readonly message: string; readonly refused: boolean };
