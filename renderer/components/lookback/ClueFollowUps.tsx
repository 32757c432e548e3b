import { Table } from 'antd';
import { feedbackDue } from '../../../shared/domain/findings/clue.schema';
import type { RecheckRecord } from '../../../shared/domain/ledger/recheck.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { FollowUpTag } from '../findings/FollowUpTag';

const c = zh.clue;

/**
 * 移交事项和线索办理是否到位: each clue the earlier round handed over, to whom and when, its
 * 反馈期限, and whether a reply came back (from today's date). The 组长's only.
 */
export function ClueFollowUps({ rows }: { rows: readonly RecheckRecord[] }) {
  return (
    <Table<RecheckRecord>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      data-testid="clue-follow-ups"
      columns={[
        {
          title: c.fields.subjectName,
          key: 'who',
          render: (_, r) => [r.clue!.subjectName, r.clue!.subjectTitle].filter(Boolean).join('，'),
        },
        {
          title: c.fields.receiver,
          key: 'receiver',
          render: (_, r) =>
            r.clue!.receiverName || (r.clue!.receiver ? c.receivers[r.clue!.receiver] : ''),
        },
        { title: c.fields.handoverDate, key: 'handed', render: (_, r) => r.clue!.handoverDate },
        { title: c.feedbackDue, key: 'due', render: (_, r) => feedbackDue(r.clue!) },
        { title: c.fields.result, key: 'state', render: (_, r) => <FollowUpTag clue={r.clue!} /> },
        { title: c.fields.resultDate, key: 'resultDate', render: (_, r) => r.clue!.resultDate },
      ]}
    />
  );
}
