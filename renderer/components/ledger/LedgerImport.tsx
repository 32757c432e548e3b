import { useState } from 'react';
import { App as AntApp, Alert, Button, List, Modal, Space, Table, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { ImportReading, Proposal } from '../../../shared/documents/ledger/import';
import { readTasksInWorker } from '../../documents/documentClient';
import { zh } from '../../../shared/i18n/zh-CN';
import { pickFile } from '../../host/fileStreams';
import { useLedgerActions } from '../../hooks/ledger';
import { useRepos } from '../../app/session';

const l = zh.ledger;
const MAX_WORKBOOK_BYTES = 50 * 2 ** 20;

/** What a proposed value reads as: labels for choices, 元 for money. */
function shown(p: Proposal, value: string | number): string {
  if (p.field === 'status') return l.statuses[value as keyof typeof l.statuses] ?? String(value);
  if (p.field === 'stage') return l.stages[value as keyof typeof l.stages] ?? String(value);
  if (p.field === 'recoveredFen') return `${(Number(value) / 100).toFixed(2)} 元`;
  return String(value) || l.unassigned;
}

/**
 * 导入单位填报的任务清单: the workbook is read here and every changed cell is shown for the 组长
 * to accept or not; rows matching no task and cells that cannot be read are listed. Nothing is
 * written before 接受所选.
 */
export function LedgerImport(props: { caseId: string }) {
  const actions = useLedgerActions(props.caseId);
  const { message } = AntApp.useApp();
  const [reading, setReading] = useState<ImportReading | null>(null);
  const [chosen, setChosen] = useState<readonly number[]>([]);
  const repos = useRepos();
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    const picked = await pickFile({
      filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }],
      maxBytes: MAX_WORKBOOK_BYTES,
    });
    if (picked.status === 'cancelled') return;
    if (picked.status === 'tooLarge') return void message.error(l.import.tooLarge(picked.name));
    setBusy(true);
    try {
      const bytes = new Uint8Array(await new Response(picked.stream()).arrayBuffer());
      const read = await readTasksInWorker(props.caseId, repos.readerKey(props.caseId), bytes);
      setReading(read);
      setChosen(read.proposals.map((_, i) => i));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
      await picked.close();
    }
  };

  const accept = async () => {
    if (!reading) return;
    const accepted = chosen.map((i) => reading.proposals[i]!);
    const { written, refused } = await actions.applyImport(accepted);
    setReading(null);
    if (refused.length > 0) void message.warning(l.import.partly(written, refused.length));
    else void message.success(l.import.applied(written));
  };

  return (
    <>
      <Button
        icon={<UploadOutlined />}
        loading={busy}
        disabled={!actions.canWrite}
        onClick={() => void choose()}
      >
        {l.import.button}
      </Button>
      <Modal
        open={reading !== null}
        width={900}
        title={l.import.title}
        okText={l.import.accept(chosen.length)}
        cancelText={zh.common.cancel}
        okButtonProps={{ disabled: chosen.length === 0 }}
        onOk={() => void accept()}
        onCancel={() => setReading(null)}
        destroyOnHidden
      >
        {reading && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {l.import.summary(reading.rows, reading.proposals.length)}
            </Typography.Text>
            <Table<Proposal & { key: number }>
              data-testid="import-proposals"
              size="small"
              virtual
              scroll={{ y: 360 }}
              pagination={false}
              rowSelection={{
                selectedRowKeys: [...chosen],
                onChange: (keys) => setChosen(keys.map(Number)),
              }}
              dataSource={reading.proposals.map((p, key) => ({ ...p, key }))}
              columns={[
                { title: l.fields.no, dataIndex: 'no', width: 70 },
                { title: l.import.column, dataIndex: 'label', width: 160 },
                { title: l.import.was, render: (_, p) => shown(p, p.from) },
                { title: l.import.becomes, render: (_, p) => shown(p, p.to) },
              ]}
            />
            {reading.unmatched.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={l.import.unmatched(reading.unmatched.length)}
                description={reading.unmatched
                  .slice(0, 20)
                  .map((u) => l.import.row(u.row, u.no))
                  .join('；')}
              />
            )}
            {reading.problems.length > 0 && (
              <List
                size="small"
                header={l.import.problems(reading.problems.length)}
                dataSource={reading.problems.slice(0, 50)}
                renderItem={(p) => <List.Item>{l.import.row(p.row, p.message)}</List.Item>}
              />
            )}
          </Space>
        )}
      </Modal>
    </>
  );
}
