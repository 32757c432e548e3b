import { App as AntApp, Button, Card, Popconfirm, Space, Table, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { MemberRecord } from '../../shared/domain/member.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { LaptopKeyCard } from '../components/LaptopKeyCard';
import { MemberFormDialog } from '../components/MemberFormDialog';
import { useCurrentMember, useMemberMutations, useMembers } from '../hooks/members';
import { useUi } from '../stores/ui.store';
import { useShallow } from 'zustand/react/shallow';

const f = zh.member.fields;

/** 巡察组成员: the team list, add / edit / remove. */
export function TeamPage({ caseId }: { caseId: string }) {
  const members = useMembers(caseId);
  const current = useCurrentMember(caseId);
  const mutations = useMemberMutations(caseId);
  const { dialog, openDialog, closeDialog } = useUi(
    useShallow((s) => ({ dialog: s.dialog, openDialog: s.openDialog, closeDialog: s.closeDialog })),
  );
  const { message } = AntApp.useApp();
  // Adding and removing members is the 组长's (the repository refuses it to anyone else).
  const leader = members?.find((m) => m.role === 'leader');
  const canManage = mutations.canWrite && (!leader || leader.id === current?.id);
  const editing =
    dialog.kind === 'editMember' ? members?.find((m) => m.id === dialog.memberId) : undefined;

  return (
    <Card
      title={zh.member.title}
      extra={
        <Tooltip title={mutations.canWrite && !canManage ? zh.member.leaderManagesTeam : ''}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!canManage}
            onClick={() => openDialog({ kind: 'newMember' })}
          >
            {zh.member.add}
          </Button>
        </Tooltip>
      }
    >
      <Table<MemberRecord>
        rowKey="id"
        loading={members === undefined}
        dataSource={members ?? []}
        pagination={false}
        locale={{ emptyText: zh.member.empty }}
        columns={[
          {
            title: f.name,
            dataIndex: 'name',
            render: (name: string, m) => (
              <Space>
                {name}
                {m.id === current?.id && <Tag color="green">{zh.member.current}</Tag>}
              </Space>
            ),
          },
          {
            title: f.role,
            dataIndex: 'role',
            render: (r: MemberRecord['role']) => zh.member.roles[r],
          },
          { title: f.title, dataIndex: 'title' },
          { title: f.phone, dataIndex: 'phone' },
          {
            title: zh.common.actions,
            key: 'actions',
            render: (_, m) => (
              <Space>
                <Button
                  size="small"
                  disabled={!mutations.canWrite}
                  onClick={() => openDialog({ kind: 'editMember', memberId: m.id })}
                >
                  {zh.common.edit}
                </Button>
                <Popconfirm
                  title={zh.member.removeConfirm}
                  okText={zh.common.confirm}
                  cancelText={zh.common.cancel}
                  disabled={!canManage}
                  onConfirm={() =>
                    void mutations.remove(m.id).then(
                      () => message.success(zh.member.removed),
                      (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
                    )
                  }
                >
                  <Button size="small" danger disabled={!canManage || m.role === 'leader'}>
                    {zh.common.remove}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <LaptopKeyCard leader={current?.role === 'leader'} />
      {(dialog.kind === 'newMember' || dialog.kind === 'editMember') && (
        <MemberFormDialog
          existing={editing}
          onClose={closeDialog}
          onSave={(values) =>
            editing ? mutations.update(editing.id, values) : mutations.add(values)
          }
        />
      )}
    </Card>
  );
}
