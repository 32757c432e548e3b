/** The app's repositories over its one database. UI code imports from here, never Dexie. */
import { WorkbenchDB } from './database';
import type { Keys } from './atRest';
import { repositories, type Repositories, type RepositoryOptions } from './repositories';

/**
 * The repositories over the app's database, made when the data is opened (see main.tsx) and
 * handed to the UI through React context (renderer/app/session.tsx).
 */
export function openRepositories(
  keys: Keys,
  options: Pick<RepositoryOptions, 'onNewerVersionElsewhere'> = {},
): Repositories {
  return repositories(new WorkbenchDB(undefined, {}, keys), options);
}

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
export type { ClearanceCertificate, ClearanceState } from './clearance.repository';
