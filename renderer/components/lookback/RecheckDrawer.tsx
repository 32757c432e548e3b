import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Checkbox,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { elementPath } from '../../../shared/domain/collections';
import { priorStanding } from '../../../shared/domain/ledger/recheck';
import {
  CHECKS,
  CONCLUSIONS,
  FAILED,
  type PriorTask,
  type RecheckFields,
} from '../../../shared/domain/ledger/recheck.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { navigate } from '../../app/route';
import type { Actor, Repositories } from '../../db';
import { useRepos } from '../../app/session';
import { useAutosaved, type TypedStore, tableStore } from '../../hooks/autosave';
import { useRecheckActions } from '../../hooks/rechecks';
import { DecimalInput } from '../DecimalInput';
import { Field } from '../records/Field';
import { SaveStatus } from '../records/SaveStatus';
import { ReadFailed, SaveNotices } from '../records/SaveNotices';
import { STANDING_COLORS } from './recheckText';
import { errorText } from '../formErrors';

const t = zh.recheck;
const lf = zh.ledger.fields;
const label = (field: string) => (t.fields as Record<string, string>)[field] ?? field;

/** The 复核 rows of one member: reads go through the read rules (a clue's copy is protected). */
function recheckStore(repos: Repositories, actor: Actor): TypedStore<RecheckFields> {
  return tableStore<RecheckFields>(repos, 'rechecks', {
    get: (id) => repos.rechecks.get(id, actor).catch(() => undefined),
    patch: (id, patch, who) => repos.rechecks.patch(id, patch, who),
  });
}

/**
 * One earlier 问题: what the earlier ledger said (read-only), and the 复核 recorded against it,
 * saved as it is typed; a failed one becomes a new finding of this case.
 */
export function RecheckDrawerBody(props: { caseId: string; recheckId: string; actor: Actor }) {
  const { caseId, recheckId, actor } = props;
  const repos = useRepos();
  const [store] = useState(() => recheckStore(repos, actor));
  const editor = useAutosaved(caseId, store, recheckId);
  const actions = useRecheckActions(caseId);
  const { message } = AntApp.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (editor.record === undefined) return editor.loadFailed ? <ReadFailed /> : null;
  if (editor.record === null) return <SaveNotices editor={editor} label={label} />;
  const v = editor.values;
  const prior = v.problem;
  if (!prior) return null;
  const problems = { refused: editor.refused, missing: editor.missing };
  const standing = priorStanding(prior);
  const surveyed = v.checks.includes('survey');

  const toFinding = async () => {
    setProblem(null);
    if (Object.keys(editor.refused).length > 0) return setProblem(t.fixFirst);
    setBusy(true);
    try {
      await editor.flush();
      const { finding, recheck } = await actions.toFinding(recheckId);
      editor.adopt(recheck);
      void message.success(t.findingMade);
      navigate({ page: 'case', caseId, section: 'findings', recordId: finding.id });
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <SaveStatus editor={editor} label={label} />
      <Descriptions size="small" column={1} bordered title={t.priorProblem}>
        <Descriptions.Item label={lf.no}>{prior.draftNo}</Descriptions.Item>
        <Descriptions.Item label={lf.title}>{prior.title}</Descriptions.Item>
        <Descriptions.Item label={zh.finding.fields.description}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{prior.description}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t.ledgerSays}>
          <Tag color={STANDING_COLORS[standing]}>{t.standings[standing]}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Table<PriorTask>
        style={{ margin: '12px 0 20px' }}
        size="small"
        rowKey="no"
        pagination={false}
        dataSource={prior.tasks}
        locale={{ emptyText: zh.ledger.noTasks }}
        columns={[
          { title: lf.no, dataIndex: 'no', width: 60 },
          { title: lf.measure, dataIndex: 'measure' },
          { title: lf.department, dataIndex: 'department', width: 110 },
          { title: lf.due, dataIndex: 'due', width: 105 },
          {
            title: lf.status,
            key: 'status',
            width: 150,
            render: (_, task) =>
              zh.ledger.statuses[task.status] + (task.closedOn ? `（${task.closedOn}）` : ''),
          },
        ]}
      />
      <Form layout="vertical">
        <Field name="conclusion" label={t.fields.conclusion} problems={problems}>
          <Radio.Group
            aria-label={t.fields.conclusion}
            value={v.conclusion}
            onChange={(e) => editor.change({ conclusion: e.target.value as string })}
            options={CONCLUSIONS.map((c) => ({ value: c, label: t.conclusions[c] }))}
          />
        </Field>
        <Field name="checks" label={t.fields.checks} problems={problems}>
          <Checkbox.Group
            value={v.checks}
            options={CHECKS.map((c) => ({ value: c, label: t.checks[c] }))}
            onChange={(next) => {
              const patch: Record<string, string | null> = {};
              for (const c of CHECKS) {
                const on = next.includes(c);
                if (on !== v.checks.includes(c)) patch[elementPath('checks', c)] = on ? c : null;
              }
              // No 满意度测评, no score: the summary and the report count what is ticked.
              if (!next.includes('survey') && v.satisfaction !== null) patch.satisfaction = null;
              editor.change(patch);
            }}
          />
        </Field>
        <Field
          name="satisfaction"
          label={t.fields.satisfaction}
          problems={surveyed ? problems : { ...problems, missing: { satisfaction: t.surveyFirst } }}
        >
          <DecimalInput
            aria-label={t.fields.satisfaction}
            disabled={!surveyed}
            value={v.satisfaction}
            suffix="%"
            onChange={(n) => editor.change({ satisfaction: n })}
          />
        </Field>
        <Field name="note" label={t.fields.note} problems={problems}>
          <Input.TextArea
            aria-label={t.fields.note}
            value={v.note}
            autoSize={{ minRows: 3, maxRows: 14 }}
            placeholder={t.notePlaceholder}
            onChange={(e) => editor.change({ note: e.target.value })}
          />
        </Field>
      </Form>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {problem && <Alert type="error" showIcon message={problem} />}
        {v.findingId && !FAILED.has(v.conclusion) && (
          <Alert type="warning" showIcon message={t.findingStands} />
        )}
        {v.findingId ? (
          <Button
            onClick={() =>
              navigate({ page: 'case', caseId, section: 'findings', recordId: v.findingId })
            }
          >
            {t.openFinding}
          </Button>
        ) : (
          FAILED.has(v.conclusion) && (
            <Button type="primary" loading={busy} onClick={() => void toFinding()}>
              {t.toFinding}
            </Button>
          )
        )}
      </Space>
    </>
  );
}
