import { useEffect } from 'react';
import { App as AntApp, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, WarningOutlined } from '@ant-design/icons';
import { zh } from '../../../shared/i18n/zh-CN';
import { useDocumentExport, type ExportOutcome, type ExportRequest } from '../../hooks/documents';

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
  /** In a crowded header: the outcome as a message, the warning as a tag with its words. */
  compact?: boolean;
}) {
  const { label, request, disabledReason, warning, primary, before, compact } = props;
  const { run, phase, outcome } = useDocumentExport();
  const { message } = AntApp.useApp();
  const said = outcome && describe(outcome);
  useEffect(() => {
    if (!compact || !outcome || !said) return;
    const ok = outcome.status === 'saved' || outcome.status === 'downloading';
    void (ok ? message.success(said) : message.error(said));
  }, [compact, outcome, said, message]);
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
      {disabledReason && !compact && (
        <Typography.Text type="secondary">{disabledReason}</Typography.Text>
      )}
      {warning &&
        (compact ? (
          <Tooltip title={warning}>
            <Tag color="warning" icon={<WarningOutlined />} data-testid="export-warning">
              {r.checkFirst}
            </Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="warning">{warning}</Typography.Text>
        ))}
      {!compact && phase && phase !== 'dialog' && (
        <Typography.Text type="secondary">{r.exporting}</Typography.Text>
      )}
      {!compact && outcome && (
        <Typography.Text
          role="status"
          type={
            outcome.status === 'saved' || outcome.status === 'downloading' ? 'success' : 'danger'
          }
        >
          {said}
        </Typography.Text>
      )}
    </Space>
  );
}

function describe(outcome: ExportOutcome): string {
  switch (outcome.status) {
    case 'saved':
      return r.exported(outcome.name);
    case 'downloading':
      return r.downloaded(outcome.name);
    default:
      return outcome.message;
  }
}
