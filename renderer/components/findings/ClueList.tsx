import { useState } from 'react';
import {
  Alert,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  CLUE_PROPOSALS,
  CLUE_RECEIVERS,
  CLUE_SOURCES,
  clueMissing,
  feedbackDue,
  type ClueFields,
} from '../../../shared/domain/findings/clue.schema';
import type { Actor, Repositories } from '../../db';
import { useRepos } from '../../app/session';
import { useAutosaved, type TypedStore, tableStore } from '../../hooks/autosave';
import { evidenceEditing } from '../../hooks/evidence';
import { useActor } from '../../hooks/members';
import { useClueOpened } from '../../hooks/audit';
import { Field } from '../records/Field';
import { SaveStatus } from '../records/SaveStatus';
import { ReadFailed, SaveNotices } from '../records/SaveNotices';
import { zh } from '../../../shared/i18n/zh-CN';
import { useClueActions, useClues } from '../../hooks/findings';
import { options } from '../options';
import { fromIso, toIso } from '../dateValue';
import { chineseDate } from '../../../shared/domain/dates';
import { FollowUpTag } from './FollowUpTag';
import { EvidenceList } from './EvidenceList';

const c = zh.clue;

/** 问题线索: the list this member may see (the repository filters it), and a drawer to edit one. */
export function ClueList({ caseId }: { caseId: string }) {
  const clues = useClues(caseId);
  const actions = useClueActions(caseId);
  const actor = useActor(caseId);
  const [openId, setOpenId] = useState<string | null>(null);
  const open = clues?.find((x) => x.id === openId);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Alert type="info" showIcon title={c.restricted} />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!actions.canWrite}
          onClick={() => void actions.create().then((clue) => setOpenId(clue.id))}
        >
          {c.add}
        </Button>
      </Space>
      <List
        bordered
        dataSource={clues ?? []}
        locale={{ emptyText: c.empty }}
        renderItem={(clue) => (
          <List.Item
            data-testid="clue-row"
            style={{ cursor: 'pointer' }}
            onClick={() => setOpenId(clue.id)}
          >
            <Space wrap>
              <Typography.Text strong>{clue.subjectName || zh.records.untitled}</Typography.Text>
              <Typography.Text type="secondary">
                {[clue.subjectUnit, clue.subjectTitle].filter(Boolean).join(' ')}
              </Typography.Text>
              <Tag>{c.sources[clue.source]}</Tag>
              <Tag color="orange">{clue.proposal ? c.proposals[clue.proposal] : c.undecided}</Tag>
              {clue.receiver && <Tag>{clue.receiverName || c.receivers[clue.receiver]}</Tag>}
              {clue.handoverDate && <FollowUpTag clue={clue} />}
              <Typography.Text ellipsis style={{ maxWidth: 400 }}>
                {clue.allegation}
              </Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      <Drawer
        open={!!open}
        width={560}
        title={c.title}
        onClose={() => setOpenId(null)}
        destroyOnHidden
      >
        {open && actor && <ClueForm caseId={caseId} clueId={open.id} actor={actor} />}
      </Drawer>
    </>
  );
}

/** The clue store of one member: reads and writes go through the clue read rules. */
function clueStore(repos: Repositories, actor: Actor): TypedStore<ClueFields> {
  return tableStore<ClueFields>(repos, 'clues', {
    get: (id) => repos.clues.get(id, actor).catch(() => undefined),
    patch: (id, patch, who) => repos.clues.patch(id, patch, who),
    missing: clueMissing,
  });
}

/** A clue, saved as it is typed: the same autosaver, journal and indicator as every record. */
function ClueForm({ caseId, clueId, actor }: { caseId: string; clueId: string; actor: Actor }) {
  const repos = useRepos();
  const [store] = useState(() => clueStore(repos, actor));
  const editor = useAutosaved(caseId, store, clueId);
  useClueOpened(clueId, actor); // in the audit log: who opened which clue
  const f = c.fields;
  if (editor.record === undefined) return editor.loadFailed ? <ReadFailed /> : null;
  if (editor.record === null) return <SaveNotices editor={editor} label={label} />;
  const v = editor.values;
  const evidence = evidenceEditing(editor.change);
  const problems = { refused: editor.refused, missing: editor.missing };
  const text = (name: 'subjectName' | 'subjectTitle' | 'subjectUnit') => (
    <Field name={name} label={f[name]} problems={problems}>
      <Input
        aria-label={f[name]}
        value={v[name]}
        onChange={(e) => editor.change({ [name]: e.target.value })}
      />
    </Field>
  );
  return (
    <>
      <SaveStatus editor={editor} label={label} />
      <Form layout="vertical" component="div">
        {text('subjectName')}
        {text('subjectTitle')}
        {text('subjectUnit')}
        <Field name="allegation" label={f.allegation} problems={problems}>
          <Input.TextArea
            aria-label={f.allegation}
            value={v.allegation}
            autoSize={{ minRows: 3 }}
            onChange={(e) => editor.change({ allegation: e.target.value })}
          />
        </Field>
        <Field name="source" label={f.source} problems={problems}>
          <Select
            aria-label={f.source}
            value={v.source}
            options={options(CLUE_SOURCES, c.sources)}
            onChange={(source) => editor.change({ source })}
          />
        </Field>
        <Field name="proposal" label={f.proposal} problems={problems}>
          <Select
            aria-label={f.proposal}
            value={v.proposal || undefined}
            placeholder={c.undecided}
            allowClear
            options={options(CLUE_PROPOSALS, c.proposals)}
            onChange={(proposal) => editor.change({ proposal: proposal ?? '' })}
          />
        </Field>
        <Space.Compact block>
          <Field name="receiver" label={f.receiver} problems={problems}>
            <Select
              aria-label={f.receiver}
              style={{ width: 140 }}
              value={v.receiver || undefined}
              placeholder={c.notHandedOver}
              allowClear
              options={options(CLUE_RECEIVERS, c.receivers)}
              onChange={(receiver) => editor.change({ receiver: receiver ?? '' })}
            />
          </Field>
          <Field name="receiverName" label={f.receiverName} problems={problems}>
            <Input
              aria-label={f.receiverName}
              value={v.receiverName}
              onChange={(e) => editor.change({ receiverName: e.target.value })}
            />
          </Field>
        </Space.Compact>
        <Field name="handoverDate" label={f.handoverDate} problems={problems}>
          <Space>
            <DatePicker
              aria-label={f.handoverDate}
              value={fromIso(v.handoverDate)}
              onChange={(d) => editor.change({ handoverDate: toIso(d) })}
            />
            {v.handoverDate && (
              <Typography.Text type="secondary">
                {c.feedbackDue}：{chineseDate(feedbackDue(v))}
              </Typography.Text>
            )}
          </Space>
        </Field>
        {v.handoverDate && (
          <>
            <Field name="resultDate" label={f.resultDate} problems={problems}>
              <Space>
                <DatePicker
                  aria-label={f.resultDate}
                  value={fromIso(v.resultDate)}
                  onChange={(d) => editor.change({ resultDate: toIso(d) })}
                />
                <FollowUpTag clue={v} />
              </Space>
            </Field>
            <Field name="result" label={f.result} problems={problems}>
              <Input.TextArea
                aria-label={f.result}
                value={v.result}
                autoSize={{ minRows: 2 }}
                onChange={(e) => editor.change({ result: e.target.value })}
              />
            </Field>
          </>
        )}
        <Field name="confidentiality" label={f.confidentiality} problems={problems}>
          <Input.TextArea
            aria-label={f.confidentiality}
            value={v.confidentiality}
            autoSize={{ minRows: 2 }}
            onChange={(e) => editor.change({ confidentiality: e.target.value })}
          />
        </Field>
        <Field name="evidence" label={f.evidence} problems={problems}>
          <EvidenceList
            caseId={caseId}
            evidence={v.evidence}
            editable
            emptyText={c.noEvidence}
            onAdd={evidence.add}
            onRemove={evidence.remove}
          />
        </Field>
      </Form>
    </>
  );
}

const label = (field: string) => (c.fields as Record<string, string>)[field] ?? field;
