import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  List,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, SafetyOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { zh } from '../../shared/i18n/zh-CN';
import { formatBytes } from '../../shared/domain/attachment';
import { navigate } from '../app/route';
import { useCases } from '../hooks/cases';
import { useSnapshots, type CheckState } from '../hooks/snapshots';
import { saveCertificate, useCertificates, type ClearanceCertificate } from '../hooks/clearance';
import { ImportPackageButton } from '../components/exchange/ImportPackage';
import { SecondFolderCard } from '../components/backup/SecondFolderCard';
import { NoSpaceForSnapshot, snapshotAsPicked, type Snapshot } from '../snapshots/snapshots';

const t = zh.backup;

const STATE_COLOR: Record<CheckState, string> = {
  unchecked: 'default',
  checking: 'processing',
  ok: 'success',
  damaged: 'error',
};

/**
 * 备份与恢复: every snapshot on this laptop, newest first. Each can be checked (opened all the
 * way, nothing kept) and restored as a merge, previewed first like any package.
 */
export function BackupPage() {
  const { list, stateOf, verify, takeAll } = useSnapshots();
  const cases = useCases();
  const [taking, setTaking] = useState(false);
  const { message } = AntApp.useApp();
  const unitOf = (s: Snapshot) =>
    s.meta?.unitName || cases?.find((c) => c.id === s.caseId)?.unitName || t.unknownCase;

  const takeNow = async () => {
    setTaking(true);
    try {
      const n = await takeAll();
      void message.success(n === 0 ? t.nothingToTake : t.taken(n));
    } catch (error) {
      const why = error instanceof NoSpaceForSnapshot ? t.noSpace : t.failedOther;
      void message.error(t.takeFailed(why));
    } finally {
      setTaking(false);
    }
  };

  const check = async (name: string) => {
    const ok = await verify(name);
    void (ok ? message.success(t.verified) : message.error(t.verifyFailed));
  };

  return (
    <div style={{ padding: 24 }} data-testid="backup-page">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }}>
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ page: 'cases' })}>
            {t.back}
          </Button>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t.title}
          </Typography.Title>
        </Space>
        <Button
          type="primary"
          icon={<SafetyOutlined />}
          loading={taking}
          onClick={() => void takeNow()}
          data-testid="take-snapshots"
        >
          {taking ? t.taking : t.takeNow}
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">{t.lead}</Typography.Paragraph>
      <Alert type="info" showIcon message={t.where} style={{ marginBottom: 16 }} />
      <SecondFolderCard />
      <Table<Snapshot>
        rowKey="name"
        size="small"
        loading={list === undefined}
        dataSource={list ? [...list] : []}
        locale={{ emptyText: t.empty }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: t.columns.case, key: 'case', render: (_, s) => unitOf(s) },
          {
            title: t.columns.time,
            dataIndex: 'takenAt',
            width: 170,
            render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss'),
          },
          {
            title: t.columns.reason,
            dataIndex: 'reason',
            width: 80,
            render: (r: string) => t.reasons[r],
          },
          {
            title: t.columns.size,
            dataIndex: 'size',
            width: 100,
            render: (n: number) => formatBytes(n),
          },
          {
            title: t.columns.contents,
            key: 'contents',
            render: (_, s) => (s.meta ? t.contents(s.meta.counts) : '—'),
          },
          {
            title: t.columns.state,
            key: 'state',
            width: 90,
            render: (_, s) => {
              const state = stateOf(s);
              const tag = (
                <Tag color={STATE_COLOR[state]} data-testid="snapshot-state">
                  {t.states[state]}
                </Tag>
              );
              return state === 'damaged' ? <Tooltip title={t.damagedHint}>{tag}</Tooltip> : tag;
            },
          },
          {
            title: t.columns.actions,
            key: 'actions',
            render: (_, s) => {
              const state = stateOf(s);
              return (
                <Space>
                  <Button
                    size="small"
                    disabled={state === 'checking' || s.damaged}
                    onClick={() => void check(s.name)}
                    data-testid="verify-snapshot"
                  >
                    {t.verify}
                  </Button>
                  {state !== 'damaged' &&
                    ([false, true] as const).map((asCopy) => (
                      <ImportPackageButton
                        key={String(asCopy)}
                        source={{
                          pick: () => snapshotAsPicked(s.name),
                          label: asCopy ? t.restoreCopy : t.restore,
                          testId: asCopy ? 'restore-snapshot-copy' : 'restore-snapshot',
                          snapshot: { name: s.name, takenAt: s.takenAt },
                          asCopy,
                        }}
                        onImported={(caseId) =>
                          navigate({ page: 'case', caseId, section: 'overview' })
                        }
                      />
                    ))}
                </Space>
              );
            },
          },
        ]}
      />
      <Certificates />
    </div>
  );
}

/** 清退证明 of cases given up on this laptop: kept to be exported again. */
function Certificates() {
  const certificates = useCertificates();
  const { message } = AntApp.useApp();
  if (!certificates?.length) return null;
  const save = async (c: ClearanceCertificate) => {
    const saved = await saveCertificate(c);
    if (saved) void message.success(zh.clearance.certificateSaved(saved.name));
  };
  return (
    <Card title={zh.clearance.certificates} size="small" style={{ marginTop: 16 }}>
      <List
        dataSource={certificates}
        renderItem={(c) => (
          <List.Item
            actions={[
              <Button key="save" size="small" onClick={() => void save(c)}>
                {zh.clearance.exportCertificate}
              </Button>,
            ]}
          >
            {c.unitName} · {c.memberName} · {dayjs(c.clearedAt).format('YYYY-MM-DD HH:mm')}
          </List.Item>
        )}
      />
    </Card>
  );
}
