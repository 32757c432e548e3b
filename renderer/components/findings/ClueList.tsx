import { useState } from 'react';
import { Alert, Button, Drawer, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import {
  CLUE_HANDLINGS,
  CLUE_SOURCES,
  clueMissing,
  type ClueRecord,
} from '../../../shared/domain/findings/clue.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { useClueActions, useClues } from '../../hooks/findings';
import { options } from '../options';
import { EvidenceList } from './EvidenceList';

const c = zh.clue;

/** 问题线索: the list this member may see (the repository filters it), and a drawer to edit one. */
export function ClueList({ caseId }: { caseId: string }) {
  const clues = useClues(caseId);
  const actions = useClueActions(caseId);
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
              <Tag color="orange">{c.handlings[clue.handling]}</Tag>
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
        {open && <ClueForm caseId={caseId} clue={open} />}
      </Drawer>
    </>
  );
}

/** Edits save on each change (selects) or when a text field is left (texts). */
function ClueForm({ caseId, clue }: { caseId: string; clue: ClueRecord }) {
  const actions = useClueActions(caseId);
  const f = c.fields;
  const missing = clueMissing(clue);
  const save = (patch: Record<string, unknown>) => void actions.patch(clue.id, patch);
  const text = (name: 'subjectName' | 'subjectTitle' | 'subjectUnit', label: string) => (
    <Form.Item
      label={label}
      validateStatus={missing[name] ? 'warning' : undefined}
      help={missing[name]}
    >
      <Input
        aria-label={label}
        defaultValue={clue[name]}
        onBlur={(e) => save({ [name]: e.target.value })}
      />
    </Form.Item>
  );
  return (
    <Form layout="vertical" component="div" disabled={!actions.canWrite}>
      {text('subjectName', f.subjectName)}
      {text('subjectTitle', f.subjectTitle)}
      {text('subjectUnit', f.subjectUnit)}
      <Form.Item
        label={f.allegation}
        validateStatus={missing.allegation ? 'warning' : undefined}
        help={missing.allegation}
      >
        <Input.TextArea
          aria-label={f.allegation}
          defaultValue={clue.allegation}
          autoSize={{ minRows: 3 }}
          onBlur={(e) => save({ allegation: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={f.source}>
        <Select
          aria-label={f.source}
          value={clue.source}
          options={options(CLUE_SOURCES, c.sources)}
          onChange={(source) => save({ source })}
        />
      </Form.Item>
      <Form.Item label={f.handling}>
        <Select
          aria-label={f.handling}
          value={clue.handling}
          options={options(CLUE_HANDLINGS, c.handlings)}
          onChange={(handling) => save({ handling })}
        />
      </Form.Item>
      <Form.Item label={f.confidentiality}>
        <Input.TextArea
          aria-label={f.confidentiality}
          defaultValue={clue.confidentiality}
          autoSize={{ minRows: 2 }}
          onBlur={(e) => save({ confidentiality: e.target.value })}
        />
      </Form.Item>
      <Form.Item label={f.evidence}>
        <EvidenceList
          caseId={caseId}
          evidence={clue.evidence}
          editable={actions.canWrite}
          onAdd={(ref) => save({ evidence: [...clue.evidence, ref] })}
          onRemove={(ref) =>
            save({
              evidence: clue.evidence.filter(
                (e) => e.recordId !== ref.recordId || e.turnId !== ref.turnId,
              ),
            })
          }
        />
      </Form.Item>
    </Form>
  );
}
