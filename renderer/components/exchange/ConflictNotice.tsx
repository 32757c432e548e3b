import { Alert, Button } from 'antd';
import { zh } from '../../../shared/i18n/zh-CN';
import type { RecordKind } from '../../../shared/domain/records';
import { fieldLabel } from '../../../shared/domain/records/history';
import { useRecordConflicts } from '../../hooks/packages';
import { navigate } from '../../app/route';

/**
 * On a record that holds a conflict: the form shows one version of those fields; the other is
 * kept, and this says so, and where to choose.
 */
export function ConflictNotice(props: { caseId: string; kind: RecordKind; recordId: string }) {
  const { caseId, kind, recordId } = props;
  const fields = useRecordConflicts(kind, recordId) ?? [];
  if (fields.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="record-conflict"
      message={zh.conflicts.onRecord(fields.map((f) => fieldLabel(kind, f)).join('、'))}
      action={
        <Button
          size="small"
          onClick={() => navigate({ page: 'case', caseId, section: 'exchange' })}
        >
          {zh.conflicts.review}
        </Button>
      }
    />
  );
}
