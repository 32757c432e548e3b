/**
 * `report`: a document of the case a package holds, the same bytes the app exports for the same
 * case on the same date (shared/documents builds both). The viewer is the member the package
 * was made for: the clue report comes out only when that member is the 组长.
 */
import {
  buildDocument,
  DOCUMENT_KINDS,
  type DocumentKind,
  type DocumentRequest,
} from '../../shared/documents';
import { documentCase } from '../../shared/documents/assemble';
import { DocumentRefused } from '../../shared/documents/clueReport';
import { isIsoDate, localIsoDate } from '../../shared/domain/dates';
import type { InterviewRecord } from '../../shared/domain/records/interview.schema';
import type { CaseContents } from '../../shared/package/contents';
import type { Manifest } from '../../shared/package/manifest';
import { Usage } from './usage';

export interface ReportOptions {
  readonly kind: string;
  readonly interviewId?: string;
  readonly findingId?: string;
  readonly date?: string;
}

export async function reportFromPackage(
  manifest: Manifest,
  contents: CaseContents,
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
    if (!found) throw new Usage('--kind interview 需要 --interview 给出数据包中一条谈话记录的编号');
    request = { kind, interview: found.row as InterviewRecord };
  } else if (kind === 'draft') {
    request = { kind, ...(options.findingId && { findingId: options.findingId }) };
  } else {
    request = { kind };
  }
  try {
    return await buildDocument(documentCase(contents, manifest.forMember, date), request);
  } catch (error) {
    if (error instanceof DocumentRefused) throw new Usage(error.message);
    throw error;
  }
}
