import { useMemo } from 'react';
import { App as AntApp, Button, Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { RecordKind } from '../../shared/domain/records';
import { filterSummaries, sortSummaries, type SortKey } from '../../shared/domain/records/filter';
import type { RecordSummary } from '../../shared/domain/records/summary';
import { focusPath } from '../../shared/domain/focus';
import { zh } from '../../shared/i18n/zh-CN';
import { useEveryone } from '../hooks/members';
import { useRecordActions, useSummaries } from '../hooks/records';
import { useHeight } from '../hooks/useHeight';
import { navigate } from '../app/route';
import { useListView } from '../stores/records.store';
import { RecordFilters } from '../components/records/RecordFilters';
import { RECORD_TITLES, SUB_KIND_LABELS } from '../components/records/titles';

const r = zh.records;

/** The records of one kind: filter, sort, open; or the recycle bin, to restore. */
export function RecordListPage({ caseId, kind }: { caseId: string; kind: RecordKind }) {
  const [view, setView] = useListView(kind);
  const rows = useSummaries(caseId, kind, view.bin ? 'deleted' : 'live');
  const everyone = useEveryone(caseId);
  const actions = useRecordActions(caseId, kind);
  const { message } = AntApp.useApp();
  const [box, height] = useHeight<HTMLDivElement>();

  const names = useMemo(() => new Map((everyone ?? []).map((m) => [m.id, m.name])), [everyone]);
  const shown = useMemo(
    () => sortSummaries(filterSummaries(rows ?? [], view.filter), view.sort, view.direction),
    [rows, view.filter, view.sort, view.direction],
  );
  const open = (row: RecordSummary) =>
    !view.bin && navigate({ page: 'case', caseId, section: kind, recordId: row.id });
  const sortOrder = (key: SortKey) => (view.sort === key ? view.direction : null);

  const columns: ColumnsType<RecordSummary> = [
    {
      title: r.columns.date,
      dataIndex: 'date',
      key: 'date',
      width: 120,
      sorter: true,
      sortOrder: sortOrder('date'),
    },
    {
      title: r.columns.title,
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrder('title'),
      ellipsis: true,
      render: (title: string, row) => (
        <Space size={4}>
          <Typography.Text>{title || r.untitled}</Typography.Text>
          {row.missing > 0 && <Tag color="warning">{r.incomplete}</Tag>}
        </Space>
      ),
    },
    {
      title: r.columns.subKind,
      dataIndex: 'subKind',
      key: 'subKind',
      width: 110,
      render: (s: string) => SUB_KIND_LABELS[kind][s] ?? '',
    },
    {
      title: r.filters.member,
      dataIndex: 'members',
      key: 'members',
      width: 160,
      ellipsis: true,
      render: (ids: string[]) => ids.map((id) => names.get(id) ?? '').join('、'),
    },
    {
      title: r.tags,
      key: 'tags',
      width: 220,
      render: (_, row) => (
        <>
          {row.focus.slice(0, 2).map((c) => (
            <Tag key={c} color="red">
              {focusPath(c)}
            </Tag>
          ))}
          {row.tags.slice(0, 3).map((t) => (
            <Tag key={t}>{t}</Tag>
          ))}
        </>
      ),
    },
    {
      title: view.bin ? r.columns.deletedAt : r.updatedAt,
      dataIndex: view.bin ? 'deletedAt' : 'updatedAt',
      key: 'updatedAt',
      width: 150,
      sorter: !view.bin,
      sortOrder: view.bin ? null : sortOrder('updatedAt'),
      render: (at: string | undefined) =>
        at ? new Date(at).toLocaleString('zh-CN', { hour12: false }) : '',
    },
  ];
  if (view.bin) {
    columns.push({
      title: zh.common.actions,
      key: 'restore',
      width: 90,
      render: (_, row) => (
        <Button
          size="small"
          disabled={!actions.canWrite}
          onClick={() => void actions.restore(row.id).then(() => message.success(r.restored))}
        >
          {r.restore}
        </Button>
      ),
    });
  }

  return (
    <Card
      title={
        <Space>
          {RECORD_TITLES[kind]}
          <Typography.Text type="secondary" data-testid="record-count">
            {r.count(shown.length)}
          </Typography.Text>
        </Space>
      }
      extra={
        <Space>
          <Segmented
            value={view.bin ? 'bin' : 'live'}
            options={[
              { value: 'live', label: RECORD_TITLES[kind] },
              { value: 'bin', label: r.recycleBin },
            ]}
            onChange={(v) => setView({ bin: v === 'bin' })}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!actions.canWrite}
            onClick={() => void actions.create()}
          >
            {r.newRecord}
            {RECORD_TITLES[kind]}
          </Button>
        </Space>
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', height: 'calc(100vh - 220px)' } }}
    >
      <RecordFilters
        caseId={caseId}
        kind={kind}
        rows={rows ?? []}
        filter={view.filter}
        onChange={(filter) => setView({ filter })}
      />
      <div ref={box} style={{ flex: 1, minHeight: 0 }}>
        <Table<RecordSummary>
          virtual
          rowKey="id"
          size="small"
          loading={rows === undefined}
          dataSource={shown}
          columns={columns}
          pagination={false}
          scroll={{ y: height - 40, x: 900 }}
          locale={{ emptyText: view.bin ? r.recycleEmpty : undefined }}
          onRow={(row) => ({
            onClick: () => open(row),
            style: { cursor: view.bin ? 'default' : 'pointer' },
          })}
          onChange={(_, __, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            if (s?.columnKey && s.order)
              setView({ sort: s.columnKey as SortKey, direction: s.order });
          }}
        />
      </div>
    </Card>
  );
}
