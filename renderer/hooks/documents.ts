/**
 * Exporting a document: the save dialog first (while the click still counts as the user's
 * gesture), then the document worker builds it, then the bytes go to the host's save channel.
 * What the caller is told is what happened: saved (with the name), handed to the browser's
 * downloads, cancelled (nothing written), refused by the rules, or failed (no file left).
 */
import { useCallback, useRef, useState } from 'react';
import { documentFileName, type DocumentKind } from '../../shared/documents';
import { localIsoDate } from '../../shared/domain/dates';
import { zh } from '../../shared/i18n/zh-CN';
import { buildInWorker, DocumentRefusedError } from '../documents/documentClient';
import type { DocumentOrder, DocumentPhase } from '../documents/protocol';
import { chooseSaveTarget, saveBytes } from '../host/fileStreams';
import { useRepos } from '../app/session';
import { useDeviceId } from './device';

export type ExportOutcome =
  | { readonly status: 'saved'; readonly name: string }
  | { readonly status: 'downloading'; readonly name: string }
  | { readonly status: 'refused' | 'failed'; readonly message: string };

const FILTERS: Record<'docx' | 'xlsx', { name: string; extensions: string[] }> = {
  docx: { name: 'Word 文档', extensions: ['docx'] },
  xlsx: { name: 'Excel 工作簿', extensions: ['xlsx'] },
};

export interface ExportRequest {
  readonly caseId: string;
  readonly viewerId: string;
  readonly order: DocumentOrder;
  /** The name offered in the save dialog (documentFileName). */
  readonly suggestedName: string;
}

/** Null when the user closed the save dialog: nothing was built or written. */
export async function exportDocument(
  request: ExportRequest,
  /** The case's key (repos.readerKey): the worker reads the case itself. */
  key: Uint8Array | undefined,
  onPhase: (phase: DocumentPhase) => void,
): Promise<ExportOutcome | null> {
  const ext = request.suggestedName.endsWith('.xlsx') ? 'xlsx' : 'docx';
  const target = await chooseSaveTarget({
    suggestedName: request.suggestedName,
    filters: [FILTERS[ext]],
  });
  if (!target) return null;
  try {
    const built = await buildInWorker(
      {
        caseId: request.caseId,
        key,
        viewerId: request.viewerId,
        today: localIsoDate(new Date()),
        order: request.order,
      },
      onPhase,
    );
    return await saveBytes(target, built.bytes);
  } catch (error) {
    await target.abort().catch(() => {});
    if (error instanceof DocumentRefusedError) return { status: 'refused', message: error.message };
    const why = error instanceof Error ? error.message : String(error);
    return { status: 'failed', message: zh.report.failed(why) };
  }
}

/**
 * One export at a time per button: its phase while running, and what came of the last one. A
 * document saved (or handed to downloads) is noted in the case's audit log.
 */
export function useDocumentExport() {
  const repos = useRepos();
  const deviceId = useDeviceId();
  const [phase, setPhase] = useState<DocumentPhase | 'dialog' | null>(null);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const running = useRef(false);
  const run = useCallback(
    async (request: ExportRequest) => {
      if (running.current) return;
      running.current = true;
      setOutcome(null);
      setPhase('dialog');
      try {
        const outcome = await exportDocument(request, repos.readerKey(request.caseId), setPhase);
        if (outcome?.status === 'saved' || outcome?.status === 'downloading') {
          const detail = { kind: request.order.kind, file: outcome.name };
          const actor = { deviceId, memberId: request.viewerId };
          await repos.audit.append(request.caseId, 'document', detail, actor).catch(() => {});
        }
        setOutcome(outcome);
      } finally {
        running.current = false;
        setPhase(null);
      }
    },
    [repos, deviceId],
  );
  return { run, phase, outcome };
}

export { documentFileName, type DocumentKind };
