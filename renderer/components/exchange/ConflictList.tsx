import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Empty,
  Input,
  List,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { zh } from '../../../shared/i18n/zh-CN';
import type { MemberRecord } from '../../../shared/domain/member.schema';
import type { Actor, ConflictSide, ConflictView } from '../../db';
import { useRepos } from '../../app/session';

const t = zh.conflicts;

/** What a side holds, as text: a field's text, a 问/答 turn's words, or "removed". */
function textOf(value: unknown): string {
  if (value === null || value === undefined) return t.removed;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return JSON.stringify(value);
}

/** The value a combined text makes: the text itself, or the turn with its words replaced. */
function combinedValue(sides: readonly ConflictSide[], text: string): unknown {
  const turn = sides.find((s) => typeof s.value === 'object' && s.value !== null)?.value;
  return turn ? { ...turn, text } : text;
}

/**
 * 待处理的冲突: both versions of each field two laptops wrote without seeing each other's write,
 * with who wrote each, when and on which laptop; one is taken, or a combined text saved.
 */
export function ConflictList(props: {
  conflicts: readonly ConflictView[];
  team: readonly MemberRecord[];
  actor: Actor;
}) {
  const { conflicts, team, actor } = props;
  return (
    <Card title={t.title} size="small" data-testid="conflicts">
      {conflicts.length === 0 ? (
        <Empty description={t.none} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <>
          <Alert type="info" showIcon message={t.hint} style={{ marginBottom: 12 }} />
          <List
            dataSource={[...conflicts]}
            rowKey={(c) => `${c.table}/${c.recordId}/${c.path}`}
            renderItem={(c) => <ConflictItem conflict={c} team={team} actor={actor} />}
          />
        </>
      )}
    </Card>
  );
}

function ConflictItem(props: {
  conflict: ConflictView;
  team: readonly MemberRecord[];
  actor: Actor;
}) {
  const { conflict, team, actor } = props;
  const repos = useRepos();
  const [combined, setCombined] = useState<string | null>(null);
  const { message } = AntApp.useApp();
  const nameOf = (id?: string) => team.find((m) => m.id === id)?.name ?? id ?? '';
  const settle = async (value: unknown) => {
    try {
      await repos.conflicts.settle(conflict.table, conflict.recordId, conflict.path, value, actor);
      void message.success(t.settled);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const textual = conflict.sides.every(
    (s) => s.value === null || typeof s.value === 'string' || typeof s.value === 'object',
  );
  return (
    <List.Item data-testid="conflict">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>
          {zh.exchange.tables[conflict.table] ?? conflict.table} ·{' '}
          {conflict.title || zh.records.untitled} · {conflict.label}
        </Typography.Text>
        {conflict.question && (
          <Typography.Text type="secondary">{t.answering(conflict.question)}</Typography.Text>
        )}
        <Space align="start" wrap>
          {conflict.sides.map((side) => (
            <Card
              key={side.dot.join(':')}
              size="small"
              style={{ width: 320 }}
              title={
                <Space>
                  {nameOf(side.by)}
                  {side.dot[0] === actor.deviceId ? (
                    <Tag color="blue">{t.thisLaptop}</Tag>
                  ) : (
                    <Tag>{t.otherLaptop}</Tag>
                  )}
                  {side.shown && <Tag color="green">{t.shown}</Tag>}
                </Space>
              }
              extra={side.at ? dayjs(side.at).format('MM-DD HH:mm') : ''}
            >
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                {textOf(side.value)}
              </Typography.Paragraph>
              {conflict.canSettle && (
                <Button
                  size="small"
                  onClick={() => void settle(side.value)}
                  data-testid="take-side"
                >
                  {t.take}
                </Button>
              )}
            </Card>
          ))}
        </Space>
        {!conflict.canSettle && <Typography.Text type="secondary">{t.onlyLeader}</Typography.Text>}
        {conflict.canSettle && textual && combined === null && (
          <Button
            size="small"
            onClick={() =>
              setCombined(
                conflict.sides
                  .map((s) => (s.value === null ? '' : textOf(s.value)))
                  .filter(Boolean)
                  .join('\n'),
              )
            }
          >
            {t.combine}
          </Button>
        )}
        {combined !== null && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 10 }}
              value={combined}
              onChange={(e) => setCombined(e.target.value)}
              data-testid="combined-text"
            />
            <Space>
              <Button
                type="primary"
                size="small"
                onClick={() => void settle(combinedValue(conflict.sides, combined))}
              >
                {t.saveCombined}
              </Button>
              <Button size="small" onClick={() => setCombined(null)}>
                {zh.common.cancel}
              </Button>
            </Space>
          </Space>
        )}
      </Space>
    </List.Item>
  );
}
