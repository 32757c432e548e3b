import { Tag, Tooltip } from 'antd';
import { CheckCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { zh } from '../../../shared/i18n/zh-CN';
import type { SaveStatus } from '../../hooks/autosave';

/**
 * 已保存 / 保存中 / 未保存：…: always visible, so nobody wonders whether their notes are safe,
 * and never 已保存 when something was not saved.
 */
export function SaveIndicator(props: {
  status: SaveStatus;
  /** Why the last write failed, in full (the tag shows its first sentence). */
  failure: string | null;
  /** Fields whose last value was refused: "已保存" alone would be untrue. */
  refusedCount?: number;
}) {
  const { status, failure, refusedCount = 0 } = props;
  if ((status === 'error' || status === 'stopped') && failure) {
    return (
      <Tooltip title={failure}>
        <Tag icon={<ExclamationCircleOutlined />} color="error" data-testid="save-status">
          {failure.split('。')[0]}
        </Tag>
      </Tooltip>
    );
  }
  const saved = status === 'saved';
  // Nothing moves: no spinning icon, no colour fading between states. The indicator changes at
  // the first key after each save, and any animation there has Chromium paint a frame of the
  // page sixty times a second while someone types.
  const partly = saved && refusedCount > 0;
  return (
    <Tag
      icon={saved ? <CheckCircleOutlined /> : <SyncOutlined />}
      color={partly ? 'warning' : saved ? 'success' : 'processing'}
      data-testid="save-status"
      style={NO_TRANSITION}
    >
      {partly ? zh.records.savedExcept(refusedCount) : saved ? zh.records.saved : zh.records.saving}
    </Tag>
  );
}

const NO_TRANSITION = { transition: 'none' } as const;
