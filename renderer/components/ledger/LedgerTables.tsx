import { useMemo, useState } from 'react';
import { Button, Space, Table, Tabs, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { chineseDate } from '../../../shared/domain/dates';
import { TASK_STATUSES, type TaskRecord } from '../../../shared/domain/ledger/task.schema';
import { WARNINGS, warningOf, type Warning } from '../../../shared/domain/ledger/warning';
import { zh } from '../../../shared/i18n/zh-CN';
import type { Ledger } from '../../hooks/ledger';
import { options } from '../options';
import { FilterSelect } from '../FilterSelect';
import { WARNING_COLORS } from './ledgerText';

const l = zh.ledger;
const f = l.fields;

interface TaskRow {
  readonly task: TaskRecord;
  readonly item: string;
  readonly warning: Warning;
}

/**
 * The three lists of the ledger: 问题清单 (by problem), 任务清单 (by task) and 责任清单 (by
 * whose responsibility), each filterable by colour, status and 责任部门; virtualised, since a
 * 巡察办 following thirty units has thousands of rows.
 */
export function LedgerTables(props: {
  ledger: Ledger;
  today: string;
  warnDays: number;
  canWrite: boolean;
  onOpen: (taskId: string) => void;
  onAdd: (itemId: string) => void;
}) {
  const { ledger, today, warnDays, canWrite, onOpen, onAdd } = props;
  const [warning, setWarning] = useState<Warning | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const titles = useMemo(
    () => new Map(ledger.items.map((i) => [i.id, `${i.draftNo} ${i.title}`.trim()])),
    [ledger.items],
  );
  const rows: TaskRow[] = useMemo(
    () =>
      ledger.tasks
        .map((task) => ({
          task,
          item: titles.get(task.itemId) ?? '',
          warning: warningOf(task, today, warnDays),
        }))
        .sort((a, b) => compareNo(a.task.no, b.task.no)),
    [ledger.tasks, titles, today, warnDays],
  );
  const shown = rows.filter(
    (r) =>
      (!warning || r.warning === warning) &&
      (!status || r.task.status === status) &&
      (!department || r.task.department === department),
  );
  const departments = [...new Set(rows.map((r) => r.task.department).filter(Boolean))].sort();
  const colour = (w: Warning) => <Tag color={WARNING_COLORS[w]}>{l.warnings[w]}</Tag>;
  const taskColumns = [
    { title: f.no, width: 70, render: (_: unknown, r: TaskRow) => r.task.no },
    { title: '', width: 50, render: (_: unknown, r: TaskRow) => colour(r.warning) },
    { title: f.title, width: 220, ellipsis: true, render: (_: unknown, r: TaskRow) => r.item },
    {
      title: f.measure,
      ellipsis: true,
      render: (_: unknown, r: TaskRow) => r.task.measure || l.unassigned,
    },
    { title: f.department, width: 120, render: (_: unknown, r: TaskRow) => r.task.department },
    { title: f.leader, width: 90, render: (_: unknown, r: TaskRow) => r.task.leader },
    {
      title: f.due,
      width: 130,
      render: (_: unknown, r: TaskRow) => (r.task.due ? chineseDate(r.task.due) : ''),
    },
    {
      title: f.status,
      width: 150,
      render: (_: unknown, r: TaskRow) => l.statuses[r.task.status],
    },
  ];
  const table = (data: TaskRow[], testId: string) => (
    <Table<TaskRow>
      data-testid={testId}
      virtual
      size="small"
      rowKey={(r) => r.task.id}
      scroll={{ y: 480, x: 1000 }}
      pagination={false}
      dataSource={data}
      columns={taskColumns}
      locale={{ emptyText: l.noTasks }}
      onRow={(r) => ({ onClick: () => onOpen(r.task.id), style: { cursor: 'pointer' } })}
    />
  );
  const byItem = new Map<string, TaskRow[]>();
  for (const r of shown) byItem.set(r.task.itemId, [...(byItem.get(r.task.itemId) ?? []), r]);
  const duty = [...shown].sort(
    (a, b) =>
      a.task.leader.localeCompare(b.task.leader, 'zh-CN') ||
      a.task.department.localeCompare(b.task.department, 'zh-CN') ||
      compareNo(a.task.no, b.task.no),
  );
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect
          all={l.allWarnings}
          width={120}
          value={warning}
          options={WARNINGS.map((w) => ({ value: w, label: l.warnings[w] }))}
          onChange={setWarning}
        />
        <FilterSelect
          all={l.allStatuses}
          width={200}
          value={status}
          options={options(TASK_STATUSES, l.statuses)}
          onChange={setStatus}
        />
        <FilterSelect
          all={l.allDepartments}
          width={180}
          value={department}
          options={departments.map((d) => ({ value: d, label: d }))}
          onChange={setDepartment}
        />
      </Space>
      <Tabs
        items={[
          {
            key: 'items',
            label: l.tabs.items,
            children: (
              <Table
                data-testid="ledger-items"
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={[...ledger.items]}
                columns={[
                  { title: zh.finding.fields.draftNo, width: 190, dataIndex: 'draftNo' },
                  {
                    title: f.title,
                    render: (_: unknown, item) => {
                      const finding = ledger.findings.get(item.findingId);
                      const gone =
                        finding?.status === 'merged'
                          ? l.findingGone.merged
                          : finding?.status !== 'confirmed' || finding.deleted
                            ? l.findingGone.withdrawn
                            : '';
                      return (
                        <Space wrap>
                          {item.title}
                          {gone && <Tag color="orange">{gone}</Tag>}
                        </Space>
                      );
                    },
                  },
                  {
                    title: l.tabs.tasks,
                    render: (_: unknown, item) => (
                      <Space wrap>
                        {(byItem.get(item.id) ?? []).map((r) => (
                          <Tag
                            key={r.task.id}
                            color={WARNING_COLORS[r.warning]}
                            style={{ cursor: 'pointer' }}
                            onClick={() => onOpen(r.task.id)}
                          >
                            {r.task.no} {l.statuses[r.task.status]}
                          </Tag>
                        ))}
                        {canWrite && (
                          <Button
                            size="small"
                            icon={<PlusOutlined />}
                            onClick={() => onAdd(item.id)}
                          >
                            {l.addTask}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            ),
          },
          { key: 'tasks', label: l.tabs.tasks, children: table(shown, 'ledger-tasks') },
          {
            key: 'duty',
            label: l.tabs.duty,
            children: (
              <>
                <Typography.Paragraph type="secondary">
                  {f.leader} / {f.department}
                </Typography.Paragraph>
                {table(duty, 'ledger-duty')}
              </>
            ),
          },
        ]}
      />
    </>
  );
}

/** 编号 as people count them: 2-10 after 2-9, 10-1 after 9-3. */
function compareNo(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN', { numeric: true });
}
