import { App as AntApp, Button, Popconfirm } from 'antd';
import type { CaseRecord } from '../../shared/domain/case.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { useCaseMutations } from '../hooks/cases';

/** Archive (with a confirmation) or bring back a case. Nothing is deleted either way. */
export function CaseArchiveButton({ caseRecord }: { caseRecord: CaseRecord }) {
  const { setArchived, canWrite } = useCaseMutations(caseRecord.id);
  const { message } = AntApp.useApp();
  const run = (archived: boolean) =>
    setArchived(archived).then(
      () => message.success(archived ? zh.case.archived : zh.case.restored),
      (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    );
  if (caseRecord.archived) {
    return (
      <Button size="small" disabled={!canWrite} onClick={() => void run(false)}>
        {zh.case.unarchive}
      </Button>
    );
  }
  return (
    <Popconfirm
      title={zh.case.archiveConfirm}
      okText={zh.common.confirm}
      cancelText={zh.common.cancel}
      onConfirm={() => void run(true)}
      disabled={!canWrite}
    >
      <Button size="small" disabled={!canWrite}>
        {zh.case.archive}
      </Button>
    </Popconfirm>
  );
}
