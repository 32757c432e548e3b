/** The app's repositories over its one database. UI code imports from here, never Dexie. */
import { WorkbenchDB } from './database';
import { repositories, type Repositories } from './repositories';
import { watchRow } from './watch';
import type { RecordTable } from '../../shared/domain/tables';

/** Called when another window opens the database with a newer version of the app. */
let onNewerVersionElsewhere: () => void = () => {};
export function whenNewerVersionElsewhere(listener: () => void): void {
  onNewerVersionElsewhere = listener;
}

const db = new WorkbenchDB();
export const repos: Repositories = repositories(db, {
  onNewerVersionElsewhere: () => onNewerVersionElsewhere(),
});

/** Calls `onChange` with the row now and after every change to it, until unsubscribed. */
export function watch<T>(table: RecordTable, id: string, onChange: (row: T | undefined) => void) {
  return watchRow(db, table, id, onChange);
}

export type { Repositories };
export { NewerDataError } from './repositories';
export type { Actor } from './write';
export type { FieldRecord, PatchResult } from './records.repository';
export type { Attachment } from './database';
