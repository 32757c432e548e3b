import { Button, Card, Descriptions, Space } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { chineseDate } from '../../shared/domain/dates';
import { zh } from '../../shared/i18n/zh-CN';
import { CaseArchiveButton } from '../components/CaseArchiveButton';
import { CaseFormDialog } from '../components/CaseFormDialog';
import { StatsCards } from '../components/StatsCards';
import { LedgerGlance } from '../components/ledger/LedgerGlance';
import { useCase, useCaseMutations } from '../hooks/cases';
import { useMembers } from '../hooks/members';
import { useUi } from '../stores/ui.store';
import { useShallow } from 'zustand/react/shallow';

const f = zh.case.fields;

/** 概览: what this case is, and who is on the team. */
export function OverviewPage({ caseId }: { caseId: string }) {
  const caseRecord = useCase(caseId);
  const members = useMembers(caseId) ?? [];
  const { update, canWrite } = useCaseMutations(caseId);
  const { dialog, openDialog, closeDialog } = useUi(
    useShallow((s) => ({ dialog: s.dialog, openDialog: s.openDialog, closeDialog: s.closeDialog })),
  );
  if (!caseRecord) return null;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={zh.workspace.overview}
        extra={
          <Space>
            <Button
              icon={<EditOutlined />}
              disabled={!canWrite}
              onClick={() => openDialog({ kind: 'editCase', caseId })}
            >
              {zh.common.edit}
            </Button>
            <CaseArchiveButton caseRecord={caseRecord} />
          </Space>
        }
      >
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label={f.unitName}>{caseRecord.unitName}</Descriptions.Item>
          <Descriptions.Item label={f.teamName}>
            {caseRecord.teamName || zh.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={f.round}>
            {caseRecord.round || zh.common.none}
          </Descriptions.Item>
          <Descriptions.Item label={f.type}>{zh.case.types[caseRecord.type]}</Descriptions.Item>
          <Descriptions.Item label={zh.workspace.period}>
            {chineseDate(caseRecord.startDate)} 至 {chineseDate(caseRecord.endDate)}
          </Descriptions.Item>
          <Descriptions.Item label={f.status}>
            {zh.case.statuses[caseRecord.status]}
          </Descriptions.Item>
          <Descriptions.Item label={zh.workspace.memberCount} span={2}>
            {members.map((m) => `${m.name}（${zh.member.roles[m.role]}）`).join('、') ||
              zh.common.none}
          </Descriptions.Item>
          {caseRecord.notes && (
            <Descriptions.Item label={f.notes} span={2}>
              {caseRecord.notes}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <StatsCards caseId={caseId} />
      <LedgerGlance caseRecord={caseRecord} />
      {dialog.kind === 'editCase' && (
        <CaseFormDialog existing={caseRecord} onClose={closeDialog} onSave={update} />
      )}
    </Space>
  );
}
