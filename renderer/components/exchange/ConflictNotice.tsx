import { Alert, Button } from 'antd';
import { zh } from '../../../shared/i18n/zh-CN';
import type { RecordKind } from '../../../shared/domain/records';
import { splitPath } from '../../../shared/domain/collections';
import { fieldLabel } from '../../../shared/domain/records/history';
import { navigate } from '../../app/route';

/**
 * On a record that holds a conflict: the form shows one version of those fields; the other is
 * kept, and this says so, and where to choose. `paths`: the record's conflicting paths, one per
 * line (a string, so the editor's state selector returns the same value while they stay).
 */
export function ConflictNotice(props: { caseId: string; kind: RecordKind; paths: string }) {
  const { caseId, kind, paths } = props;
  if (paths === '') return null;
  const fields = [...new Set(paths.split('\n').map((p) => splitPath(p)[0]))];
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
