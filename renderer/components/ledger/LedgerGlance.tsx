import { Button, Card, Space, Tag, Typography } from 'antd';
import { chineseDate, localIsoDate } from '../../../shared/domain/dates';
import type { CaseRecord } from '../../../shared/domain/case.schema';
import { caseDeadlines } from '../../../shared/domain/ledger/deadlines';
import { ledgerOverview, WARNINGS } from '../../../shared/domain/ledger/warning';
import { zh } from '../../../shared/i18n/zh-CN';
import { navigate } from '../../app/route';
import { useLedger } from '../../hooks/ledger';
import { WARNING_COLORS } from './ledgerText';

const l = zh.ledger;

/** The ledger on the case overview, once there is one: colours, completion, the report's due day. */
export function LedgerGlance({ caseRecord }: { caseRecord: CaseRecord }) {
  const ledger = useLedger(caseRecord.id);
  if (!ledger || ledger.items.length === 0) return null;
  const today = localIsoDate(new Date());
  const overview = ledgerOverview(ledger.tasks, today, caseRecord.warnDays);
  const report = caseDeadlines(caseRecord.feedbackDate, caseRecord.holidays)?.report;
  return (
    <Card
      size="small"
      title={l.title}
      data-testid="ledger-glance"
      extra={
        <Button
          type="link"
          onClick={() =>
            navigate({ page: 'case', caseId: caseRecord.id, section: 'rectification' })
          }
        >
          {l.openLedger}
        </Button>
      }
    >
      <Space wrap>
        <Typography.Text>{l.counts(ledger.items.length, overview.tasks)}</Typography.Text>
        {WARNINGS.map((w) => (
          <Tag key={w} color={WARNING_COLORS[w]}>
            {l.warnings[w]} {overview.byWarning[w]}
          </Tag>
        ))}
        <Typography.Text strong>{l.completion(overview.completionRate)}</Typography.Text>
        {report && (
          <Typography.Text type="secondary">
            {l.deadlines.report}：{chineseDate(report)}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
