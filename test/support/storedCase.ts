import { documentCase } from '../../shared/documents/assemble';
import type { DocumentCase } from '../../shared/documents/input';
import { openReadOnlyRecords, type ReadOnlyOptions } from '../../renderer/db/readonly';
import type { WorkbenchDB } from '../../renderer/db/database';

/** How a worker opens one case of `db`: by name, with the case's key when it is sealed. */
export function readerOf(db: WorkbenchDB, caseId: string): ReadOnlyOptions {
  const key = db.keys?.forCase(caseId);
  return { name: db.name, reader: key && { caseId, key } };
}

/** A case as the app's document worker reads it from the database: what documents are built from. */
export async function storedDocumentCase(
  db: WorkbenchDB,
  caseId: string,
  viewerId: string,
  today: string,
): Promise<DocumentCase> {
  const records = await openReadOnlyRecords(readerOf(db, caseId));
  if (!records) throw new Error('database not readable');
  try {
    return documentCase(await records.caseRows(caseId), viewerId, today);
  } finally {
    records.close();
  }
}
