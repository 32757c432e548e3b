import { Alert, Card, Col, Row, Space } from 'antd';
import { documentFileName } from '../../shared/documents';
import { zh } from '../../shared/i18n/zh-CN';
import { useCase } from '../hooks/cases';
import { useReportFindings, useIsLeader } from '../hooks/findings';
import { useCurrentMember } from '../hooks/members';
import { ExportButton } from '../components/report/ExportButton';
import { ReportPlanCard } from '../components/report/ReportPlanCard';
import { ReportSettings } from '../components/report/ReportSettings';
import type { ExportRequest } from '../hooks/documents';
import type { DocumentOrder } from '../documents/protocol';

const r = zh.report;

/**
 * 巡察报告: the 组长 writes the report's own texts, sees which findings go under which heading
 * (and which are left out, and why), and exports every document of the case.
 */
export function ReportPage({ caseId }: { caseId: string }) {
  const caseRecord = useCase(caseId);
  const findings = useReportFindings(caseId);
  const me = useCurrentMember(caseId);
  const isLeader = useIsLeader(caseId);
  if (!caseRecord || !findings) return null;
  const request = (order: Exclude<DocumentOrder, { kind: 'interview' }>): ExportRequest | null =>
    me
      ? {
          caseId,
          viewerId: me.id,
          order,
          suggestedName: documentFileName(order, caseRecord),
        }
      : null;
  const noMember = me ? undefined : zh.member.chooseCurrentFirst;
  return (
    <Row gutter={16}>
      <Col span={14}>
        {!isLeader && (
          <Alert type="info" showIcon title={r.readOnlyHint} style={{ marginBottom: 12 }} />
        )}
        <ReportSettings caseRecord={caseRecord} canEdit={isLeader} />
      </Col>
      <Col span={10}>
        <Card title={r.exportTitle} size="small" style={{ marginBottom: 16 }}>
          <Space direction="vertical">
            <ExportButton
              primary
              label={r.kinds.report}
              request={request({ kind: 'report' })}
              disabledReason={noMember}
            />
            <ExportButton
              label={r.kinds.feedback}
              request={request({ kind: 'feedback' })}
              disabledReason={noMember}
            />
            <ExportButton
              label={r.draftAll}
              request={request({ kind: 'draft' })}
              disabledReason={noMember}
            />
            <ExportButton
              label={r.kinds.checklist}
              request={request({ kind: 'checklist' })}
              disabledReason={noMember}
            />
            <ExportButton
              label={r.kinds.clues}
              request={request({ kind: 'clues' })}
              disabledReason={noMember ?? (isLeader ? undefined : r.cluesLeaderOnly)}
            />
          </Space>
        </Card>
        <ReportPlanCard caseRecord={caseRecord} findings={findings} />
      </Col>
    </Row>
  );
}
