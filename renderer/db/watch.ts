/**
 * Following one stored row as it changes: in this window, in another window or tab of the app
 * (Dexie's live queries hear writes from every window of the same origin), or by a merge.
 */
import { liveQuery } from 'dexie';
import type { RecordTable } from '../../shared/domain/tables';
import type { WorkbenchDB } from './database';

export function watchRow<T>(
  db: WorkbenchDB,
  table: RecordTable,
  id: string,
  onChange: (row: T | undefined) => void,
): () => void {
  const subscription = liveQuery(() => db.table(table).get(id) as Promise<T | undefined>).subscribe(
    {
      next: onChange,
      error: () => {}, // a closed database: the next write reports it
    },
  );
  return () => subscription.unsubscribe();
}
