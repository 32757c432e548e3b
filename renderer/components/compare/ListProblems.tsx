import { Modal, Table, Tabs } from 'antd';
import type { ListRecord } from '../../../shared/domain/compare/compare.schema';
import type { ListRow } from '../../../shared/domain/compare/rows';
import { zh } from '../../../shared/i18n/zh-CN';
import { useRepos } from '../../app/session';
import { useLive } from '../../hooks/live';

const t = zh.compare;

/**
 * A list's rows that need a look: 异常号码 (a number that cannot be read, with the reason) and
 * 重复号码 (one number on several rows, every row kept). Never dropped from the list.
 */
export function ListProblems({ list, onClose }: { list: ListRecord | null; onClose: () => void }) {
  const repos = useRepos();
  const found = useLive(async () => {
    if (!list) return { problems: [], repeated: [] };
    const rows = await repos.compare.rowsOf(list);
    const count = new Map<string, number>();
    for (const r of rows) if (r.id) count.set(r.id, (count.get(r.id) ?? 0) + 1);
    return {
      problems: rows.filter((r) => r.problem && (r.problem !== 'empty' || r.name)),
      repeated: rows
        .filter((r) => r.id && count.get(r.id)! > 1)
        .sort((a, b) => a.id.localeCompare(b.id)),
    };
  }, [list?.id]);
  const table = (rows: readonly ListRow[], reason: (r: ListRow) => string, testId: string) => (
    <Table<ListRow>
      rowKey="n"
      size="small"
      dataSource={[...rows]}
      data-testid={testId}
      columns={[
        { title: t.row, dataIndex: 'n', width: 80 },
        { title: t.mapping.name, dataIndex: 'name' },
        { title: t.mapping.id, dataIndex: 'raw' },
        { title: t.reason, key: 'why', render: (_, r) => reason(r) },
      ]}
    />
  );
  return (
    <Modal
      open={list !== null}
      title={t.problemsTitle(list?.name ?? '')}
      footer={null}
      width={760}
      onCancel={onClose}
    >
      <Tabs
        items={[
          {
            key: 'problems',
            label: `${t.columns.problems}（${found?.problems.length ?? 0}）`,
            children: table(
              found?.problems ?? [],
              (r) => (r.problem ? t.problems[r.problem] : ''),
              'id-problems',
            ),
          },
          {
            key: 'repeated',
            label: `${t.columns.duplicates}（${found?.repeated.length ?? 0}）`,
            children: table(found?.repeated ?? [], () => t.repeated, 'id-repeated'),
          },
        ]}
      />
    </Modal>
  );
}
