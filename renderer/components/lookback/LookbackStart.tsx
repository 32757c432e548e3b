import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Form, Select, Space, Typography } from 'antd';
import type { CaseRecord } from '../../../shared/domain/case.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { useCases } from '../../hooks/cases';
import { useRecheckActions } from '../../hooks/rechecks';
import { ImportPackageButton } from '../exchange/ImportPackage';
import { errorText } from '../formErrors';

const t = zh.recheck;

/**
 * The first step of a 回头看: pick the earlier case (on this laptop, or brought by its
 * package right here) and copy its ledger in. A refusal is said beside the choice.
 */
export function LookbackStart(props: { caseRecord: CaseRecord; isLeader: boolean }) {
  const { caseRecord, isLeader } = props;
  const cases = useCases();
  const actions = useRecheckActions(caseRecord.id);
  const { message } = AntApp.useApp();
  const [pick, setPick] = useState<string | undefined>(caseRecord.priorCaseId || undefined);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = (c: CaseRecord) =>
    [c.unitName, c.round && `（${c.round}）`, c.teamName && ` ${c.teamName}`].join('');
  const choices = (cases ?? [])
    .filter((c) => c.id !== caseRecord.id)
    .map((c) => ({ value: c.id, label: label(c) }));
  const start = async () => {
    if (!pick) return;
    setBusy(true);
    setProblem(null);
    try {
      const { added, updated } = await actions.start(pick);
      void message.success(t.started(added, updated));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t.title}>
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {!isLeader && <Alert type="info" showIcon message={t.leaderStarts} />}
      {isLeader && (
        <Form layout="vertical">
          <Form.Item
            label={t.fields.priorCase}
            validateStatus={problem ? 'error' : undefined}
            help={problem}
          >
            <Space wrap>
              <Select
                aria-label={t.fields.priorCase}
                placeholder={t.pickPrior}
                style={{ width: 420 }}
                showSearch={{ optionFilterProp: 'label' }}
                value={pick}
                options={choices}
                disabled={caseRecord.priorCaseId !== ''}
                onChange={(id: string) => {
                  setPick(id);
                  setProblem(null);
                }}
              />
              <Button type="primary" disabled={!pick} loading={busy} onClick={() => void start()}>
                {t.start}
              </Button>
              <ImportPackageButton onImported={(id) => setPick(id)} />
            </Space>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
