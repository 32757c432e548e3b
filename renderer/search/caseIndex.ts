/**
 * One case's search index and how it follows IndexedDB, as the search worker runs it (plain
 * code, so unit tests drive it without a worker).
 *
 * The index is built as soon as the case opens, batch by batch in the order of this laptop's
 * change sequence `seq` (one indexed range read and one bulk read per kind per batch), and it
 * yields between batches, so queries are answered from the index as it is while the build goes
 * on; each answer says whether the index was complete. Once built, a query first reads what
 * changed since the last sync (one range read, usually empty), so the words just typed into a
 * record are found, whatever the laptop's clock did and however many rows share an updatedAt.
 */
import { ANY_DAY } from '../../shared/domain/dates';
import { RECORD_SPECS, isRecordKind, type RecordKind } from '../../shared/domain/records';
import type { RecordSummary } from '../../shared/domain/records/summary';
import { SearchIndex, type SearchDoc, type SearchResult } from '../../shared/search';

/** What the index reads: the read-only repository (renderer/db/readonly.ts) in the worker. */
export interface RecordSource {
  changedSince(caseId: string, seq: number, limit?: number): Promise<RecordSummary[]>;
  getMany(kind: RecordKind, ids: readonly string[]): Promise<(object | undefined)[]>;
  counts(caseId: string): Promise<Record<RecordKind, number>>;
}

export interface IndexStatus {
  /** Records in the index. */
  readonly indexed: number;
  /** Live records of the case when the build started (what "N / M" counts towards). */
  readonly total: number;
  /** True until the first build has read everything: answers may then miss records. */
  readonly building: boolean;
  /** The database could not be read (closed for a newer version, say): answers may be stale. */
  readonly failed: boolean;
}

export interface Answer {
  readonly result: SearchResult;
  readonly status: IndexStatus;
}

/** Rows read per batch: each batch is read, checked and counted in about 10–20 ms. */
const BATCH = 100;
/** Documents placed per step once all are read: a few milliseconds each. */
const PLACE = 25;

/** Lets queued messages (queries) run between batches. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class CaseIndex {
  private readonly index = new SearchIndex();
  private syncedUpTo = 0;
  private total = 0;
  private failed = false;
  /** A load in progress (the first build, or a large import arrived): answers may miss rows. */
  private loading: Promise<void> | null = null;
  private pulling: Promise<boolean> | null = null;

  constructor(
    private readonly source: RecordSource,
    private readonly caseId: string,
    private readonly onStatus: (status: IndexStatus) => void = () => {},
  ) {}

  status(): IndexStatus {
    const indexed = this.index.size;
    return {
      indexed,
      total: Math.max(this.total, indexed),
      building: this.loading !== null,
      failed: this.failed,
    };
  }

  /** Builds the index; resolves when it holds everything stored so far. */
  build(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = null;
      this.onStatus(this.status());
    });
    return this.loading;
  }

  /**
   * Answers `query`. While a load runs, from the index as it is (the status says so);
   * otherwise after reading what changed since the last sync, unless that is a large import,
   * which is then loaded in the background like the first build.
   */
  async search(query: string, limit: number): Promise<Answer> {
    if (!this.loading) {
      try {
        if (await this.catchUp()) void this.build();
      } catch {
        this.failed = true; // answer from what is indexed; the status says it may be stale
      }
    }
    return { result: this.index.search(query, { limit }), status: this.status() };
  }

  /**
   * Reads every row changed since the last sync, batch by batch, yielding between batches;
   * checks and counts them (a bulk load: see SearchIndex.loader), then places them in steps.
   */
  private async load(): Promise<void> {
    try {
      const counts = await this.source.counts(this.caseId);
      this.total = Object.values(counts).reduce((a, b) => a + b, 0);
      this.onStatus(this.status());
      const loader = this.index.loader();
      for (;;) {
        const rows = await this.source.changedSince(this.caseId, this.syncedUpTo, BATCH);
        if (rows.length === 0) break;
        const { docs, gone } = await this.read(rows);
        for (const id of gone) {
          loader.drop(id);
          this.index.remove(id);
        }
        loader.add(docs);
        this.syncedUpTo = rows.at(-1)!.seq;
        await breathe();
      }
      while (loader.place(PLACE)) {
        this.onStatus(this.status());
        await breathe();
      }
    } catch {
      this.failed = true;
    }
  }

  /**
   * Indexes what changed since the last sync when it is a few rows (one range read, usually
   * empty); returns true, indexing nothing, when there are more than a batch of them.
   */
  private catchUp(): Promise<boolean> {
    this.pulling ??= (async () => {
      const rows = await this.source.changedSince(this.caseId, this.syncedUpTo, BATCH);
      if (rows.length === BATCH) return true;
      if (rows.length === 0) return false;
      const { docs, gone } = await this.read(rows);
      for (const id of gone) this.index.remove(id);
      if (docs.length > 0) this.index.upsertMany(docs);
      this.syncedUpTo = Math.max(this.syncedUpTo, rows.at(-1)!.seq);
      return false;
    })().finally(() => (this.pulling = null));
    return this.pulling;
  }

  /** The documents of changed list rows (bulk reads per kind), and the ids to drop. */
  private async read(rows: readonly RecordSummary[]) {
    const gone = rows.filter((s) => s.state !== 'live').map((s) => s.id);
    const live = rows.filter((s) => s.state === 'live' && isRecordKind(s.kind));
    const docs: SearchDoc[] = [];
    for (const kind of new Set(live.map((s) => s.kind))) {
      const ofKind = live.filter((s) => s.kind === kind);
      const records = await this.source.getMany(
        kind,
        ofKind.map((s) => s.id),
      );
      const spec = RECORD_SPECS[kind];
      const fields = schemaOf(kind);
      ofKind.forEach((summary, i) => {
        const parsed = fields.safeParse(records[i]);
        // A record this version cannot read is left out rather than stop the whole index.
        if (!parsed.success) {
          gone.push(summary.id);
          return;
        }
        docs.push({ id: summary.id, kind, title: summary.title, text: spec.text(parsed.data) });
      });
    }
    return { docs, gone };
  }
}

/** Each kind's schema, made once: building a zod schema costs more than parsing a record. */
const schemas = new Map<RecordKind, ReturnType<(typeof RECORD_SPECS)[RecordKind]['fields']>>();
function schemaOf(kind: RecordKind) {
  let schema = schemas.get(kind);
  if (!schema) {
    schema = RECORD_SPECS[kind].fields(ANY_DAY);
    schemas.set(kind, schema);
  }
  return schema;
}
