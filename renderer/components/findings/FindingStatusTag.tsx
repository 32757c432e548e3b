import { Tag } from 'antd';
import type { FindingStatus } from '../../../shared/domain/findings/finding.schema';
import { zh } from '../../../shared/i18n/zh-CN';

const COLORS: Record<FindingStatus, string> = {
  draft: 'default',
  pending: 'blue',
  confirmed: 'green',
  returned: 'red',
  merged: 'default',
};

/** A finding's review status, coloured the same everywhere. */
export function FindingStatusTag({ status, testId }: { status: FindingStatus; testId?: string }) {
  return (
    <Tag color={COLORS[status]} data-testid={testId}>
      {zh.finding.statuses[status]}
    </Tag>
  );
}
