import { useMemo, useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Popconfirm,
  Drawer,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { maskId } from '../../shared/domain/compare/idNumber';
import { LIST_KIND_NAMES, PRESET_RULES } from '../../shared/domain/compare/kinds';
import type { HitRecord, ListRecord, RuleRecord } from '../../shared/domain/compare/compare.schema';
import { ValidationError } from '../../shared/domain/validation';
import { zh } from '../../shared/i18n/zh-CN';
import { navigate } from '../app/route';
import { useUi } from '../stores/ui.store';
import {
  useCompareActions,
  useCompareHits,
  useCompareListNames,
  useCompareLists,
  useCompareRules,
} from '../hooks/compare';
import { ListImport } from '../components/compare/ListImport';
import { ListProblems } from '../components/compare/ListProblems';
import { HitDrawerBody } from '../components/compare/HitDrawer';
import { RuleDrawerBody } from '../components/compare/RuleDrawer';
import { ExportButton } from '../components/report/ExportButton';
import { documentFileName } from '../../shared/documents';
import { useCase } from '../hooks/cases';
import { useCurrentMember } from '../hooks/members';

const t = zh.compare;
const c = t.columns;
const say = (error: unknown) =>
  error instanceof ValidationError ? Object.values(error.fieldErrors).join('；') : String(error);

/**
 * 数据比对: the lists the unit handed over, the rules run over them, and the 疑点 found, each
 * to be verified (属实 / 不属实) and, when 属实, turned into a clue or a finding.
 */
export function ComparisonPage({ caseId }: { caseId: string }) {
  const lists = useCompareLists(caseId);
  const rules = useCompareRules(caseId);
  const hits = useCompareHits(caseId);
  const actions = useCompareActions(caseId);
  const caseRecord = useCase(caseId);
  const me = useCurrentMember(caseId);
  const { message } = AntApp.useApp();
  const [running, setRunning] = useState<{ ruleId: string; percent: number } | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [openHit, setOpenHit] = useState<string | null>(null);
  const [openRule, setOpenRule] = useState<string | null>(null);
  const [problemsOf, setProblemsOf] = useState<ListRecord | null>(null);
  const listNames = useCompareListNames(caseId) ?? new Map<string, string>();
  const ruleNames = useMemo(() => new Map((rules ?? []).map((r) => [r.id, r.meaning])), [rules]);
  if (!lists || !rules || !hits) return null;

  const run = async (rule: RuleRecord) => {
    setRunning({ ruleId: rule.id, percent: 0 });
    try {
      const result = await actions.run(rule.id, (done, total) =>
        setRunning({ ruleId: rule.id, percent: Math.round((done / total) * 100) }),
      );
      void message.success(t.ran(result));
    } catch (error) {
      void message.error(say(error));
    } finally {
      setRunning(null);
    }
  };
  const turn = async (into: 'clue' | 'finding') => {
    try {
      if (into === 'clue') {
        await actions.toClue(selected);
        void message.success(t.clueMade);
        useUi.getState().setFindingsTab('clues');
        navigate({ page: 'case', caseId, section: 'findings' });
      } else {
        const finding = await actions.toFinding(selected);
        void message.success(t.findingMade);
        useUi.getState().setFindingsTab('findings');
        navigate({ page: 'case', caseId, section: 'findings', recordId: finding.id });
      }
    } catch (error) {
      void message.error(say(error));
    }
  };
  const presetChoices = PRESET_RULES.filter((p) => !rules.some((r) => r.preset === p.id)).map(
    (p) => ({
      value: p.id,
      label: `${LIST_KIND_NAMES[p.source]} × ${LIST_KIND_NAMES[p.target]}：${p.meaning}`,
    }),
  );
  const counted = hits.filter((h) => !h.exempted && !h.gone);

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card size="small" title={c.lists} extra={<ListImport caseId={caseId} />}>
        <Table<ListRecord>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={lists}
          data-testid="compare-lists"
          locale={{ emptyText: t.noLists }}
          columns={[
            { title: t.fields.name, key: 'name', render: (_, l) => l.name || l.fileName },
            { title: c.kind, key: 'kind', render: (_, l) => LIST_KIND_NAMES[l.kind] },
            { title: c.rows, dataIndex: 'rows' },
            {
              title: c.problems,
              key: 'problems',
              render: (_, l) =>
                l.problems > 0 ? (
                  <Button
                    size="small"
                    type="link"
                    style={{ padding: 0 }}
                    onClick={() => setProblemsOf(l)}
                  >
                    {l.problems}
                  </Button>
                ) : (
                  0
                ),
            },
            {
              title: c.duplicates,
              key: 'duplicates',
              render: (_, l) =>
                l.duplicates > 0 ? (
                  <Button
                    size="small"
                    type="link"
                    style={{ padding: 0 }}
                    onClick={() => setProblemsOf(l)}
                  >
                    {l.duplicates}
                  </Button>
                ) : (
                  0
                ),
            },
            {
              title: c.importedAt,
              key: 'at',
              render: (_, l) => l.importedAt.slice(0, 16).replace('T', ' '),
            },
            {
              title: zh.common.actions,
              key: 'actions',
              render: (_, l) => (
                <Space>
                  <ListImport caseId={caseId} replaces={l} />
                  <Popconfirm
                    title={t.removeListConfirm}
                    onConfirm={() => void actions.removeList(l.id)}
                  >
                    <Button size="small" danger>
                      {zh.common.remove}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
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
                  .catch((e: unknown) => message.error(say(e)))
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
                void actions.addRule({ preset }).catch((e: unknown) => message.error(say(e)))
              }
            />
          </Space>
        }
      >
        <Table<RuleRecord>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={rules}
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
      <Card
        size="small"
        title={t.hitsTitle(counted.length, counted.filter((h) => h.status === 'true').length)}
        extra={
          <Space>
            <ExportButton
              compact
              label={zh.report.kinds.compare}
              request={
                me
                  ? {
                      caseId,
                      viewerId: me.id,
                      order: { kind: 'compare' },
                      suggestedName: documentFileName(
                        { kind: 'compare' },
                        caseRecord ?? { unitName: '' },
                      ),
                    }
                  : null
              }
            />
            <Button disabled={selected.length === 0} onClick={() => void turn('clue')}>
              {t.toClue}
            </Button>
            <Button disabled={selected.length === 0} onClick={() => void turn('finding')}>
              {t.toFinding}
            </Button>
          </Space>
        }
      >
        <Table<HitRecord>
          rowKey="id"
          size="small"
          dataSource={hits}
          data-testid="compare-hits"
          scroll={{ x: 1500 }}
          pagination={{ pageSize: 50, showSizeChanger: false }}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => setSelected(keys as string[]),
          }}
          locale={{ emptyText: t.noHits }}
          columns={[
            {
              title: c.no,
              key: 'no',
              width: 90,
              render: (_, h) => (
                <Button
                  size="small"
                  type="link"
                  style={{ padding: 0 }}
                  onClick={() => setOpenHit(h.id)}
                >
                  {h.no}
                </Button>
              ),
            },
            {
              title: c.rule,
              key: 'rule',
              render: (_, h) => ruleNames.get(h.ruleId) ?? h.description,
            },
            { title: t.mapping.name, dataIndex: 'name' },
            {
              title: t.mapping.id,
              key: 'id',
              render: (_, h) => <span style={{ whiteSpace: 'nowrap' }}>{maskId(h.idNumber)}</span>,
            },
            {
              title: c.household,
              key: 'hh',
              render: (_, h) => [h.householder, h.relation].filter(Boolean).join(' / '),
            },
            {
              title: c.source,
              key: 'src',
              render: (_, h) => t.rowOf(listNames.get(h.sourceListId) ?? '', h.sourceRow),
            },
            {
              title: c.target,
              key: 'tgt',
              render: (_, h) => t.rowOf(listNames.get(h.targetListId) ?? '', h.targetRow),
            },
            {
              title: c.way,
              key: 'way',
              render: (_, h) => (
                <Tag color={h.way === 'id' ? 'red' : 'orange'}>{t.ways[h.way]}</Tag>
              ),
            },
            {
              title: t.fields.status,
              key: 'status',
              render: (_, h) => (
                <Space size={4} wrap>
                  <Tag
                    color={h.status === 'true' ? 'red' : h.status === 'false' ? 'default' : 'gold'}
                  >
                    {t.statuses[h.status]}
                  </Tag>
                  {h.exempted && <Tag>{t.exempted}</Tag>}
                  {h.gone && <Tag>{t.gone}</Tag>}
                  {(h.clueId || h.findingId) && (
                    <Tag color="blue">{h.clueId ? t.becameClue : t.becameFinding}</Tag>
                  )}
                </Space>
              ),
            },
            { title: t.fields.verifyNote, dataIndex: 'verifyNote', ellipsis: true },
          ]}
        />
        <Typography.Text type="secondary">{t.masked}</Typography.Text>
      </Card>
      <Drawer
        open={openHit !== null}
        width={640}
        title={t.hit}
        onClose={() => setOpenHit(null)}
        destroyOnHidden
      >
        {openHit && <HitDrawerBody caseId={caseId} hitId={openHit} listNames={listNames} />}
      </Drawer>
      <ListProblems list={problemsOf} onClose={() => setProblemsOf(null)} />
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
    </Space>
  );
}
