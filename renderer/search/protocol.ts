/** Messages between the page and the search worker. */
import type { SearchDoc, SearchResult } from '../../shared/search';

export type ToWorker =
  | { readonly type: 'upsert'; readonly docs: readonly SearchDoc[] }
  | { readonly type: 'remove'; readonly ids: readonly string[] }
  | {
      readonly type: 'query';
      readonly requestId: number;
      readonly query: string;
      readonly limit: number;
    };

export type FromWorker = {
  readonly type: 'result';
  readonly requestId: number;
  readonly result: SearchResult;
};
