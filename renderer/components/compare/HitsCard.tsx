import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Drawer, Space, Table, Tag, Typography } from 'antd';
import { documentFileName } from '../../../shared/documents';
import { maskId } from '../../../shared/domain/compare/idNumber';
import type { HitRecord, RuleRecord } from '../../../shared/domain/compare/compare.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { navigate } from '../../app/route';
import { useCase } from '../../hooks/cases';
import { useCompareActions, useCompareListNames } from '../../hooks/compare';
import { useCurrentMember } from '../../hooks/members';
import { useUi } from '../../stores/ui.store';
import { errorText } from '../formErrors';
import { ExportButton } from '../report/ExportButton';
import { HitDrawerBody } from './HitDrawer';

const t = zh.compare;
const c = t.columns;

/** The 疑点: masked, verified one by one, the 属实 ones turned into a clue or a finding. */
export function HitsCard(props: {
  caseId: string;
  rules: readonly RuleRecord[];
  hits: readonly HitRecord[];
}) {
  const { caseId, rules, hits } = props;
  const actions = useCompareActions(caseId);
  const caseRecord = useCase(caseId);
  const me = useCurrentMember(caseId);
  const { message } = AntApp.useApp();
  const [selected, setSelected] = useState<string[]>([]);
  const [openHit, setOpenHit] = useState<string | null>(null);
  const listNames = useCompareListNames(caseId) ?? new Map<string, string>();
  const ruleNames = useMemo(() => new Map(rules.map((r) => [r.id, r.meaning])), [rules]);
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
      void message.error(errorText(error));
    }
  };
  const counted = hits.filter((h) => !h.exempted && !h.gone);
  return (
    <>
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
          dataSource={[...hits]}
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
    </>
  );
}
