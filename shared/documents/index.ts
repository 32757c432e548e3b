/**
 * Every document the app exports, by kind: what the Worker, the command line and the tests call.
 * Builders are pure (input → bytes); where the input comes from is the caller's business.
 */
import type { InterviewRecord } from '../domain/records/interview.schema';
import { zh } from '../i18n/zh-CN';
import { checklistWorkbook } from './checklistWorkbook';
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
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type DocumentRequest =
  | { readonly kind: 'report' | 'feedback' | 'clues' | 'checklist' }
  | { readonly kind: 'interview'; readonly interview: InterviewRecord }
  /** One finding's 底稿, or (no id) those of every confirmed finding in the report's order. */
  | { readonly kind: 'draft'; readonly findingId?: string };

export interface BuiltDocument {
  /** A file name to offer in the save dialog. */
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** File names may not hold what Windows forbids. */
const fileName = (name: string, ext: string) => `${name.replace(/[\\/:*?"<>|]/g, '_')}.${ext}`;

export async function buildDocument(
  input: DocumentCase,
  request: DocumentRequest,
): Promise<BuiltDocument> {
  const word = async (title: string, doc: Parameters<typeof packDocument>[0]) => ({
    name: fileName(title, 'docx'),
    mime: DOCX,
    bytes: await packDocument(doc, title, input.today),
  });
  switch (request.kind) {
    case 'report':
      return word(reportTitle(input), situationReport(input));
    case 'feedback':
      return word(feedbackTitle(input), feedbackOpinion(input));
    case 'interview':
      return word(interviewTitle(request.interview), interviewRecord(input, request.interview));
    case 'draft': {
      const findings = draftFindings(input, request.findingId);
      const one = request.findingId ? findings[0] : undefined;
      const title = one
        ? `问题底稿（${one.draftNo || one.title || zh.finding.untitled}）`
        : '问题底稿';
      return word(title, draftSheets(input, findings, title));
    }
    case 'clues':
      return word('问题线索报告', clueReport(input));
    case 'checklist':
      return {
        name: fileName('问题清单', 'xlsx'),
        mime: XLSX,
        bytes: stampZip(await checklistWorkbook(input), input.today),
      };
  }
}
