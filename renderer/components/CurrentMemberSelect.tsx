import { Select, Space, Tooltip, Typography } from 'antd';
import { UserOutlined } from '@ant-design/icons';
import { zh } from '../../shared/i18n/zh-CN';
import { useCurrentMember, useEveryone, useMemberMutations, useMembers } from '../hooks/members';
import { useBoundMember } from '../hooks/packages';

/** "Who is using this laptop": the member whose name goes on everything written here. */
export function CurrentMemberSelect({ caseId }: { caseId: string }) {
  const members = useMembers(caseId) ?? [];
  const current = useCurrentMember(caseId);
  const { setCurrent } = useMemberMutations(caseId);
  // A laptop joined by a 组长's join package belongs to that member: no choice to make.
  const bound = useBoundMember(caseId);
  const everyone = useEveryone(caseId);
  if (bound) {
    const name = everyone?.find((m) => m.id === bound)?.name ?? '';
    return (
      <Tooltip title={zh.exchange.boundHint}>
        <Typography.Text data-testid="current-member-bound">
          <UserOutlined /> {zh.exchange.bound(name)}
          {current?.id !== bound && everyone && ` ${zh.exchange.boundRemoved}`}
        </Typography.Text>
      </Tooltip>
    );
  }
  return (
    <Space>
      <Tooltip title={zh.member.currentHint}>
        <Typography.Text type="secondary">
          <UserOutlined /> {zh.member.current}
        </Typography.Text>
      </Tooltip>
      <Select
        aria-label={zh.member.current}
        data-testid="current-member"
        style={{ minWidth: 160 }}
        placeholder={zh.member.currentPlaceholder}
        value={current?.id}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(id: string) => void setCurrent(id)}
        options={members.map((m) => ({
          value: m.id,
          label: `${m.name}（${zh.member.roles[m.role]}）`,
        }))}
      />
    </Space>
  );
}
