import { Modal, Table } from 'antd';
import type { ListRecord } from '../../../shared/domain/compare/compare.schema';
import type { ListRow } from '../../../shared/domain/compare/rows';
import { zh } from '../../../shared/i18n/zh-CN';
import { repos } from '../../db';
import { useLive } from '../../hooks/live';

const t = zh.compare;

/** 异常号码: the rows of a list whose number cannot be read, each with the reason. Never dropped. */
export function ListProblems({ list, onClose }: { list: ListRecord | null; onClose: () => void }) {
  const rows = useLive(
    async () =>
      list
        ? (await repos.compare.rowsOf(list)).filter((r) => r.problem && r.problem !== 'empty')
        : [],
    [list?.id],
  );
  return (
    <Modal
      open={list !== null}
      title={t.problemsTitle(list?.name ?? '')}
      footer={null}
      width={720}
      onCancel={onClose}
    >
      <Table<ListRow>
        rowKey="n"
        size="small"
        dataSource={rows ?? []}
        data-testid="id-problems"
        columns={[
          { title: t.row, dataIndex: 'n', width: 80 },
          { title: t.mapping.name, dataIndex: 'name' },
          { title: t.mapping.id, dataIndex: 'raw' },
          {
            title: t.reason,
            key: 'why',
            render: (_, r) => (r.problem ? t.problems[r.problem] : ''),
          },
        ]}
      />
    </Modal>
  );
}
