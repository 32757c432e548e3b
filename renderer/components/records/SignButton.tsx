import { Button, Popconfirm } from 'antd';
import { zh } from '../../../shared/i18n/zh-CN';

/** 标记为已签字, asked once more: from then on the 笔录 takes only 补充笔录. */
export function SignButton({ onSign }: { onSign: () => void }) {
  return (
    <Popconfirm
      title={zh.interview.signConfirm}
      okText={zh.common.confirm}
      cancelText={zh.common.cancel}
      onConfirm={onSign}
    >
      <Button>{zh.interview.sign}</Button>
    </Popconfirm>
  );
}
