import { useRef, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Modal,
  Space,
  Table,
  Tooltip,
  Typography,
} from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import { zh } from '../../../shared/i18n/zh-CN';
import { fingerprint } from '../../../shared/package/fingerprint';
import { newPassphrase } from '../../../shared/package/passphrase';
import { PackageError } from '../../../shared/package/problems';
import type { CaseRecord } from '../../../shared/domain/case.schema';
import type { MemberRecord } from '../../../shared/domain/member.schema';
import type { Actor, PackageKind } from '../../db';
import { makePackage, useSentUpTo } from '../../hooks/packages';
import { useRepos } from '../../app/session';
import { TransferProgress, useTransfer } from './TransferProgress';

const t = zh.exchange;

interface Props {
  readonly caseRecord: CaseRecord;
  readonly team: readonly MemberRecord[];
  readonly me: MemberRecord;
  readonly actor: Actor;
}

/**
 * 导出数据包. A member sends their work to the 组长; the 组长 sends each member a join package
 * (a passphrase the first time) or a summary of the team's work.
 */
export function ExportPanel(props: Props) {
  const { me, team } = props;
  const repos = useRepos();
  const [busy, setBusy] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState<{ member: MemberRecord; value: string } | null>(
    null,
  );
  const cancelRef = useRef<(() => void) | null>(null);
  const { transfer, report, reset } = useTransfer();
  const { message } = AntApp.useApp();
  const leader = team.find((m) => m.role === 'leader');

  const run = async (
    kind: PackageKind,
    forMember: MemberRecord,
    options: { onlyChanges: boolean; passphrase?: string },
  ) => {
    setBusy(`${kind}:${forMember.id}`);
    reset();
    try {
      const made = await makePackage(
        repos,
        { ...props, kind, forMember, ...options },
        { onCancel: (cancel) => (cancelRef.current = cancel), onProgress: report },
      );
      if (!made) void message.info(t.notSaved);
      else if (!made.noted) void message.warning(t.savedNotNoted(made.saved.name));
      else if (made.saved.status === 'downloading') {
        void message.success(t.downloading(made.saved.name));
      } else if (made.saved.flushed) void message.success(t.savedFlushed(made.saved.name));
      else void message.success(t.saved(made.saved.name));
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      if (error instanceof PackageError && error.problem === 'cancelled') void message.info(text);
      else void message.error(`${t.notSaved}${text}`);
    } finally {
      setBusy(null);
      cancelRef.current = null;
    }
  };

  const progress = (
    <Modal
      open={busy !== null}
      title={t.exportTitle}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={<Button onClick={() => cancelRef.current?.()}>{t.cancel}</Button>}
    >
      {transfer ? (
        <TransferProgress transfer={transfer} />
      ) : (
        <Typography.Paragraph>{t.sealing}</Typography.Paragraph>
      )}
    </Modal>
  );
  if (me.role !== 'leader') {
    return leader ? (
      <>
        <ToLeader {...props} leader={leader} busy={busy !== null} run={run} />
        {progress}
      </>
    ) : null;
  }
  return (
    <>
      {progress}
      <Typography.Paragraph type="secondary">{t.summaryHint}</Typography.Paragraph>
      <Table<MemberRecord>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={team.filter((m) => m.id !== me.id)}
        columns={[
          { title: t.members, dataIndex: 'name' },
          {
            title: t.key,
            dataIndex: 'recipient',
            render: (r: string | undefined) =>
              r ? (
                <Typography.Text code>{fingerprint(r)}</Typography.Text>
              ) : (
                <Tooltip title={t.notJoinedHint}>
                  <Typography.Text type="secondary">{t.notJoined}</Typography.Text>
                </Tooltip>
              ),
          },
          {
            title: zh.common.actions,
            key: 'actions',
            render: (_, m) => (
              <Space>
                <Button
                  size="small"
                  loading={busy === `join:${m.id}`}
                  disabled={busy !== null}
                  data-testid={`join-package-${m.name}`}
                  onClick={() =>
                    m.recipient
                      ? void run('join', m, { onlyChanges: false })
                      : setPassphrase({ member: m, value: newPassphrase() })
                  }
                >
                  {t.join}
                </Button>
                <Button
                  size="small"
                  loading={busy === `summary:${m.id}`}
                  disabled={busy !== null || !m.recipient}
                  data-testid={`summary-package-${m.name}`}
                  onClick={() => void run('summary', m, { onlyChanges: false })}
                >
                  {t.summary}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={passphrase !== null}
        title={passphrase ? t.passphraseTitle(passphrase.member.name) : ''}
        okText={t.passphraseKeep}
        cancelText={zh.common.cancel}
        onCancel={() => setPassphrase(null)}
        onOk={() => {
          if (!passphrase) return;
          setPassphrase(null);
          void run('join', passphrase.member, { onlyChanges: false, passphrase: passphrase.value });
        }}
      >
        <Typography.Paragraph>{t.passphraseHint}</Typography.Paragraph>
        <Typography.Text
          strong
          copyable
          style={{ fontFamily: 'monospace', fontSize: 20 }}
          data-testid="join-passphrase"
        >
          {passphrase?.value}
        </Typography.Text>
      </Modal>
    </>
  );
}

function ToLeader(
  props: Props & {
    leader: MemberRecord;
    busy: boolean;
    run: (kind: PackageKind, m: MemberRecord, o: { onlyChanges: boolean }) => Promise<void>;
  },
) {
  const { leader, busy, run, caseRecord } = props;
  const sentUpTo = useSentUpTo(caseRecord.id, leader.id) ?? 0;
  const [onlyChanges, setOnlyChanges] = useState(true);
  if (!leader.recipient) return <Alert type="warning" showIcon message={t.noLeaderKey} />;
  return (
    <Space direction="vertical">
      <Typography.Text type="secondary">{t.toLeaderHint(leader.name)}</Typography.Text>
      {sentUpTo > 0 && (
        <Checkbox checked={onlyChanges} onChange={(e) => setOnlyChanges(e.target.checked)}>
          {t.onlyChanges}
          <Typography.Text type="secondary"> {t.onlyChangesHint}</Typography.Text>
        </Checkbox>
      )}
      <Button
        type="primary"
        icon={<ExportOutlined />}
        loading={busy}
        data-testid="member-package"
        onClick={() => void run('member', leader, { onlyChanges: onlyChanges && sentUpTo > 0 })}
      >
        {t.toLeader}
      </Button>
    </Space>
  );
}
