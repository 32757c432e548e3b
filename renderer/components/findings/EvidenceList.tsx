import { Button, List, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { safeName } from '../../../shared/domain/attachment';
import type { EvidenceRef } from '../../../shared/domain/findings/finding.schema';
import { isRecordKind } from '../../../shared/domain/records';
import type { RecordSummary } from '../../../shared/domain/records/summary';
import { zh } from '../../../shared/i18n/zh-CN';
import { navigate } from '../../app/route';
import { useAllSummaries, useCaseAttachments } from '../../hooks/findings';
import { useRechecks } from '../../hooks/rechecks';
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
  /** What an empty list says: what the evidence is needed for differs between kinds. */
  emptyText: string;
  onAdd: (ref: EvidenceRef) => void;
  onRemove: (ref: EvidenceRef) => void;
}) {
  const { caseId, evidence, editable } = props;
  const rows = useAllSummaries(caseId) ?? [];
  const files = useCaseAttachments(caseId) ?? [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fileById = new Map(files.map((a) => [a.id, a]));
  const rechecks = new Map((useRechecks(caseId) ?? []).map((r) => [r.id, r]));
  const label = (r: RecordSummary) =>
    `${RECORD_TITLES[r.kind]} · ${r.title || zh.records.untitled}（${r.date}）`;
  const cited = new Set(evidence.map((e) => e.recordId));
  const recordChoices = rows
    .filter((r) => r.state === 'live' && !cited.has(r.id))
    .map((r) => ({ value: `${r.kind}:${r.id}`, label: label(r) }));
  const fileChoices = files
    .filter((a) => !a.deleted && !cited.has(a.id) && byId.get(a.recordId)?.state === 'live')
    .map((a) => ({
      value: `attachments:${a.id}`,
      label: `${t.attachmentLabel} · ${safeName(a.name)}`,
    }));

  return (
    <div data-testid="evidence">
      <List
        size="small"
        dataSource={[...evidence]}
        locale={{ emptyText: props.emptyText }}
        renderItem={(e) => {
          // A 回头看's 复核, or a row of a 数据比对 list: opened in their own sections.
          if (e.kind === 'rechecks' || e.kind === 'compareLists') {
            const title =
              e.kind === 'rechecks'
                ? `${zh.recheck.evidenceLabel} · ${rechecks.get(e.recordId)?.problem?.title ?? ''}`
                : zh.compare.evidenceLabel;
            return (
              <List.Item
                data-testid="evidence-item"
                actions={[
                  <Button
                    key="open"
                    size="small"
                    type="link"
                    onClick={() =>
                      navigate(
                        e.kind === 'rechecks'
                          ? { page: 'case', caseId, section: 'lookback', recordId: e.recordId }
                          : { page: 'case', caseId, section: 'comparison' },
                      )
                    }
                  >
                    {t.openEvidence}
                  </Button>,
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
                  <Typography.Text strong>{title}</Typography.Text>
                  {e.excerpt && <Typography.Text type="secondary">“{e.excerpt}”</Typography.Text>}
                </Space>
              </List.Item>
            );
          }
          const file = e.kind === 'attachments' ? fileById.get(e.recordId) : undefined;
          const row = byId.get(file ? file.recordId : e.recordId);
          const gone = !row || row.state === 'deleted' || (file?.deleted ?? false);
          // An attachment opens the field record it is attached to (a task's evidence has none).
          const owner = file ? file.recordKind : e.kind;
          const kind = isRecordKind(owner) ? owner : null;
          const target = file ? file.recordId : e.recordId;
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
                      navigate({ page: 'case', caseId, section: kind, recordId: target })
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
                    {file
                      ? `${t.attachmentLabel} · ${file.name}`
                      : row
                        ? label(row)
                        : kind
                          ? RECORD_TITLES[kind]
                          : e.kind}
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
          options={[...recordChoices, ...fileChoices]}
          onChange={(choice: string) => {
            const [kind, recordId] = choice.split(':') as [EvidenceRef['kind'], string];
            props.onAdd({ kind, recordId, field: '', turnId: '', start: 0, end: 0, excerpt: '' });
          }}
          style={{ width: '100%', marginTop: 8 }}
        />
      )}
    </div>
  );
}
