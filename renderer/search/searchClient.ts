/**
 * The page's side of search: keeps the worker's index in step with IndexedDB and asks it
 * queries. Before each query it asks the repository what changed since the last sync, by this
 * laptop's change sequence (one indexed range read, usually empty), so results always include
 * the words just typed, whatever the laptop's clock did and whenever imported rows were written.
 */
import { ANY_DAY } from '../../shared/domain/dates';
import { RECORD_SPECS } from '../../shared/domain/records';
import type { SearchDoc, SearchResult } from '../../shared/search';
import { repos } from '../db';
import type { FromWorker, ToWorker } from './protocol';

/** Records read and sent to the worker per message while building: keeps each step short. */
const BATCH = 200;

export class SearchClient {
  private readonly worker = new Worker(new URL('./search.worker.ts', import.meta.url), {
    type: 'module',
  });
  private syncedUpTo = 0;
  private syncing: Promise<void> | null = null;
  private nextRequest = 1;
  private readonly waiting = new Map<number, (result: SearchResult) => void>();

  constructor(private readonly caseId: string) {
    this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const { requestId, result } = event.data;
      this.waiting.get(requestId)?.(result);
      this.waiting.delete(requestId);
    };
  }

  private post(message: ToWorker) {
    this.worker.postMessage(message);
  }

  /** Brings the index up to date with what is stored. */
  sync(): Promise<void> {
    this.syncing ??= this.pull().finally(() => (this.syncing = null));
    return this.syncing;
  }

  private async pull(): Promise<void> {
    const changed = await repos.records.changedSince(this.caseId, this.syncedUpTo);
    for (let i = 0; i < changed.length; i += BATCH) {
      const batch = changed.slice(i, i + BATCH);
      const gone = batch.filter((s) => s.state === 'deleted').map((s) => s.id);
      const docs: SearchDoc[] = [];
      const live = batch.filter((s) => s.state === 'live');
      for (const kind of new Set(live.map((s) => s.kind))) {
        const rows = live.filter((s) => s.kind === kind);
        const records = await repos.records.getMany(
          kind,
          rows.map((s) => s.id),
        );
        const spec = RECORD_SPECS[kind];
        rows.forEach((summary, i) => {
          const record = records[i];
          if (!record) return;
          const values = spec.fields(ANY_DAY).parse(record);
          docs.push({ id: summary.id, kind, title: summary.title, text: spec.text(values) });
        });
      }
      if (gone.length > 0) this.post({ type: 'remove', ids: gone });
      if (docs.length > 0) this.post({ type: 'upsert', docs });
    }
    const last = changed.at(-1);
    if (last && last.seq > this.syncedUpTo) this.syncedUpTo = last.seq;
  }

  async search(query: string, limit = 50): Promise<SearchResult> {
    await this.sync();
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.waiting.set(requestId, resolve);
      this.post({ type: 'query', requestId, query, limit });
    });
  }

  close(): void {
    this.worker.terminate();
  }
}

const clients = new Map<string, SearchClient>();

/** One client (and worker) per open case, made on first use. */
export function searchClient(caseId: string): SearchClient {
  let client = clients.get(caseId);
  if (!client) {
    client = new SearchClient(caseId);
    clients.set(caseId, client);
  }
  return client;
}
