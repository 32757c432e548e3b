import { useState } from 'react';
import { App as AntApp, Button, Popconfirm, Tag, Tooltip } from 'antd';
import { DeleteOutlined, ExperimentOutlined } from '@ant-design/icons';
import { zh } from '../../shared/i18n/zh-CN';
import { useDemoCase } from '../hooks/demo';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** 载入示例巡察任务: offered on an empty case list. */
export function LoadDemoButton() {
  const { load } = useDemoCase();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    load()
      .then(
        () => message.success(zh.demo.loaded),
        (e: unknown) => message.error(zh.demo.loadFailed + errorText(e)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Tooltip title={zh.demo.hint}>
      <Button icon={<ExperimentOutlined />} loading={busy} onClick={run} data-testid="load-demo">
        {zh.demo.load}
      </Button>
    </Tooltip>
  );
}

/** The mark of a demo case in the list. */
export function DemoTag() {
  return (
    <Tooltip title={zh.demo.tagHint}>
      <Tag color="orange" data-testid="demo-tag" style={{ marginInlineStart: 8 }}>
        {zh.demo.tag}
      </Tag>
    </Tooltip>
  );
}

/** 删除示例数据, after a confirmation: the whole demo case goes, for good. */
export function RemoveDemoButton({ caseId }: { caseId: string }) {
  const { remove } = useDemoCase();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    remove(caseId)
      .then(
        () => message.success(zh.demo.removed),
        (e: unknown) => message.error(zh.demo.removeFailed + errorText(e)),
      )
      .finally(() => setBusy(false));
  };
  return (
    <Popconfirm
      title={zh.demo.removeConfirm}
      okText={zh.common.confirm}
      okButtonProps={{ danger: true }}
      cancelText={zh.common.cancel}
      onConfirm={run}
    >
      <Button size="small" danger icon={<DeleteOutlined />} loading={busy}>
        {zh.demo.remove}
      </Button>
    </Popconfirm>
  );
}
