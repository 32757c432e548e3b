import { Button, Table, Tag, Typography } from 'antd';
import { priorStanding } from '../../../shared/domain/ledger/recheck';
import type { RecheckRecord } from '../../../shared/domain/ledger/recheck.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { navigate } from '../../app/route';
import { CONCLUSION_COLORS, STANDING_COLORS } from './recheckText';

const t = zh.recheck;

/** The earlier round's 问题, one row each: what the ledger said and what the 复核 found. */
export function RecheckTable(props: {
  caseId: string;
  rows: readonly RecheckRecord[];
  onOpen: (id: string) => void;
}) {
  const { caseId, rows, onOpen } = props;
  return (
    <Table<RecheckRecord>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={[...rows]}
      data-testid="recheck-table"
      columns={[
        { title: zh.ledger.fields.no, key: 'no', width: 190, render: (_, r) => r.problem?.draftNo },
        {
          title: zh.ledger.fields.title,
          key: 'title',
          // A button, not a bare anchor: reached by Tab and opened by Enter.
          render: (_, r) => (
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.id)}>
              {r.problem?.title || zh.finding.untitled}
            </Button>
          ),
        },
        {
          title: t.ledgerSays,
          key: 'standing',
          width: 110,
          render: (_, r) => {
            const s = priorStanding(r.problem!);
            return <Tag color={STANDING_COLORS[s]}>{t.standings[s]}</Tag>;
          },
        },
        {
          title: t.fields.conclusion,
          key: 'conclusion',
          width: 110,
          render: (_, r) =>
            r.conclusion ? (
              <Tag color={CONCLUSION_COLORS[r.conclusion]}>{t.conclusions[r.conclusion]}</Tag>
            ) : (
              <Typography.Text type="secondary">{t.notConcluded}</Typography.Text>
            ),
        },
        {
          title: t.fields.checks,
          key: 'checks',
          render: (_, r) => r.checks.map((c) => t.checks[c]).join('、'),
        },
        {
          title: zh.workspace.findings,
          key: 'finding',
          width: 130,
          render: (_, r) =>
            r.findingId && (
              <Button
                type="link"
                size="small"
                style={{ padding: 0 }}
                onClick={() =>
                  navigate({ page: 'case', caseId, section: 'findings', recordId: r.findingId })
                }
              >
                {t.openFinding}
              </Button>
            ),
        },
      ]}
    />
  );
}
