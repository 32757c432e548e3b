import { Button, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { zh } from '../../../shared/i18n/zh-CN';
import { useDocumentExport, type ExportRequest } from '../../hooks/documents';

const r = zh.report;

/**
 * One document's export: the button, and beside it what is happening or what happened, in the
 * words of what really happened (saved where, handed to downloads, refused, failed).
 */
export function ExportButton(props: {
  label: string;
  request: ExportRequest | null;
  /** Why it cannot be exported now (shown instead of running). */
  disabledReason?: string;
  /** Said before exporting and kept beside the button (a 笔录 with one 谈话人). */
  warning?: string;
  primary?: boolean;
  /** Runs first (an editor writing what is still typed). */
  before?: () => Promise<void>;
}) {
  const { label, request, disabledReason, warning, primary, before } = props;
  const { run, phase, outcome } = useDocumentExport();
  return (
    <Space wrap data-testid={`export-${label}`}>
      <Button
        type={primary ? 'primary' : 'default'}
        icon={<DownloadOutlined />}
        loading={phase !== null}
        disabled={!request || !!disabledReason}
        onClick={() => request && void (before ?? (async () => {}))().then(() => run(request))}
      >
        {label}
      </Button>
      {disabledReason && <Typography.Text type="secondary">{disabledReason}</Typography.Text>}
      {warning && <Typography.Text type="warning">{warning}</Typography.Text>}
      {phase && phase !== 'dialog' && (
        <Typography.Text type="secondary">{r.exporting}</Typography.Text>
      )}
      {outcome && (
        <Typography.Text
          role="status"
          type={
            outcome.status === 'saved' || outcome.status === 'downloading' ? 'success' : 'danger'
          }
        >
          {outcome.status === 'saved'
            ? r.exported(outcome.name)
            : outcome.status === 'downloading'
              ? r.downloaded(outcome.name)
              : outcome.message}
        </Typography.Text>
      )}
    </Space>
  );
}
