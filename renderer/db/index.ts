/** The app's repositories over its one database. UI code imports from here, never Dexie. */
import { WorkbenchDB } from './database';
import { repositories, type Repositories } from './repositories';

/** Called when another window opens the database with a newer version of the app. */
let onNewerVersionElsewhere: () => void = () => {};
export function whenNewerVersionElsewhere(listener: () => void): void {
  onNewerVersionElsewhere = listener;
}

const db = new WorkbenchDB();
export const repos: Repositories = repositories(db, {
  onNewerVersionElsewhere: () => onNewerVersionElsewhere(),
});

export { watchQuery } from './watch';

export type { Repositories };
export { NewerDataError } from './repositories';
export type { Actor } from './write';
export type { FieldRecord, PatchResult } from './records.repository';
export type { Attachment } from './database';
export type { DemoStage } from './demo.repository';
export type { PackageKind, Incoming } from './packages.repository';
export type { TableCounts } from './write';
export type { ConflictSide, ConflictView } from './conflicts.repository';
export type { NewList } from './compare.repository';
