import { Drawer, Empty, Spin, Timeline } from 'antd';
import type { RecordKind } from '../../shared/domain/records';
import type { VersionKind } from '../../shared/domain/records/history';
import { zh } from '../../shared/i18n/zh-CN';
import { useHistory } from '../hooks/history';
import { HistoryEntry } from './HistoryEntry';

/** 修改历史 of one record: every version, newest first, with what changed and who changed it. */
export function HistoryDrawer(props: {
  caseId: string;
  kind: RecordKind;
  recordId: string;
  open: boolean;
  onClose: () => void;
}) {
  const { open, onClose, ...record } = props;
  return (
    // Destroyed when hidden: a closed drawer does not follow the record's every autosave.
    <Drawer title={zh.records.history} size={520} open={open} onClose={onClose} destroyOnHidden>
      <HistoryTimeline {...record} />
    </Drawer>
  );
}

function HistoryTimeline({
  caseId,
  kind,
  recordId,
}: {
  caseId: string;
  kind: RecordKind;
  recordId: string;
}) {
  const history = useHistory(caseId, kind, recordId);
  if (!history) return <Spin />;
  if (history.versions.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={zh.records.historyEmpty} />;
  }
  return (
    <Timeline
      items={history.versions.map((version) => ({
        key: version.revisionId,
        color: COLORS[version.kind],
        content: <HistoryEntry kind={kind} version={version} names={history.names} />,
      }))}
    />
  );
}

const COLORS: Readonly<Record<VersionKind, string>> = {
  create: 'green',
  update: 'blue',
  delete: 'red',
  restore: 'green',
  redact: 'orange',
  attach: 'gray',
  detach: 'gray',
};
