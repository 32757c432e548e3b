import { Button, List, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { EvidenceRef } from '../../../shared/domain/findings/finding.schema';
import { isRecordKind } from '../../../shared/domain/records';
import type { RecordSummary } from '../../../shared/domain/records/summary';
import { zh } from '../../../shared/i18n/zh-CN';
import { navigate } from '../../app/route';
import { useAllSummaries } from '../../hooks/findings';
import { RECORD_TITLES } from '../records/titles';

const t = zh.finding;

/**
 * The evidence of a finding, shown inline: which record, the quoted passage, and "已删除" when
 * the record went to the recycle bin (the reference itself is never dropped).
 */
export function EvidenceList(props: {
  caseId: string;
  evidence: readonly EvidenceRef[];
  editable: boolean;
  onAdd: (ref: EvidenceRef) => void;
  onRemove: (ref: EvidenceRef) => void;
}) {
  const { caseId, evidence, editable } = props;
  const rows = useAllSummaries(caseId) ?? [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const label = (r: RecordSummary) =>
    `${RECORD_TITLES[r.kind]} · ${r.title || zh.records.untitled}（${r.date}）`;
  const choices = rows.filter(
    (r) => r.state === 'live' && !evidence.some((e) => e.recordId === r.id),
  );

  return (
    <div data-testid="evidence">
      <List
        size="small"
        dataSource={[...evidence]}
        locale={{ emptyText: t.needEvidence }}
        renderItem={(e) => {
          const row = byId.get(e.recordId);
          const gone = !row || row.state === 'deleted';
          const kind = isRecordKind(e.kind) ? e.kind : null;
          return (
            <List.Item
              data-testid="evidence-item"
              actions={[
                !gone && kind && (
                  <Button
                    key="open"
                    size="small"
                    type="link"
                    onClick={() =>
                      navigate({ page: 'case', caseId, section: kind, recordId: e.recordId })
                    }
                  >
                    {t.openEvidence}
                  </Button>
                ),
                editable && (
                  <Button
                    key="remove"
                    size="small"
                    type="text"
                    aria-label={t.removeEvidence}
                    icon={<DeleteOutlined />}
                    onClick={() => props.onRemove(e)}
                  />
                ),
              ].filter(Boolean)}
            >
              <Space orientation="vertical" size={0}>
                <Space>
                  <Typography.Text strong>
                    {row ? label(row) : kind ? RECORD_TITLES[kind] : e.kind}
                  </Typography.Text>
                  {gone && <Tag color="default">{t.deletedEvidence}</Tag>}
                </Space>
                {e.excerpt && <Typography.Text type="secondary">“{e.excerpt}”</Typography.Text>}
              </Space>
            </List.Item>
          );
        }}
      />
      {editable && (
        <Select
          aria-label={t.addEvidence}
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t.addEvidencePlaceholder}
          value={null}
          options={choices.map((r) => ({ value: r.id, label: label(r) }))}
          onChange={(id: string) => {
            const row = byId.get(id);
            if (row) props.onAdd({ kind: row.kind, recordId: row.id, turnId: '', excerpt: '' });
          }}
          style={{ width: '100%', marginTop: 8 }}
        />
      )}
    </div>
  );
}
