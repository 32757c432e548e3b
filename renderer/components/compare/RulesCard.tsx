import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Drawer,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
} from 'antd';
import { LIST_KIND_NAMES, PRESET_RULES } from '../../../shared/domain/compare/kinds';
import type { ListRecord, RuleRecord } from '../../../shared/domain/compare/compare.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { useCompareActions } from '../../hooks/compare';
import { errorText } from '../formErrors';
import { RuleDrawerBody } from './RuleDrawer';

const t = zh.compare;

/** The rules: presets or the team's own, each run in the worker with its progress. */
export function RulesCard(props: {
  caseId: string;
  lists: readonly ListRecord[];
  rules: readonly RuleRecord[];
}) {
  const { caseId, lists, rules } = props;
  const actions = useCompareActions(caseId);
  const { message } = AntApp.useApp();
  const [running, setRunning] = useState<{ ruleId: string; percent: number } | null>(null);
  const [openRule, setOpenRule] = useState<string | null>(null);
  const run = async (rule: RuleRecord) => {
    setRunning({ ruleId: rule.id, percent: 0 });
    try {
      const result = await actions.run(rule.id, (done, total) =>
        setRunning({ ruleId: rule.id, percent: Math.round((done / total) * 100) }),
      );
      void message.success(t.ran(result));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setRunning(null);
    }
  };
  const presetChoices = PRESET_RULES.filter((p) => !rules.some((r) => r.preset === p.id)).map(
    (p) => ({
      value: p.id,
      label: `${LIST_KIND_NAMES[p.source]} × ${LIST_KIND_NAMES[p.target]}：${p.meaning}`,
    }),
  );
  return (
    <>
      <Card
        size="small"
        title={t.rules}
        extra={
          <Space>
            <Button
              size="small"
              disabled={!actions.actor}
              onClick={() =>
                void actions
                  .addRule({ source: 'dibao', target: 'other', meaning: '' })
                  .then((r) => setOpenRule(r.id))
                  .catch((e: unknown) => message.error(errorText(e)))
              }
            >
              {t.addCustom}
            </Button>
            <Select
              aria-label={t.addPreset}
              placeholder={t.addPreset}
              style={{ width: 420 }}
              value={null}
              showSearch={{ optionFilterProp: 'label' }}
              options={presetChoices}
              onChange={(preset: string) =>
                void actions.addRule({ preset }).catch((e: unknown) => message.error(errorText(e)))
              }
            />
          </Space>
        }
      >
        <Table<RuleRecord>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={[...rules]}
          data-testid="compare-rules"
          locale={{ emptyText: t.noRules }}
          columns={[
            { title: t.fields.source, key: 's', render: (_, r) => LIST_KIND_NAMES[r.source] },
            { title: t.fields.target, key: 't', render: (_, r) => LIST_KIND_NAMES[r.target] },
            {
              title: t.fields.meaning,
              key: 'meaning',
              render: (_, r) => (
                <Button
                  size="small"
                  type="link"
                  style={{ padding: 0 }}
                  onClick={() => setOpenRule(r.id)}
                >
                  {r.meaning || t.untitledRule}
                </Button>
              ),
            },
            {
              title: t.exemptions,
              key: 'ex',
              render: (_, r) =>
                r.exemptions
                  .filter((e) => e.contains)
                  .map((e) => t.exemptionText(e.column, e.contains, e.reason))
                  .join('；'),
            },
            { title: t.household, key: 'h', render: (_, r) => (r.household ? t.yes : '') },
            {
              title: zh.common.actions,
              key: 'run',
              render: (_, r) =>
                running?.ruleId === r.id ? (
                  <Progress percent={running.percent} size="small" style={{ width: 120 }} />
                ) : (
                  <Space>
                    <Button
                      size="small"
                      type="primary"
                      disabled={running !== null || !actions.actor}
                      onClick={() => void run(r)}
                    >
                      {t.run}
                    </Button>
                    <Popconfirm
                      title={t.removeRuleConfirm}
                      onConfirm={() => void actions.removeRule(r.id)}
                    >
                      <Button size="small">{zh.common.remove}</Button>
                    </Popconfirm>
                  </Space>
                ),
            },
          ]}
        />
      </Card>
      <Drawer
        open={openRule !== null}
        width={760}
        title={t.ruleTitle}
        onClose={() => setOpenRule(null)}
        destroyOnHidden
      >
        {openRule && (
          <RuleDrawerBody
            caseId={caseId}
            ruleId={openRule}
            targetColumns={[
              ...new Set(
                lists
                  .filter((l) => l.kind === rules.find((r) => r.id === openRule)?.target)
                  .flatMap((l) => l.columns),
              ),
            ]}
          />
        )}
      </Drawer>
    </>
  );
}
