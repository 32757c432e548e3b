/**
 * Following a query as what it reads changes: in this window, in another window or tab of the
 * app (Dexie's live queries hear writes from every window of the same origin), or by a merge.
 * The query is a repository read, so what is followed passes the same read rules as the rest.
 */
import { liveQuery } from 'dexie';

export function watchQuery<T>(query: () => Promise<T>, onChange: (value: T) => void): () => void {
  const subscription = liveQuery(query).subscribe({
    next: onChange,
    error: () => {}, // a closed database: the next write reports it
  });
  return () => subscription.unsubscribe();
}
