/** The app's repositories over its one database. UI code imports from here, never Dexie. */
import { WorkbenchDB } from './database';
import { repositories, type Repositories } from './repositories';

export const repos: Repositories = repositories(new WorkbenchDB());
export type { Repositories };
export { NewerDataError } from './repositories';
export type { Actor } from './write';
export type { FieldRecord, PatchResult } from './records.repository';
export type { Attachment } from './database';
export { journal } from './journal';
