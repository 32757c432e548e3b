import { useState } from 'react';
import { App as AntApp, Button, Card, Space, Tag, Typography } from 'antd';
import type { CaseRecord } from '../../../shared/domain/case.schema';
import { localIsoDate } from '../../../shared/domain/dates';
import { recheckOverview } from '../../../shared/domain/ledger/recheck';
import { CONCLUSIONS, type RecheckRecord } from '../../../shared/domain/ledger/recheck.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { useCase } from '../../hooks/cases';
import { useRecheckActions } from '../../hooks/rechecks';
import { CONCLUSION_COLORS } from './recheckText';
import { errorText } from '../formErrors';

const t = zh.recheck;

/**
 * The 回头看 at a glance, counted from today's date: how many earlier 问题 are checked and with
 * what 结论, how many the ledger called done that were not, the 满意度, the clues' replies.
 */
export function LookbackSummary(props: {
  caseRecord: CaseRecord;
  rows: readonly RecheckRecord[];
  isLeader: boolean;
}) {
  const { caseRecord, rows, isLeader } = props;
  const prior = useCase(caseRecord.priorCaseId);
  const actions = useRecheckActions(caseRecord.id);
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const o = recheckOverview(rows, localIsoDate(new Date()));
  const refresh = async () => {
    setBusy(true);
    try {
      const { added, updated } = await actions.start(caseRecord.priorCaseId);
      void message.success(t.started(added, updated));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={t.title}
      data-testid="lookback-summary"
      extra={
        isLeader &&
        prior && (
          <Button size="small" loading={busy} onClick={() => void refresh()}>
            {t.refresh}
          </Button>
        )
      }
    >
      <Space orientation="vertical">
        {prior && <Typography.Text>{t.linked(prior.unitName, prior.round)}</Typography.Text>}
        <Space wrap>
          <Typography.Text strong>{t.summary(o.problems, o.concluded)}</Typography.Text>
          {CONCLUSIONS.map((c) => (
            <Tag key={c} color={CONCLUSION_COLORS[c]}>
              {t.conclusions[c]} {o.byConclusion[c]}
            </Tag>
          ))}
        </Space>
        {o.doneButFailed > 0 && (
          <Typography.Text type="danger">{t.doneButFailed(o.doneButFailed)}</Typography.Text>
        )}
        {o.meanSatisfaction !== null && (
          <Typography.Text>{t.meanSatisfaction(o.surveyed, o.meanSatisfaction)}</Typography.Text>
        )}
        {o.clues > 0 && (
          <Typography.Text>
            {t.clues}：{o.clues} 件（{t.followUp(o.clueFollowUp)}）
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}
