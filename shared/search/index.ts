/**
 * Chinese full-text search, pure and synchronous: the renderer runs it in a Web Worker.
 * Exact by design (every document containing the query, and no other); see SearchIndex.
 */
export { SearchIndex, type BulkLoader } from './search-index';
export { normalize, queryTerms } from './normalize';
export { firstMatch } from './first-match';
export type {
  Highlight,
  SearchDoc,
  SearchHit,
  SearchOptions,
  SearchResult,
  Snippet,
} from './types';
