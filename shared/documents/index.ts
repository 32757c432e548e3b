/**
 * Every document the app exports, by kind: what the Worker, the command line and the tests call.
 * Builders are pure (input → bytes); where the input comes from is the caller's business.
 */
import type { CaseFields } from '../domain/case.schema';
import type { FindingFields } from '../domain/findings/finding.schema';
import type { InterviewRecord } from '../domain/records/interview.schema';
import { zh } from '../i18n/zh-CN';
import { unitParty } from './caseWords';
import { checklistWorkbook } from './checklistWorkbook';
import { ledgerWorkbook } from './ledger/workbook';
import { hitsWorkbook } from './compare';
import { clueReport } from './clueReport';
import { draftFindings, draftSheets } from './draftSheet';
import { feedbackOpinion, feedbackTitle } from './feedback';
import type { DocumentCase } from './input';
import { interviewRecord, interviewTitle } from './interview';
import { packDocument, stampZip } from './pack';
import { reportTitle, situationReport } from './report';

export const DOCUMENT_KINDS = [
  'report',
  'feedback',
  'interview',
  'draft',
  'clues',
  'checklist',
  'ledger',
  'compare',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type DocumentRequest =
  | { readonly kind: 'report' | 'feedback' | 'clues' | 'checklist' | 'ledger' | 'compare' }
  | { readonly kind: 'interview'; readonly interview: InterviewRecord }
  /** One finding's 底稿, or (no id) those of every confirmed finding in the report's order. */
  | { readonly kind: 'draft'; readonly findingId?: string };

export interface BuiltDocument {
  /** A file name to offer in the save dialog. */
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** File names may not hold what Windows forbids. */
const fileName = (name: string, ext: string) => `${name.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`;

/** What a document's title needs of its request: of an interview, only the names in it. */
export type TitleRequest =
  | Exclude<DocumentRequest, { readonly kind: 'interview' }>
  | { readonly kind: 'interview'; readonly interview: Pick<InterviewRecord, 'interviewees'> };

/** What a document is called: its title, and with the extension its file name. */
export function documentTitle(
  request: TitleRequest,
  c: Pick<CaseFields, 'unitName'>,
  finding?: Pick<FindingFields, 'draftNo' | 'title'>,
): string {
  switch (request.kind) {
    case 'report':
      return reportTitle(c);
    case 'feedback':
      return feedbackTitle(c);
    case 'interview':
      return interviewTitle(request.interview);
    case 'draft':
      return finding
        ? `问题底稿（${finding.draftNo || finding.title || zh.finding.untitled}）`
        : `${unitParty(c.unitName)}问题底稿`;
    case 'clues':
      return `${unitParty(c.unitName)}问题线索报告`;
    case 'checklist':
      return `${unitParty(c.unitName)}问题清单`;
    case 'ledger':
      return `${unitParty(c.unitName)}整改台账`;
    case 'compare':
      return `${unitParty(c.unitName)}数据比对疑点清单`;
  }
}

export const documentFileName = (...args: Parameters<typeof documentTitle>) =>
  fileName(documentTitle(...args), WORKBOOKS.has(args[0].kind) ? 'xlsx' : 'docx');

const WORKBOOKS: ReadonlySet<DocumentKind> = new Set(['checklist', 'ledger', 'compare']);

export async function buildDocument(
  input: DocumentCase,
  request: DocumentRequest,
): Promise<BuiltDocument> {
  const findings = request.kind === 'draft' ? draftFindings(input, request.findingId) : [];
  const one = request.kind === 'draft' && request.findingId ? findings[0] : undefined;
  const title = documentTitle(request, input.caseRecord, one);
  const name = documentFileName(request, input.caseRecord, one);
  const word = async (doc: Parameters<typeof packDocument>[0]) => ({
    name,
    mime: DOCX,
    bytes: await packDocument(doc, title, input.today),
  });
  switch (request.kind) {
    case 'report':
      return word(situationReport(input));
    case 'feedback':
      return word(feedbackOpinion(input));
    case 'interview':
      return word(interviewRecord(input, request.interview));
    case 'draft':
      return word(draftSheets(input, findings, title));
    case 'clues':
      return word(clueReport(input));
    case 'checklist':
      return { name, mime: XLSX, bytes: stampZip(await checklistWorkbook(input), input.today) };
    case 'ledger':
      return {
        name,
        mime: XLSX,
        bytes: await ledgerWorkbook({
          items: input.ledgerItems,
          tasks: input.tasks,
          today: input.today,
          warnDays: input.caseRecord.warnDays,
        }),
      };
    case 'compare':
      return { name, mime: XLSX, bytes: stampZip(await hitsWorkbook(input), input.today) };
  }
}
