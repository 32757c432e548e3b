import { Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { zh } from '../../../shared/i18n/zh-CN';
import type { SaveStatus } from '../../hooks/autosave';

/** 已保存 / 保存中: always visible, so nobody wonders whether their notes are safe. */
export function SaveIndicator({ status, failure }: { status: SaveStatus; failure: string | null }) {
  if (status === 'error') {
    return (
      <Tooltip title={failure}>
        <Tag icon={<ExclamationCircleOutlined />} color="error" data-testid="save-status">
          {zh.records.saveFailed}
          {failure}
        </Tag>
      </Tooltip>
    );
  }
  const saved = status === 'saved';
  return (
    <Tag
      icon={saved ? <CheckCircleOutlined /> : <SyncOutlined spin />}
      color={saved ? 'success' : 'processing'}
      data-testid="save-status"
    >
      {saved ? zh.records.saved : zh.records.saving}
    </Tag>
  );
}
