import { Button, Empty, List, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { FOCUS_TREE, focusArea, focusPath } from '../../../shared/domain/focus';
import { formatAmount } from '../../../shared/domain/findings/amount';
import type { FindingRecord } from '../../../shared/domain/findings/finding.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { FindingStatusTag } from './FindingStatusTag';
import { navigate } from '../../app/route';
import {
  useFindingActions,
  useFindings,
  useIsLeader,
  useMergedFindings,
} from '../../hooks/findings';

const t = zh.finding;

/** Findings grouped by focus area, in the report's order; the 组长 can move them up and down. */
export function FindingList({ caseId }: { caseId: string }) {
  const findings = useFindings(caseId);
  const leader = useIsLeader(caseId);
  const actions = useFindingActions(caseId);
  if (!findings) return null;
  if (findings.length === 0) return <Empty description={t.empty} />;

  const groups = [
    ...FOCUS_TREE.map((area) => ({
      key: area.code,
      label: area.label,
      items: findings.filter((f) => focusArea(f.category)?.code === area.code),
    })),
    { key: 'none', label: t.uncategorized, items: findings.filter((f) => !focusArea(f.category)) },
  ].filter((g) => g.items.length > 0);

  // Moving within a group writes the moved finding only (a fractional key between its new
  // neighbours); the others keep theirs.
  const move = (items: FindingRecord[], index: number, by: -1 | 1) =>
    void actions.move(
      items[index]!.id,
      items.map((f) => f.id),
      index + by,
    );

  return (
    <>
      {groups.map((g) => (
        <div key={g.key} style={{ marginBottom: 16 }} data-testid="finding-group">
          <Typography.Title level={5}>
            {g.label}（{g.items.length}）
          </Typography.Title>
          <List
            bordered
            size="small"
            dataSource={g.items}
            renderItem={(item, index) => (
              <List.Item
                data-testid="finding-row"
                style={{ cursor: 'pointer' }}
                onClick={() =>
                  navigate({ page: 'case', caseId, section: 'findings', recordId: item.id })
                }
                actions={
                  leader
                    ? [
                        <Button
                          key="up"
                          size="small"
                          type="text"
                          aria-label={t.moveUp}
                          icon={<ArrowUpOutlined />}
                          disabled={index === 0}
                          onClick={(e) => (e.stopPropagation(), move(g.items, index, -1))}
                        />,
                        <Button
                          key="down"
                          size="small"
                          type="text"
                          aria-label={t.moveDown}
                          icon={<ArrowDownOutlined />}
                          disabled={index === g.items.length - 1}
                          onClick={(e) => (e.stopPropagation(), move(g.items, index, 1))}
                        />,
                      ]
                    : []
                }
              >
                <Space wrap>
                  <Typography.Text strong>{item.title || t.untitled}</Typography.Text>
                  <FindingStatusTag status={item.status} />
                  {item.category && <Tag>{focusPath(item.category)}</Tag>}
                  <Tag>{t.severities[item.severity]}</Tag>
                  <Typography.Text type="secondary">
                    {t.evidenceCount(item.evidence.length)}
                  </Typography.Text>
                  {item.amountFen !== null && (
                    <Typography.Text type="secondary">
                      {formatAmount(item.amountFen)}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </div>
      ))}
      <MergedFindings caseId={caseId} />
    </>
  );
}

/** Findings merged into others: kept and marked, each with a link to the one that absorbed it. */
function MergedFindings({ caseId }: { caseId: string }) {
  const merged = useMergedFindings(caseId) ?? [];
  if (merged.length === 0) return null;
  const open = (recordId: string) =>
    navigate({ page: 'case', caseId, section: 'findings', recordId });
  return (
    <div data-testid="merged-findings">
      <Typography.Title level={5} type="secondary">
        {t.mergedTitle(merged.length)}
      </Typography.Title>
      <List
        bordered
        size="small"
        dataSource={merged}
        renderItem={({ finding, into }) => (
          <List.Item data-testid="merged-row">
            <Space wrap>
              <Button type="link" size="small" onClick={() => open(finding.id)}>
                {finding.title || t.untitled}
              </Button>
              <FindingStatusTag status={finding.status} />
              {into && (
                <Typography.Text type="secondary">
                  {t.mergedIntoLabel}
                  <Button type="link" size="small" onClick={() => open(into.id)}>
                    {into.title || t.untitled}
                  </Button>
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}
