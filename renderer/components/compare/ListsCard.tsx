import { useState } from 'react';
import { Button, Card, Popconfirm, Space, Table } from 'antd';
import { LIST_KIND_NAMES } from '../../../shared/domain/compare/kinds';
import type { ListRecord } from '../../../shared/domain/compare/compare.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { useCompareActions } from '../../hooks/compare';
import { ListImport } from './ListImport';
import { ListProblems } from './ListProblems';

const t = zh.compare;
const c = t.columns;

/** The lists the unit handed over: counts, the rows to look at, 替换 and 移除. */
export function ListsCard({ caseId, lists }: { caseId: string; lists: readonly ListRecord[] }) {
  const actions = useCompareActions(caseId);
  const [problemsOf, setProblemsOf] = useState<ListRecord | null>(null);
  /** A count that opens the rows it counts, or just 0. */
  const rowsToSee = (l: ListRecord, n: number) =>
    n > 0 ? (
      <Button size="small" type="link" style={{ padding: 0 }} onClick={() => setProblemsOf(l)}>
        {n}
      </Button>
    ) : (
      0
    );
  return (
    <>
      <Card size="small" title={c.lists} extra={<ListImport caseId={caseId} />}>
        <Table<ListRecord>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={[...lists]}
          data-testid="compare-lists"
          locale={{ emptyText: t.noLists }}
          columns={[
            { title: t.fields.name, key: 'name', render: (_, l) => l.name || l.fileName },
            { title: c.kind, key: 'kind', render: (_, l) => LIST_KIND_NAMES[l.kind] },
            { title: c.rows, dataIndex: 'rows' },
            {
              title: c.problems,
              key: 'problems',
              render: (_, l) => rowsToSee(l, l.problems),
            },
            {
              title: c.duplicates,
              key: 'duplicates',
              render: (_, l) => rowsToSee(l, l.duplicates),
            },
            {
              title: c.importedAt,
              key: 'at',
              render: (_, l) => l.importedAt.slice(0, 16).replace('T', ' '),
            },
            {
              title: zh.common.actions,
              key: 'actions',
              render: (_, l) => (
                <Space>
                  <ListImport caseId={caseId} replaces={l} />
                  <Popconfirm
                    title={t.removeListConfirm}
                    onConfirm={() => void actions.removeList(l.id)}
                  >
                    <Button size="small" danger>
                      {zh.common.remove}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <ListProblems list={problemsOf} onClose={() => setProblemsOf(null)} />
    </>
  );
}
