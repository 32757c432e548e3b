/** Messages between the page and the document worker (document.worker.ts). */
import type { DocumentKind } from '../../shared/documents';
import type { ImportReading } from '../../shared/documents/ledger/import';

/** What to build; records are named by id and read by the worker itself. */
export type DocumentOrder =
  | { readonly kind: Exclude<DocumentKind, 'interview' | 'draft'> }
  | { readonly kind: 'interview'; readonly interviewId: string }
  | { readonly kind: 'draft'; readonly findingId?: string };

export type ToDocumentWorker = BuildOrder | ReadTasksOrder;

export interface BuildOrder {
  readonly type: 'build';
  readonly caseId: string;
  /** The case's key, for an encrypted database (the worker reads this case only). */
  readonly key?: Uint8Array;
  /** The member exporting: the worker reads their role from the case itself. */
  readonly viewerId: string;
  /** The document's date (成文日期), the laptop's today. */
  readonly today: string;
  readonly order: DocumentOrder;
}

/** A unit's 任务清单 workbook, to read against the case's ledger (nothing is written). */
export interface ReadTasksOrder {
  readonly type: 'readTasks';
  readonly caseId: string;
  readonly key?: Uint8Array;
  readonly bytes: Uint8Array;
}

export type DocumentPhase = 'read' | 'build';

export type FromDocumentWorker =
  | { readonly type: 'progress'; readonly phase: DocumentPhase }
  | {
      readonly type: 'done';
      readonly name: string;
      readonly mime: string;
      readonly bytes: Uint8Array;
    }
  | { readonly type: 'read'; readonly reading: ImportReading }
  /** `refused`: the rules said no (a member asking for the clue report, a file that is not a
   * workbook), not a fault. */
  | { readonly type: 'failed'; readonly message: string; readonly refused: boolean };
