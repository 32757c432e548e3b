import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { ulid } from 'ulid';
import { chineseDate, localIsoDate } from '../../../shared/domain/dates';
import {
  TASK_STAGES,
  TASK_STATUSES,
  type ProgressNote,
  type TaskFields,
  type TaskRecord,
} from '../../../shared/domain/ledger/task.schema';
import { positionAfter } from '../../../shared/domain/order';
import { zh } from '../../../shared/i18n/zh-CN';
import type { Repositories } from '../../db';
import { useRepos } from '../../app/session';
import { useAutosaved, tableStore } from '../../hooks/autosave';
import { useLedgerActions } from '../../hooks/ledger';
import { useCurrentMember, useMembers } from '../../hooks/members';
import { AttachmentsPanel } from '../AttachmentsPanel';
import { fromIso, toIso } from '../dateValue';
import { options } from '../options';
import { DecimalInput } from '../DecimalInput';
import { Field } from '../records/Field';
import { SaveIndicator } from '../records/SaveIndicator';
import { ReadFailed, SaveNotices } from '../records/SaveNotices';
import { errorText } from '../formErrors';

const l = zh.ledger;
const f = l.fields;

const taskStore = (repos: Repositories) =>
  tableStore<TaskFields>(repos, 'tasks', {
    get: (id) => repos.ledger.getTask(id),
    patch: (id, patch, actor) => repos.ledger.patchTask(id, patch, actor),
  });

const label = (field: string) => (f as Record<string, string>)[field] ?? field;

/** One 整改任务, saved as it is typed; its evidence; and 对账销号 or reopening. */
export function TaskDrawerBody({ caseId, taskId }: { caseId: string; taskId: string }) {
  const repos = useRepos();
  const [store] = useState(() => taskStore(repos));
  const editor = useAutosaved(caseId, store, taskId);
  if (editor.record === undefined) return editor.loadFailed ? <ReadFailed /> : null;
  if (editor.record === null) return <SaveNotices editor={editor} label={label} />;
  const v = editor.values;
  const problems = { refused: editor.refused, missing: editor.missing };
  const closed = v.status === 'closed';
  const text = (name: 'goal' | 'measure' | 'resultNote', rows = 2) => (
    <Field name={name} label={f[name]} problems={problems}>
      <Input.TextArea
        aria-label={f[name]}
        value={v[name]}
        autoSize={{ minRows: rows, maxRows: 12 }}
        onChange={(e) => editor.change({ [name]: e.target.value })}
      />
    </Field>
  );
  const line = (name: 'leader' | 'department' | 'owner') => (
    <Col span={8}>
      <Field name={name} label={f[name]} problems={problems}>
        <Input
          aria-label={f[name]}
          value={v[name]}
          onChange={(e) => editor.change({ [name]: e.target.value })}
        />
      </Field>
    </Col>
  );
  const count = (name: 'rulesMade' | 'peopleHandled') => (
    <Col span={8}>
      <Field name={name} label={f[name]} problems={problems}>
        <DecimalInput
          aria-label={f[name]}
          width={undefined}
          value={v[name]}
          onChange={(n) => editor.change({ [name]: n ?? 0 })}
        />
      </Field>
    </Col>
  );
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Text strong>{`${f.no} ${v.no}`}</Typography.Text>
        <SaveIndicator
          status={editor.status}
          failure={editor.failure?.message ?? null}
          refusedCount={Object.keys(editor.refused).length}
        />
      </Space>
      <SaveNotices editor={editor} label={label} />
      <Form layout="vertical" component="div">
        {text('goal')}
        {text('measure', 3)}
        <Row gutter={12}>
          {line('leader')}
          {line('department')}
          {line('owner')}
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Field name="due" label={f.due} problems={problems}>
              <DatePicker
                aria-label={f.due}
                value={fromIso(v.due)}
                onChange={(d) => editor.change({ due: toIso(d) })}
              />
            </Field>
          </Col>
          <Col span={8}>
            <Field name="stage" label={f.stage} problems={problems}>
              <Select
                aria-label={f.stage}
                value={v.stage}
                options={options(TASK_STAGES, l.stages)}
                onChange={(stage) => editor.change({ stage })}
              />
            </Field>
          </Col>
          <Col span={8}>
            <Field name="status" label={f.status} problems={problems}>
              <Select
                aria-label={f.status}
                value={v.status}
                disabled={closed}
                // 已销号 is shown, never chosen here: only 对账销号 writes it.
                options={options(TASK_STATUSES, l.statuses).map((o) =>
                  o.value === 'closed' ? { ...o, disabled: true } : o,
                )}
                onChange={(status) => editor.change({ status })}
              />
            </Field>
          </Col>
        </Row>
        <Field name="progress" label={f.progress} problems={problems}>
          <Progress
            notes={v.progress}
            caseId={caseId}
            onChange={(progress) => editor.change({ progress })}
          />
        </Field>
        <Row gutter={12}>
          {count('rulesMade')}
          <Col span={8}>
            <Field name="recoveredFen" label={f.recovered} problems={problems}>
              <DecimalInput
                aria-label={f.recovered}
                suffix="元"
                width={undefined}
                value={typeof v.recoveredFen === 'number' ? v.recoveredFen / 100 : v.recoveredFen}
                onChange={(n) =>
                  editor.change({
                    recoveredFen: typeof n === 'number' ? Math.round(n * 100) : (n ?? 0),
                  })
                }
              />
            </Field>
          </Col>
          {count('peopleHandled')}
        </Row>
        {text('resultNote')}
      </Form>
      <AttachmentsPanel caseId={caseId} kind="tasks" recordId={taskId} title={f.evidence} />
      <CloseCard
        caseId={caseId}
        taskId={taskId}
        task={v}
        blocked={Object.keys(editor.refused).length > 0}
        before={editor.flush}
        onWritten={editor.adopt}
      />
    </>
  );
}

/** 整改进展: dated notes, newest last; a new one is dated today and signed by who adds it. */
function Progress(props: {
  caseId: string;
  notes: readonly ProgressNote[];
  onChange: (notes: ProgressNote[]) => void;
}) {
  const me = useCurrentMember(props.caseId);
  const add = () =>
    props.onChange([
      ...props.notes,
      {
        id: ulid(),
        pos: positionAfter(props.notes.map((n) => n.pos)),
        date: localIsoDate(new Date()),
        by: me?.name ?? '',
        text: '',
      },
    ]);
  const write = (id: string, text: string) =>
    props.onChange(props.notes.map((n) => (n.id === id ? { ...n, text } : n)));
  return (
    <div data-testid="progress">
      {props.notes.map((n) => (
        <div key={n.id} style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">
            {chineseDate(n.date)} {n.by}
          </Typography.Text>
          <Input.TextArea
            aria-label={`${f.progress} ${chineseDate(n.date)}`}
            value={n.text}
            autoSize={{ minRows: 1, maxRows: 8 }}
            onChange={(e) => write(n.id, e.target.value)}
          />
        </div>
      ))}
      <Button size="small" icon={<PlusOutlined />} onClick={add}>
        {l.progressAdd}
      </Button>
    </div>
  );
}

/** 对账销号 (evidence and a named checker), or, once 销号, reopening with a reason. */
function CloseCard(props: {
  caseId: string;
  taskId: string;
  task: TaskFields;
  /** A value refused beside its field: 销号 would record the task without it. */
  blocked: boolean;
  /** Writes what is still typed first. */
  before: () => Promise<void>;
  /** Told of the write, so the editor knows it as this page's own. */
  onWritten: (record: TaskRecord) => void;
}) {
  const { caseId, taskId, task, blocked, before, onWritten } = props;
  const actions = useLedgerActions(caseId);
  const members = useMembers(caseId) ?? [];
  const me = useCurrentMember(caseId);
  const [chosen, setChosen] = useState<string | undefined>();
  // The member using this laptop checks it, unless another is chosen.
  const checkedBy = chosen ?? me?.id;
  const [office, setOffice] = useState('');
  const [unitContact, setUnitContact] = useState('');
  const [date, setDate] = useState(localIsoDate(new Date()));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (work: () => Promise<TaskRecord>) => {
    if (blocked) return setProblem(l.closeBlocked);
    try {
      await before();
      onWritten(await work());
      setProblem(null);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? id;
  return (
    <Card size="small" title={f.signOff} style={{ marginTop: 12 }} data-testid="close-card">
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      {task.signOff && (
        <Typography.Paragraph data-testid="sign-off">
          {l.signedOff(nameOf(task.signOff.checkedBy), chineseDate(task.signOff.date))}
          {task.signOff.office && `；${f.office}：${task.signOff.office}`}
          {task.signOff.unitContact && `；${f.unitContact}：${task.signOff.unitContact}`}
          {task.reopenReason && `（${l.reopen}：${task.reopenReason}）`}
        </Typography.Paragraph>
      )}
      {task.status === 'closed' ? (
        <Space.Compact block>
          <Input
            aria-label={f.reopenReason}
            placeholder={f.reopenReason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button onClick={() => void run(() => actions.reopen(taskId, reason))}>{l.reopen}</Button>
        </Space.Compact>
      ) : (
        <Space wrap>
          <Typography.Text>{l.checker}</Typography.Text>
          <Select
            aria-label={l.checker}
            style={{ width: 140 }}
            value={checkedBy}
            options={members.map((m) => ({ value: m.id, label: m.name }))}
            onChange={setChosen}
          />
          <Input
            aria-label={f.office}
            placeholder={f.office}
            style={{ width: 140 }}
            value={office}
            onChange={(e) => setOffice(e.target.value)}
          />
          <Input
            aria-label={f.unitContact}
            placeholder={f.unitContact}
            style={{ width: 160 }}
            value={unitContact}
            onChange={(e) => setUnitContact(e.target.value)}
          />
          <DatePicker
            aria-label={f.signOffDate}
            value={fromIso(date)}
            onChange={(d) => setDate(toIso(d))}
          />
          <Button
            type="primary"
            onClick={() =>
              void run(() => actions.close(taskId, { checkedBy, office, unitContact, date }))
            }
          >
            {l.close}
          </Button>
        </Space>
      )}
    </Card>
  );
}
