import { documentFileName } from '../../../shared/documents';
import { interviewWarnings } from '../../../shared/documents/interview';
import type { InterviewRecord } from '../../../shared/domain/records/interview.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { shallowEqual, useEditorState, type Editor } from '../../hooks/autosave';
import { useCase } from '../../hooks/cases';
import { useCurrentMember } from '../../hooks/members';
import { ExportButton } from '../report/ExportButton';

/**
 * 导出笔录: the interview as its 谈话笔录, with what is still typed written first (the worker
 * reads what is stored). Fewer than two 谈话人 is said beside the button, not kept quiet.
 */
export function InterviewExport(props: { caseId: string; recordId: string; editor: Editor }) {
  const { caseId, recordId, editor } = props;
  const caseRecord = useCase(caseId);
  const me = useCurrentMember(caseId);
  // The two fields the button shows (the warning, the file's name): typing an answer renders
  // nothing here. The worker reads the whole record from the database.
  const interview = useEditorState(
    editor,
    (s) => {
      const { interviewers, interviewees } = s.values as unknown as InterviewRecord;
      return { interviewers, interviewees };
    },
    shallowEqual,
  );
  if (!caseRecord) return null;
  const [warning] = interviewWarnings(interview);
  return (
    <ExportButton
      compact
      label={zh.interview.exportRecord}
      before={editor.flush}
      warning={warning}
      disabledReason={me ? undefined : zh.member.chooseCurrentFirst}
      request={
        me
          ? {
              caseId,
              viewerId: me.id,
              order: { kind: 'interview', interviewId: recordId },
              suggestedName: documentFileName({ kind: 'interview', interview }, caseRecord),
            }
          : null
      }
    />
  );
}
