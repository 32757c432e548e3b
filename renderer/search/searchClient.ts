/**
 * The page's side of search: starts the case's worker, which builds and keeps its index from
 * IndexedDB on its own, and asks it queries. The page does no per-record work for search; it
 * keeps only the worker's last word on how far the index is, for the UI to say so honestly.
 */
import type { SearchResult } from '../../shared/search';
import type { IndexStatus } from './caseIndex';
import type { FromWorker, ToWorker } from './protocol';

export interface SearchAnswer {
  readonly result: SearchResult;
  /** The index as it was when answering: while it was still building, hits may be missing. */
  readonly status: IndexStatus;
}

const STARTING: IndexStatus = { indexed: 0, total: 0, building: true, failed: false };

export class SearchClient {
  private readonly worker = new Worker(new URL('./search.worker.ts', import.meta.url), {
    type: 'module',
  });
  private nextRequest = 1;
  private readonly waiting = new Map<number, (answer: SearchAnswer) => void>();
  private current: IndexStatus = STARTING;
  private readonly listeners = new Set<() => void>();
  private asked: { query: string; limit: number; answer: Promise<SearchAnswer> } | null = null;

  constructor(caseId: string, key?: Uint8Array) {
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.type === 'status') {
        this.current = message.status;
        for (const listener of this.listeners) listener();
        return;
      }
      this.waiting.get(message.requestId)?.({ result: message.result, status: message.status });
      this.waiting.delete(message.requestId);
    };
    this.post({ type: 'open', caseId, key });
  }

  private post(message: ToWorker) {
    this.worker.postMessage(message);
  }

  /** How far the index is (for useSyncExternalStore: the same object until it changes). */
  readonly status = (): IndexStatus => this.current;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Answers from the index as it is: never waits for a build. The same question asked again
   * while its answer is on the way shares that answer (the search box asks at the keystroke,
   * the results ask again once rendered).
   */
  search(query: string, limit: number): Promise<SearchAnswer> {
    if (this.asked?.query === query && this.asked.limit === limit) return this.asked.answer;
    const requestId = this.nextRequest++;
    const answer = new Promise<SearchAnswer>((resolve) => {
      this.waiting.set(requestId, resolve);
      this.post({ type: 'query', requestId, query, limit });
    });
    const asked = { query, limit, answer };
    this.asked = asked;
    // Once answered, a later same question is asked afresh: records may have changed since.
    void answer.then(() => {
      if (this.asked === asked) this.asked = null;
    });
    return answer;
  }

  close(): void {
    this.worker.terminate();
  }
}

let open: { caseId: string; client: SearchClient } | null = null;

/**
 * The client (and worker) of the open case, made on first use, which starts building its
 * index. Opening another case ends the previous one's worker: one index in memory at a time.
 */
export function searchClient(caseId: string, key?: Uint8Array): SearchClient {
  if (open?.caseId !== caseId) {
    open?.client.close();
    open = { caseId, client: new SearchClient(caseId, key) };
  }
  return open.client;
}

/** Ends the open case's worker and its index (decrypted text): called when the app locks. */
export function closeSearch(): void {
  open?.client.close();
  open = null;
}
