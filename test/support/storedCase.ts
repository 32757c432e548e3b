import { documentCase } from '../../shared/documents/assemble';
import type { DocumentCase } from '../../shared/documents/input';
import { openReadOnlyRecords } from '../../renderer/db/readonly';

/** A case as the app's document worker reads it from the database: what documents are built from. */
export async function storedDocumentCase(
  dbName: string,
  caseId: string,
  viewerId: string,
  today: string,
): Promise<DocumentCase> {
  const records = await openReadOnlyRecords({ name: dbName });
  if (!records) throw new Error('database not readable');
  try {
    return documentCase(await records.caseRows(caseId), viewerId, today);
  } finally {
    records.close();
  }
}
