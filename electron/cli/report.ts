/**
 * `report`: a document of the case a package holds, the same bytes the app exports for the same
 * case on the same date (shared/documents builds both). The viewer is the member whose laptop
 * key opened the package (their public key is on their member row): the clue report comes out
 * only for the 组长's key, never for a passphrase or a key the case does not know.
 */
import {
  buildDocument,
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentRequest,
} from '../../shared/documents';
import { documentCase } from '../../shared/documents/assemble';
import { DocumentRefused } from '../../shared/documents/clueReport';
import { interviewTitle } from '../../shared/documents/interview';
import { isIsoDate, localIsoDate } from '../../shared/domain/dates';
import type { InterviewRecord } from '../../shared/domain/records/interview.schema';
import type { CaseContents } from '../../shared/package/contents';
import { Usage } from './usage';

export interface ReportOptions {
  readonly kind: string;
  readonly interviewId?: string;
  readonly findingId?: string;
  readonly date?: string;
}

export async function reportFromPackage(
  contents: CaseContents,
  opener: string | undefined,
  options: ReportOptions,
) {
  const kind = options.kind as DocumentKind;
  if (!DOCUMENT_KINDS.includes(kind)) {
    throw new Usage(`--kind 应为 ${DOCUMENT_KINDS.join('、')} 之一`);
  }
  const date = options.date ?? localIsoDate(new Date());
  if (!isIsoDate(date)) throw new Usage('--date 应为“年-月-日”，如 2026-12-07');
  let request: DocumentRequest;
  if (kind === 'interview') {
    const found = contents.rows.find(
      (r) => r.table === 'interviews' && r.row.id === options.interviewId && !r.row.deleted,
    );
    if (!found) {
      const some = contents.rows
        .filter((r) => r.table === 'interviews' && !r.row.deleted)
        .slice(0, 3)
        .map((r) => `${r.row.id}（${interviewTitle(r.row as InterviewRecord)}）`);
      throw new Usage(
        `--kind interview 需要 --interview 给出数据包中一条谈话记录的编号，如 ${some.join('、')}`,
      );
    }
    request = { kind, interview: found.row as InterviewRecord };
  } else if (kind === 'draft') {
    request = { kind, ...(options.findingId && { findingId: options.findingId }) };
  } else {
    request = { kind };
  }
  try {
    const viewer = contents.rows.find(
      (r) =>
        r.table === 'members' &&
        opener !== undefined &&
        (r.row as { recipient?: string }).recipient === opener,
    );
    return await buildDocument(documentCase(contents, viewer?.row.id ?? '', date), request);
  } catch (error) {
    if (error instanceof DocumentRefused) throw new Usage(error.message);
    throw error;
  }
}
