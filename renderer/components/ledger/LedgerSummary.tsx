import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Space,
  Tag,
  Typography,
} from 'antd';
import { chineseDate } from '../../../shared/domain/dates';
import { caseDeadlines, daysBetween } from '../../../shared/domain/ledger/deadlines';
import { ledgerOverview, WARNINGS } from '../../../shared/domain/ledger/warning';
import { zh } from '../../../shared/i18n/zh-CN';
import { useAutosaved } from '../../hooks/autosave';
import { caseSettingsStore } from '../../hooks/caseSettings';
import { useRepos } from '../../app/session';
import { useLedgerActions, type Ledger } from '../../hooks/ledger';
import { fromIso, toIso } from '../dateValue';
import { Field } from '../records/Field';
import { SaveIndicator } from '../records/SaveIndicator';
import { WARNING_COLORS } from './ledgerText';
import { errorText } from '../formErrors';

const l = zh.ledger;

/**
 * The ledger at a glance: the 反馈日期 it counts from, the three case deadlines, tasks by
 * colour and the completion rate the reports quote; and, for the 组长, 建立/更新台账.
 */
export function LedgerSummary(props: {
  caseId: string;
  ledger: Ledger;
  today: string;
  isLeader: boolean;
}) {
  const { caseId, ledger, today, isLeader } = props;
  const repos = useRepos();
  const [store] = useState(() => caseSettingsStore(repos));
  const editor = useAutosaved(caseId, store, caseId);
  const actions = useLedgerActions(caseId);
  const { message } = AntApp.useApp();
  if (!editor.record) return null;
  const v = editor.values;
  const deadlines = caseDeadlines(v.feedbackDate, v.holidays);
  const overview = ledgerOverview(ledger.tasks, today, v.warnDays);
  const open = async () => {
    try {
      const { added } = await actions.open();
      void message.success(l.opened(added));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const due = (date: string) => {
    const left = daysBetween(today, date);
    const color = left < 0 ? 'red' : left <= v.warnDays ? 'gold' : 'green';
    return (
      <Space>
        {chineseDate(date)}
        <Tag color={color}>{left < 0 ? l.overdueBy(-left) : l.daysLeft(left)}</Tag>
      </Space>
    );
  };
  return (
    <Card
      size="small"
      title={l.title}
      data-testid="ledger-summary"
      extra={
        <Space>
          <SaveIndicator status={editor.status} failure={editor.failure?.message ?? null} />
          {isLeader && (
            <Button type="primary" onClick={() => void open()}>
              {ledger.items.length === 0 ? l.open : l.refresh}
            </Button>
          )}
        </Space>
      }
    >
      <Form layout="inline" component="div" disabled={!isLeader} style={{ marginBottom: 12 }}>
        <Field
          name="feedbackDate"
          label={l.fields.feedbackDate}
          problems={{ refused: editor.refused, missing: {} }}
        >
          <DatePicker
            aria-label={l.fields.feedbackDate}
            value={fromIso(v.feedbackDate)}
            onChange={(d) => editor.change({ feedbackDate: toIso(d) })}
          />
        </Field>
      </Form>
      {deadlines && (
        <Descriptions size="small" column={3} layout="vertical" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={l.deadlines.plan}>{due(deadlines.plan)}</Descriptions.Item>
          <Descriptions.Item label={l.deadlines.meeting}>
            {due(deadlines.meeting)}
          </Descriptions.Item>
          <Descriptions.Item label={l.deadlines.report}>{due(deadlines.report)}</Descriptions.Item>
        </Descriptions>
      )}
      <Space wrap data-testid="ledger-overview">
        <Typography.Text>{l.counts(ledger.items.length, overview.tasks)}</Typography.Text>
        {WARNINGS.map((w) => (
          <Tag key={w} color={WARNING_COLORS[w]} data-testid={`warning-${w}`}>
            {l.warnings[w]} {overview.byWarning[w]}
          </Tag>
        ))}
        <Typography.Text strong data-testid="completion-rate">
          {l.completion(overview.completionRate)}
        </Typography.Text>
      </Space>
    </Card>
  );
}
