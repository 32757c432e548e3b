import { App as AntApp, Alert, Button, Card, Space, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { zh } from '../../../shared/i18n/zh-CN';
import { useSecondFolder } from '../../hooks/secondFolder';

const t = zh.backup.second;
const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/**
 * 第二份快照: the folder every snapshot is also copied into (the desktop app), whether it is
 * there now, and how the last copy went.
 */
export function SecondFolderCard() {
  const { state, pick, clear } = useSecondFolder();
  const { message } = AntApp.useApp();
  if (!state) return null;
  if (state.host === 'browser') {
    return (
      <Typography.Paragraph type="secondary" data-testid="second-folder">
        {t.browserOnly}
      </Typography.Paragraph>
    );
  }
  const { folder, reachable, lastCopiedAt, lastFailure, waitingRemovals } = state.folder;

  /** Runs a button's action; a refusal of the host is shown as it said it. */
  const act = async (action: () => Promise<string | null>) => {
    try {
      const done = await action();
      if (done) void message.success(done);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const choose = () =>
    act(async () => {
      const chosen = await pick();
      return chosen && t.chosen(chosen);
    });
  const stop = () =>
    act(async () => {
      await clear();
      return t.cleared;
    });

  return (
    <Card
      title={t.title}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="second-folder"
      extra={
        <Space>
          <Button size="small" icon={<FolderOpenOutlined />} onClick={() => void choose()}>
            {t.pick}
          </Button>
          {folder && (
            <Button size="small" onClick={() => void stop()}>
              {t.clear}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t.lead}</Typography.Paragraph>
      {folder ? (
        <Space orientation="vertical" size={4} style={{ marginBottom: 12 }}>
          <Typography.Text code data-testid="second-folder-path">
            {folder}
          </Typography.Text>
          <Typography.Text type={reachable ? 'success' : 'warning'}>
            {reachable ? t.reachable : t.unreachable}
          </Typography.Text>
          <Typography.Text type="secondary">
            {lastCopiedAt ? t.lastCopied(when(lastCopiedAt)) : t.neverCopied}
          </Typography.Text>
          {lastFailure && (
            <Typography.Text type="danger">
              {t.lastFailed(when(lastFailure.at), t.problems[lastFailure.problem])}
            </Typography.Text>
          )}
          {waitingRemovals > 0 && (
            <Typography.Text type="warning">{t.waiting(waitingRemovals)}</Typography.Text>
          )}
        </Space>
      ) : (
        <Typography.Paragraph>{t.none}</Typography.Paragraph>
      )}
      <Alert type="info" showIcon title={t.encrypted} />
    </Card>
  );
}
