import { lazy, Suspense, useEffect } from 'react';
import { App as AntApp, Button, Empty, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import type { CaseRecord } from '../../shared/domain/case.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { useCases, useCreateCase } from '../hooks/cases';
import { useUi } from '../stores/ui.store';
import { useShallow } from 'zustand/react/shallow';
import { navigate } from '../app/route';
import { CaseArchiveButton } from '../components/CaseArchiveButton';
import { ImportPackageButton } from '../components/exchange/ImportPackage';
import { DemoTag, LoadDemoButton, RemoveDemoButton } from '../components/DemoCase';
import { useDemoCaseId } from '../hooks/demo';

const f = zh.case.fields;

// The case form (antd's Form, date pickers, dayjs) is not part of the first screen: its chunk
// is fetched once the list has painted and the page is idle, or when 新建巡察任务 is clicked.
const loadCaseForm = () => import('../components/CaseFormDialog');
const CaseFormDialog = lazy(async () => ({ default: (await loadCaseForm()).CaseFormDialog }));

/** 巡察任务 list: the first screen. Create, open, archive. */
export function CaseListPage() {
  const cases = useCases();
  const demoId = useDemoCaseId();
  const createCase = useCreateCase();
  const { caseListTab, setCaseListTab, dialog, openDialog, closeDialog } = useUi(
    useShallow((s) => ({
      caseListTab: s.caseListTab,
      setCaseListTab: s.setCaseListTab,
      dialog: s.dialog,
      openDialog: s.openDialog,
      closeDialog: s.closeDialog,
    })),
  );
  const { message } = AntApp.useApp();
  const shown = (cases ?? []).filter((c) => c.archived === (caseListTab === 'archived'));
  const openCase = (caseId: string) => navigate({ page: 'case', caseId, section: 'overview' });
  const open = (c: CaseRecord) => openCase(c.id);
  useEffect(() => {
    const idle = requestIdleCallback(() => void loadCaseForm(), { timeout: 2_000 });
    return () => cancelIdleCallback(idle);
  }, []);

  return (
    <div style={{ padding: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {zh.case.listTitle}
        </Typography.Title>
        <Space>
          <Button icon={<HistoryOutlined />} onClick={() => navigate({ page: 'backups' })}>
            {zh.backup.open}
          </Button>
          <ImportPackageButton onImported={(caseId) => openCase(caseId)} />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => openDialog({ kind: 'newCase' })}
          >
            {zh.case.create}
          </Button>
        </Space>
      </Space>
      <Tabs
        activeKey={caseListTab}
        onChange={(key) => setCaseListTab(key === 'archived' ? 'archived' : 'active')}
        items={[
          { key: 'active', label: zh.case.activeTab },
          { key: 'archived', label: zh.case.archivedTab },
        ]}
      />
      <Table<CaseRecord>
        rowKey="id"
        loading={cases === undefined}
        dataSource={shown}
        pagination={false}
        locale={{
          emptyText: (
            <Empty description={zh.case.empty}>
              {/* A laptop with no case at all is offered the demo case to try the app with. */}
              {cases?.length === 0 && <LoadDemoButton onLoaded={(caseId) => openCase(caseId)} />}
            </Empty>
          ),
        }}
        onRow={(c) => ({ onDoubleClick: () => open(c) })}
        columns={[
          {
            title: f.unitName,
            dataIndex: 'unitName',
            render: (name: string, c) => (
              <>
                <a onClick={() => open(c)}>{name}</a>
                {c.id === demoId && <DemoTag />}
              </>
            ),
          },
          { title: f.teamName, dataIndex: 'teamName' },
          { title: f.round, dataIndex: 'round' },
          { title: f.type, dataIndex: 'type', render: (t: CaseRecord['type']) => zh.case.types[t] },
          {
            title: f.dates,
            key: 'dates',
            render: (_, c) => `${c.startDate} 至 ${c.endDate}`,
          },
          {
            title: f.status,
            dataIndex: 'status',
            render: (s: CaseRecord['status']) => <Tag>{zh.case.statuses[s]}</Tag>,
          },
          {
            title: zh.common.actions,
            key: 'actions',
            render: (_, c) => (
              <Space>
                <Button size="small" onClick={() => open(c)}>
                  {zh.common.open}
                </Button>
                <CaseArchiveButton caseRecord={c} />
                {c.id === demoId && <RemoveDemoButton caseId={c.id} />}
              </Space>
            ),
          },
        ]}
      />
      {dialog.kind === 'newCase' && (
        <Suspense fallback={<Spin fullscreen />}>
          <CaseFormDialog
            onClose={closeDialog}
            onSave={async (values) => {
              const { caseRecord } = await createCase(values);
              void message.success(zh.case.createdToast);
              open(caseRecord);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
