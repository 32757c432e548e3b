import { Tag } from 'antd';
import { clueFollowUp, type ClueFields } from '../../../shared/domain/findings/clue.schema';
import { localIsoDate } from '../../../shared/domain/dates';
import { zh } from '../../../shared/i18n/zh-CN';

const FOLLOW_UP_COLORS = {
  notHanded: 'default',
  awaiting: 'blue',
  overdue: 'red',
  answered: 'green',
};

/** Where a handed-over clue stands with its receiver, from today's date. */
export function FollowUpTag({ clue }: { clue: Pick<ClueFields, 'handoverDate' | 'resultDate'> }) {
  const state = clueFollowUp(clue, localIsoDate(new Date()));
  return (
    <Tag color={FOLLOW_UP_COLORS[state]} data-testid="clue-follow-up">
      {zh.clue.followUp[state]}
    </Tag>
  );
}
