import { Alert, Card, Space, Typography } from 'antd';
import { zh } from '../../shared/i18n/zh-CN';
import { ConflictList } from '../components/exchange/ConflictList';
import { ExportPanel } from '../components/exchange/ExportPanel';
import { ClearancePanel } from '../components/exchange/ClearancePanel';
import { ImportPackageButton } from '../components/exchange/ImportPackage';
import { useCase } from '../hooks/cases';
import { useActor, useCurrentMember, useMembers } from '../hooks/members';
import { useConflicts } from '../hooks/packages';

const t = zh.exchange;

/** 数据交换: packages out and in over USB sticks, and the conflicts merges found. */
export function ExchangePage({ caseId }: { caseId: string }) {
  const caseRecord = useCase(caseId);
  const team = useMembers(caseId);
  const me = useCurrentMember(caseId);
  const actor = useActor(caseId);
  const conflicts = useConflicts(caseId, actor);
  if (!caseRecord || !team) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t.intro}
      </Typography.Paragraph>
      <Card title={t.exportTitle} size="small">
        {me && actor ? (
          <ExportPanel caseRecord={caseRecord} team={team} me={me} actor={actor} />
        ) : (
          <Alert type="warning" showIcon message={zh.member.chooseCurrentFirst} />
        )}
      </Card>
      <Card title={t.importTitle} size="small">
        <Space direction="vertical">
          <Typography.Text type="secondary">{t.importHint}</Typography.Text>
          <ImportPackageButton />
        </Space>
      </Card>
      {actor && <ConflictList conflicts={conflicts ?? []} team={team} actor={actor} />}
      {/* The 组长's laptop keeps the merged case: 清退 is for a member's. */}
      {me && me.role !== 'leader' && <ClearancePanel caseRecord={caseRecord} me={me} />}
    </Space>
  );
}
