import { useRef, useState } from 'react';
import { App as AntApp, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, ExperimentOutlined } from '@ant-design/icons';
import { zh } from '../../shared/i18n/zh-CN';
import { useDemoCase } from '../hooks/demo';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const MESSAGE_KEY = 'demo';

/**
 * 载入示例巡察任务, with what it is: offered on an empty case list. The message says what is
 * being done, and 已载入 only once the transaction has committed; a second click while it runs
 * does nothing (the repository also shares one load between callers).
 */
export function LoadDemoButton({ onLoaded }: { onLoaded: (caseId: string) => void }) {
  const { load } = useDemoCase();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const show = (type: 'loading' | 'success' | 'error' | 'info', content: string) =>
    void message.open({ key: MESSAGE_KEY, type, content, duration: type === 'loading' ? 0 : 6 });
  const run = () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    load((stage) => show('loading', zh.demo[stage]))
      .then(
        (result) => {
          const n = (table: string) => result.counts[table] ?? 0;
          show(
            result.created ? 'success' : 'info',
            result.created
              ? zh.demo.loaded({
                  interviews: n('interviews'),
                  docReviews: n('docReviews'),
                  findings: n('findings'),
                  clues: n('clues'),
                })
              : zh.demo.alreadyLoaded,
          );
          onLoaded(result.caseId);
        },
        (e: unknown) => show('error', zh.demo.loadFailed + errorText(e)),
      )
      .finally(() => {
        running.current = false;
        setBusy(false);
      });
  };
  return (
    <Space orientation="vertical" align="center" data-testid="demo-offer">
      <Button icon={<ExperimentOutlined />} loading={busy} onClick={run} data-testid="load-demo">
        {zh.demo.load}
      </Button>
      <Typography.Text type="secondary" style={{ maxWidth: 520, display: 'block' }}>
        {zh.demo.hint}
      </Typography.Text>
    </Space>
  );
}

/** The mark of the demo case, in the list and the workspace header. */
export function DemoTag() {
  return (
    <Tooltip title={zh.demo.tagHint}>
      <Tag color="orange" data-testid="demo-tag" style={{ marginInlineStart: 8 }}>
        {zh.demo.tag}
      </Tag>
    </Tooltip>
  );
}

/** 删除示例数据, after a confirmation: the whole demo case goes, for good, in one step. */
export function RemoveDemoButton(props: { caseId: string; onRemoved?: () => void }) {
  const { caseId, onRemoved } = props;
  const { remove } = useDemoCase();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const run = () => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    void message.open({
      key: MESSAGE_KEY,
      type: 'loading',
      content: zh.demo.removing,
      duration: 0,
    });
    remove(caseId)
      .then(
        ({ rows }) => {
          void message.open({ key: MESSAGE_KEY, type: 'success', content: zh.demo.removed(rows) });
          onRemoved?.();
        },
        (e: unknown) =>
          void message.open({
            key: MESSAGE_KEY,
            type: 'error',
            content: zh.demo.removeFailed + errorText(e),
            duration: 8,
          }),
      )
      .finally(() => {
        running.current = false;
        setBusy(false);
      });
  };
  return (
    <Popconfirm
      title={zh.demo.removeConfirm}
      okText={zh.demo.remove}
      okButtonProps={{ danger: true }}
      cancelText={zh.common.cancel}
      onConfirm={run}
    >
      <Button
        size="small"
        danger
        icon={<DeleteOutlined />}
        loading={busy}
        data-testid="remove-demo"
      >
        {zh.demo.remove}
      </Button>
    </Popconfirm>
  );
}
