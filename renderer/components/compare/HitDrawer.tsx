import { useState } from 'react';
import { Descriptions, Form, Input, Radio, Select, Tag } from 'antd';
import { maskId } from '../../../shared/domain/compare/idNumber';
import { HIT_STATUSES, type HitFields } from '../../../shared/domain/compare/compare.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import type { Repositories } from '../../db';
import { useRepos } from '../../app/session';
import { useAutosaved, tableStore } from '../../hooks/autosave';
import { useMembers } from '../../hooks/members';
import { useLive } from '../../hooks/live';
import { Field } from '../records/Field';
import { SaveStatus } from '../records/SaveStatus';
import { ReadFailed, SaveNotices } from '../records/SaveNotices';

const t = zh.compare;
const c = t.columns;
const label = (field: string) => (t.fields as Record<string, string>)[field] ?? field;

const hitStore = (repos: Repositories) =>
  tableStore<HitFields>(repos, 'compareHits', {
    get: (id) => repos.compare.getHit(id),
    patch: (id, patch, actor) => repos.compare.patchHit(id, patch, actor),
  });

/** One 疑点: what matched, and its 核实, saved as it is typed. */
export function HitDrawerBody(props: {
  caseId: string;
  hitId: string;
  listNames: ReadonlyMap<string, string>;
}) {
  const { caseId, hitId, listNames } = props;
  const repos = useRepos();
  const [store] = useState(() => hitStore(repos));
  const editor = useAutosaved(caseId, store, hitId);
  const members = useMembers(caseId) ?? [];
  if (editor.record === undefined) return editor.loadFailed ? <ReadFailed /> : null;
  if (editor.record === null) return <SaveNotices editor={editor} label={label} />;
  const v = editor.values;
  const problems = { refused: editor.refused, missing: editor.missing };
  const where = (listId: string, row: number) => t.rowOf(listNames.get(listId) ?? '', row);
  return (
    <>
      <SaveStatus editor={editor} label={label} />
      <Descriptions size="small" bordered column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t.columns.no}>{v.no}</Descriptions.Item>
        <Descriptions.Item label={t.columns.description}>{v.description}</Descriptions.Item>
        <Descriptions.Item label={t.mapping.name}>{v.name}</Descriptions.Item>
        <Descriptions.Item label={t.mapping.id}>{maskId(v.idNumber)}</Descriptions.Item>
        <Descriptions.Item label={t.columns.source}>
          {where(v.sourceListId, v.sourceRow)}
        </Descriptions.Item>
        <Descriptions.Item label={t.columns.target}>
          {where(v.targetListId, v.targetRow)}
        </Descriptions.Item>
        <Descriptions.Item label={t.columns.way}>
          {t.ways[v.way]}
          {v.exempted && <Tag style={{ marginLeft: 8 }}>{t.exemptedBy(v.exempted)}</Tag>}
          {v.gone && (
            <Tag color="default" style={{ marginLeft: 8 }}>
              {t.gone}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      <MatchedRow title={c.source} listId={v.sourceListId} n={v.sourceRow} />
      <MatchedRow title={c.target} listId={v.targetListId} n={v.targetRow} />
      <Form layout="vertical">
        <Field name="status" label={t.fields.status} problems={problems}>
          <Radio.Group
            aria-label={t.fields.status}
            value={v.status}
            onChange={(e) => editor.change({ status: e.target.value as string })}
            options={HIT_STATUSES.map((s) => ({ value: s, label: t.statuses[s] }))}
          />
        </Field>
        <Field name="verifiedBy" label={t.fields.verifiedBy} problems={problems}>
          <Select
            aria-label={t.fields.verifiedBy}
            style={{ width: 200 }}
            allowClear
            value={v.verifiedBy || undefined}
            onChange={(id?: string) => editor.change({ verifiedBy: id ?? '' })}
            options={members.map((m) => ({ value: m.id, label: m.name }))}
          />
        </Field>
        <Field name="verifyNote" label={t.fields.verifyNote} problems={problems}>
          <Input.TextArea
            aria-label={t.fields.verifyNote}
            value={v.verifyNote}
            autoSize={{ minRows: 3, maxRows: 12 }}
            onChange={(e) => editor.change({ verifyNote: e.target.value })}
          />
        </Field>
      </Form>
    </>
  );
}

/** A matched row as its list holds it, every column, the number masked. */
function MatchedRow(props: { title: string; listId: string; n: number }) {
  const repos = useRepos();
  const found = useLive(() => repos.compare.rowAt(props.listId, props.n), [props.listId, props.n]);
  if (!found) return null;
  const { list, row } = found;
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      style={{ marginBottom: 16 }}
      title={`${props.title}：${t.rowOf(list.name || list.fileName, row.n)}`}
      data-testid="matched-row"
    >
      {list.columns.map((header, i) =>
        header || row.cells[i] ? (
          <Descriptions.Item key={i} label={header || t.columnN(i + 1)}>
            {i === list.mapping.id || i === list.mapping.householderId
              ? maskId(row.cells[i] ?? '')
              : row.cells[i]}
          </Descriptions.Item>
        ) : null,
      )}
    </Descriptions>
  );
}
