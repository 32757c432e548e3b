/** Messages between the page and the search worker. */
import type { SearchResult } from '../../shared/search';
import type { IndexStatus } from './caseIndex';

export type ToWorker =
  /** Start building the index of this case from IndexedDB (sent once, right after start). */
  /** `key`: the case's key, for an encrypted database (the worker reads this case only). */
  | { readonly type: 'open'; readonly caseId: string; readonly key?: Uint8Array }
  | {
      readonly type: 'query';
      readonly requestId: number;
      readonly query: string;
      readonly limit: number;
    };

export type FromWorker =
  | {
      readonly type: 'result';
      readonly requestId: number;
      readonly result: SearchResult;
      readonly status: IndexStatus;
    }
  /** How far the build is: after each batch, and when it is done. */
  | { readonly type: 'status'; readonly status: IndexStatus };
