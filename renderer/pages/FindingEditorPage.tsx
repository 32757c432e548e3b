import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  Popconfirm,
  Result,
  Row,
  Select,
  Space,
  TreeSelect,
  Typography,
} from 'antd';
import { lengthLimit } from '../components/lengthLimit';
import { DeleteOutlined } from '@ant-design/icons';
import { FOCUS_TREE, type FocusNode } from '../../shared/domain/focus';
import { formatAmount, parseAmount, type AmountUnit } from '../../shared/domain/findings/amount';
import {
  SEVERITIES,
  type FindingFields,
  type FindingRecord,
} from '../../shared/domain/findings/finding.schema';
import { editProblems, reviewProblems } from '../../shared/domain/findings/review';
import { zh } from '../../shared/i18n/zh-CN';
import type { Repositories } from '../db';
import { useRepos } from '../app/session';
import { navigate } from '../app/route';
import { useAutosaved, tableStore } from '../hooks/autosave';
import { evidenceEditing } from '../hooks/evidence';
import { useFinding, useFindingActions, useIsLeader } from '../hooks/findings';
import { Field } from '../components/records/Field';
import { EditorTitle } from '../components/records/EditorTitle';
import { ReadFailed, SaveNotices } from '../components/records/SaveNotices';
import { TagsPicker } from '../components/records/pickers';
import { options } from '../components/options';
import { EvidenceList } from '../components/findings/EvidenceList';
import { ReviewPanel } from '../components/findings/ReviewPanel';
import { QualificationFields } from '../components/findings/QualificationFields';

const t = zh.finding;
const f = t.fields;

/** What a finding still needs before the leader can confirm it (shown, never blocking edits). */
function confirmNeeds(record: FindingRecord) {
  const { status: _status, ...needs } = reviewProblems('confirm', record, 'leader');
  return needs;
}

const findingStore = (repos: Repositories) =>
  tableStore<FindingFields>(repos, 'findings', {
    get: (id) => repos.findings.get(id),
    patch: (id, patch, actor) => repos.findings.patch(id, patch, actor),
    missing: confirmNeeds,
  });

const categoryTree = (nodes: readonly FocusNode[]): object[] =>
  nodes.map((n) => ({
    value: n.code,
    title: n.label,
    children: n.children && categoryTree(n.children),
  }));

/** One finding: its text, how it is qualified, category, people, money, evidence and review. */
export function FindingEditorPage({ caseId, findingId }: { caseId: string; findingId: string }) {
  const repos = useRepos();
  const [store] = useState(() => findingStore(repos));
  const editor = useAutosaved(caseId, store, findingId);
  const live = useFinding(findingId);
  const actions = useFindingActions(caseId);
  const leader = useIsLeader(caseId);
  const v = editor.values;
  const evidence = evidenceEditing(editor.change);
  const [unit, setUnit] = useState<AmountUnit>('wanYuan');
  const [amountText, setAmountText] = useState<string | null>(null);
  const [amountError, setAmountError] = useState<string | null>(null);
  const back = () => navigate({ page: 'case', caseId, section: 'findings' });

  if (editor.record === undefined || live === undefined) {
    return editor.loadFailed ? <ReadFailed /> : null;
  }
  if (editor.record === null || live === null) {
    return (
      <Result
        status="404"
        title={zh.validation.notFound}
        extra={<Button onClick={back}>{t.back}</Button>}
      />
    );
  }
  // A confirmed (or merged) finding is the 组长's alone: the form says why it is read-only.
  const locked = Object.values(editProblems(live, leader ? 'leader' : 'member'))[0];
  const canEdit = actions.canWrite && !locked;
  const problems = {
    refused: amountError ? { ...editor.refused, amountFen: amountError } : editor.refused,
    missing: confirmNeeds(live),
  };
  const shownAmount =
    amountText ??
    (v.amountFen === null ? '' : String(v.amountFen / (unit === 'wanYuan' ? 1_000_000 : 100)));
  const setAmount = (text: string, u: AmountUnit) => {
    setAmountText(text);
    const parsed = parseAmount(text, u);
    if (!parsed.ok) return setAmountError(parsed.error);
    setAmountError(null);
    editor.change({ amountFen: parsed.fen });
  };

  return (
    <Card
      title={
        <EditorTitle
          backLabel={t.back}
          onBack={back}
          title={`${t.title} · ${v.title || t.untitled}`}
          testId="finding-title"
          editor={editor}
        />
      }
      extra={
        <Popconfirm
          title={zh.records.deleteConfirm}
          okText={zh.common.confirm}
          cancelText={zh.common.cancel}
          onConfirm={() => void actions.remove(findingId).then(back)}
          disabled={!canEdit}
        >
          <Button danger icon={<DeleteOutlined />} disabled={!canEdit}>
            {zh.records.delete}
          </Button>
        </Popconfirm>
      }
    >
      {locked && <Alert type="info" showIcon title={locked} style={{ marginBottom: 12 }} />}
      <SaveNotices
        editor={editor}
        label={(field) => (f as Record<string, string>)[field] ?? field}
      />
      <Row gutter={24}>
        <Col span={15}>
          <Form layout="vertical" component="div" disabled={!canEdit}>
            <Field name="title" label={f.title} problems={problems} required>
              <Input
                aria-label={f.title}
                value={v.title}
                count={lengthLimit(200)}
                onChange={(e) => editor.change({ title: e.target.value })}
              />
            </Field>
            <Row gutter={16}>
              <Col span={14}>
                <Field name="category" label={f.category} problems={problems} required>
                  <TreeSelect
                    aria-label={f.category}
                    treeDefaultExpandAll
                    virtual={false}
                    value={v.category || undefined}
                    treeData={categoryTree(FOCUS_TREE)}
                    onChange={(category: string) => editor.change({ category: category ?? '' })}
                    style={{ width: '100%' }}
                  />
                </Field>
              </Col>
              <Col span={10}>
                <Field name="severity" label={f.severity} problems={problems}>
                  <Select
                    aria-label={f.severity}
                    value={v.severity}
                    options={options(SEVERITIES, t.severities)}
                    onChange={(severity) => editor.change({ severity })}
                  />
                </Field>
              </Col>
            </Row>
            <Field name="description" label={f.description} problems={problems}>
              <Input.TextArea
                aria-label={f.description}
                value={v.description}
                autoSize={{ minRows: 4, maxRows: 16 }}
                onChange={(e) => editor.change({ description: e.target.value })}
              />
            </Field>
            <QualificationFields
              caseId={caseId}
              values={v}
              problems={problems}
              change={editor.change}
            />
            <Row gutter={16}>
              <Col span={8}>
                <Field name="persons" label={f.persons} problems={problems}>
                  <TagsPicker
                    value={v.persons}
                    onChange={(persons) => editor.change({ persons })}
                  />
                </Field>
              </Col>
              <Col span={8}>
                <Field name="departments" label={f.departments} problems={problems}>
                  <TagsPicker
                    value={v.departments}
                    onChange={(departments) => editor.change({ departments })}
                  />
                </Field>
              </Col>
              <Col span={8}>
                <Field name="amountFen" label={f.amount} problems={problems}>
                  <Space.Compact style={{ width: '100%' }}>
                    <Input
                      aria-label={f.amount}
                      value={shownAmount}
                      onChange={(e) => setAmount(e.target.value, unit)}
                    />
                    <Select
                      aria-label={`${f.amount}单位`}
                      value={unit}
                      style={{ width: 90 }}
                      options={[
                        { value: 'wanYuan', label: t.units.wanYuan },
                        { value: 'yuan', label: t.units.yuan },
                      ]}
                      onChange={(u: AmountUnit) => {
                        setUnit(u);
                        if (amountText !== null) setAmount(amountText, u);
                      }}
                    />
                  </Space.Compact>
                </Field>
                {v.amountFen !== null && !amountError && (
                  <Typography.Text type="secondary">{formatAmount(v.amountFen)}</Typography.Text>
                )}
              </Col>
            </Row>
          </Form>
        </Col>
        <Col span={9}>
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ReviewPanel caseId={caseId} finding={live} onWritten={editor.adopt} />
            <Card size="small" title={`${f.evidence}（${v.evidence.length}）`}>
              <Field name="evidence" label="" problems={problems}>
                <EvidenceList
                  caseId={caseId}
                  evidence={v.evidence}
                  editable={canEdit}
                  emptyText={t.needEvidence}
                  onAdd={evidence.add}
                  onRemove={evidence.remove}
                />
              </Field>
            </Card>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}
