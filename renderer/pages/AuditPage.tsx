import { useMemo, useState } from 'react';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../../shared/domain/audit.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { useAuditLog } from '../hooks/audit';
import { useDeviceId } from '../hooks/device';
import { useIsLeader } from '../hooks/findings';
import { useEveryone } from '../hooks/members';
import { auditDetail, auditTime } from '../components/audit/auditText';
import { options } from '../components/options';
import { FilterSelect } from '../components/FilterSelect';

const a = zh.audit;

/** Colours of the actions that deserve a second look. */
const COLORS: Partial<Record<AuditAction, string>> = {
  unlockFailed: 'red',
  clear: 'red',
  snapshotRestore: 'orange',
  clueView: 'purple',
  clueChange: 'purple',
};

/**
 * 审计日志: the case's log, newest first. The 组长 reads every entry, from every laptop whose
 * package arrived; a member the entries of this laptop. Filtered by member and by action;
 * virtualised, since a round of weeks on several laptops makes thousands of entries.
 */
export function AuditPage({ caseId }: { caseId: string }) {
  const entries = useAuditLog(caseId);
  const everyone = useEveryone(caseId);
  const isLeader = useIsLeader(caseId);
  const here = useDeviceId();
  const [member, setMember] = useState<string | undefined>();
  const [action, setAction] = useState<AuditAction | undefined>();
  const names = useMemo(() => new Map((everyone ?? []).map((m) => [m.id, m.name])), [everyone]);
  const nameOf = (id: string) => (id === '' ? a.noMember : (names.get(id) ?? id.slice(-6)));
  const memberIds = useMemo(() => [...new Set((entries ?? []).map((e) => e.memberId))], [entries]);
  const shown = useMemo(
    () =>
      (entries ?? []).filter(
        (e) => (member === undefined || e.memberId === member) && (!action || e.action === action),
      ),
    [entries, member, action],
  );

  return (
    <Card title={a.title}>
      <Typography.Paragraph type="secondary">
        {isLeader ? a.leaderIntro : a.memberIntro}
      </Typography.Paragraph>
      <Alert type="info" showIcon title={a.appendOnly} style={{ marginBottom: 16 }} />
      <Space wrap style={{ marginBottom: 12 }}>
        <FilterSelect
          all={a.allMembers}
          width={160}
          value={member}
          options={memberIds.map((id) => ({ value: id, label: nameOf(id) }))}
          onChange={setMember}
        />
        <FilterSelect
          all={a.allActions}
          width={160}
          value={action}
          options={options(AUDIT_ACTIONS, a.actions)}
          onChange={setAction}
        />
        {entries && (
          <Typography.Text type="secondary" data-testid="audit-count">
            {a.count(shown.length, entries.length)}
          </Typography.Text>
        )}
      </Space>
      <Table<AuditEntry>
        data-testid="audit-log"
        virtual
        size="small"
        rowKey="id"
        loading={entries === undefined}
        scroll={{ y: 560, x: 900 }}
        pagination={false}
        dataSource={shown}
        locale={{ emptyText: a.empty }}
        columns={[
          { title: a.time, width: 170, render: (_, e) => auditTime(e.at) },
          { title: a.member, width: 110, render: (_, e) => nameOf(e.memberId) },
          {
            title: a.laptop,
            width: 90,
            render: (_, e) =>
              e.deviceId === here ? (
                <Tag>{a.thisLaptop}</Tag>
              ) : (
                <Typography.Text code>{e.deviceId.slice(-6)}</Typography.Text>
              ),
          },
          {
            title: a.action,
            width: 110,
            render: (_, e) => <Tag color={COLORS[e.action]}>{a.actions[e.action]}</Tag>,
          },
          { title: a.detail, ellipsis: true, render: (_, e) => auditDetail(e) },
        ]}
      />
    </Card>
  );
}
