import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import type { CaseRecord } from '../../../shared/domain/case.schema';
import type { FindingRecord } from '../../../shared/domain/findings/finding.schema';
import { focusPath } from '../../../shared/domain/focus';
import { reportPlan } from '../../../shared/domain/report/plan';
import { zh } from '../../../shared/i18n/zh-CN';
import { chineseNumeral } from '../../../shared/documents/words';
import { navigate } from '../../app/route';

const r = zh.report;

/**
 * 二、发现的主要问题 as the report will print it: each heading with its findings in order, and
 * the findings left out with the reason, so the 组长 sees the structure before exporting.
 */
export function ReportPlanCard(props: {
  caseRecord: CaseRecord;
  findings: readonly FindingRecord[];
}) {
  const { caseRecord, findings } = props;
  const plan = reportPlan(caseRecord, findings);
  const open = (f: FindingRecord) =>
    navigate({ page: 'case', caseId: caseRecord.id, section: 'findings', recordId: f.id });
  const name = (f: FindingRecord) => f.title || zh.finding.untitled;
  const byId = new Map(findings.map((f) => [f.id, f]));
  return (
    <Card title={r.structure} size="small" data-testid="report-plan">
      {plan.headings.length === 0 && <Empty description={r.noneConfirmed} />}
      {plan.headings.map((h, i) => (
        <div key={h.heading.key} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{`（${chineseNumeral(i + 1)}）${h.text}`}</Typography.Text>
          <ol style={{ margin: '4px 0 0', paddingLeft: 24 }}>
            {h.findings.map((f) => (
              <li key={f.id}>
                <Typography.Link onClick={() => open(f)}>{name(f)}</Typography.Link>{' '}
                <Typography.Text type="secondary">{f.draftNo}</Typography.Text>
              </li>
            ))}
          </ol>
        </div>
      ))}
      {plan.leftOut.length > 0 && (
        <List
          size="small"
          header={
            <Typography.Text type="warning">{r.leftOutTitle(plan.leftOut.length)}</Typography.Text>
          }
          dataSource={[...plan.leftOut]}
          renderItem={({ finding, reason }) => (
            <List.Item data-testid="left-out">
              <Space wrap>
                <Typography.Link onClick={() => open(finding)}>{name(finding)}</Typography.Link>
                {finding.category && <Tag>{focusPath(finding.category)}</Tag>}
                <Typography.Text type="secondary">
                  {reason === 'merged' && byId.get(finding.mergedInto)
                    ? r.mergedInto(name(byId.get(finding.mergedInto)!))
                    : r.leftOut[reason]}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
