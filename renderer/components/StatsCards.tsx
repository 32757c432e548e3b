import { Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { formatAmount } from '../../shared/domain/findings/amount';
import { zh } from '../../shared/i18n/zh-CN';
import { useStats } from '../hooks/findings';

const d = zh.dashboard;

/** The figures the report will quote, computed from the records, never typed in. */
export function StatsCards({ caseId }: { caseId: string }) {
  const stats = useStats(caseId);
  if (!stats) return null;
  const cards = [
    {
      key: 'interviews',
      title: d.interviews,
      value: stats.interviewPeople,
      suffix: d.interviewUnit,
    },
    { key: 'docReviews', title: d.docReviews, value: stats.docReviews, suffix: d.docUnit },
    { key: 'siteVisits', title: d.siteVisits, value: stats.siteVisits, suffix: d.visitUnit },
    { key: 'petitions', title: d.petitions, value: stats.petitions, suffix: d.petitionUnit },
    { key: 'findings', title: d.findings, value: stats.confirmedFindings, suffix: d.findingUnit },
    { key: 'clues', title: d.clues, value: stats.clues, suffix: d.clueUnit },
  ];
  return (
    <Card title={d.title} data-testid="stats">
      <Row gutter={[16, 16]}>
        {cards.map((c) => (
          <Col span={4} key={c.key}>
            <Statistic
              title={c.title}
              value={c.value}
              suffix={c.suffix}
              data-testid={`stat-${c.key}`}
            />
          </Col>
        ))}
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={8}>
          <Statistic
            title={d.amount}
            value={formatAmount(stats.amountFen)}
            data-testid="stat-amount"
          />
        </Col>
        <Col span={16}>
          <Typography.Text type="secondary">{d.byArea}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {stats.byArea.map((a) => (
              <Tag key={a.code} color={a.count > 0 ? 'red' : undefined}>
                {a.label} {a.count}
              </Tag>
            ))}
          </div>
          {stats.compare.hits > 0 && (
            <div data-testid="stat-compare">
              <Typography.Text type="secondary">
                {d.compare(
                  stats.compare.hits,
                  stats.compare.verified,
                  stats.compare.findings,
                  stats.compare.clues,
                )}
              </Typography.Text>
            </div>
          )}
          {stats.pendingFindings + stats.draftFindings > 0 && (
            <Typography.Text type="secondary">
              {d.openFindings(stats.pendingFindings, stats.draftFindings)}
            </Typography.Text>
          )}
        </Col>
      </Row>
    </Card>
  );
}
