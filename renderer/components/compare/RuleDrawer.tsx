import { useState } from 'react';
import { Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ulid } from 'ulid';
import { LIST_KIND_NAMES, LIST_KINDS } from '../../../shared/domain/compare/kinds';
import type { RuleFields } from '../../../shared/domain/compare/compare.schema';
import { positionAfter } from '../../../shared/domain/order';
import { zh } from '../../../shared/i18n/zh-CN';
import type { Repositories } from '../../db';
import { useRepos } from '../../app/session';
import { useAutosaved, tableStore } from '../../hooks/autosave';
import { Field } from '../records/Field';
import { SaveStatus } from '../records/SaveStatus';
import { ReadFailed, SaveNotices } from '../records/SaveNotices';

const t = zh.compare;
const f = t.fields;
const label = (field: string) => (f as Record<string, string>)[field] ?? field;

const ruleStore = (repos: Repositories) =>
  tableStore<RuleFields>(repos, 'compareRules', {
    get: (id) => repos.compare.getRule(id),
    patch: (id, patch, actor) => repos.compare.patchRule(id, patch, actor),
  });

/**
 * A rule: which kind of list against which, what a hit means, whether relatives count, and
 * its exemptions (a target row whose column holds a text is set apart, with the reason).
 */
export function RuleDrawerBody(props: {
  caseId: string;
  ruleId: string;
  /** Headers of the target kind's lists, offered for an exemption's column. */
  targetColumns: readonly string[];
}) {
  const { caseId, ruleId, targetColumns } = props;
  const repos = useRepos();
  const [store] = useState(() => ruleStore(repos));
  const editor = useAutosaved(caseId, store, ruleId);
  if (editor.record === undefined) return editor.loadFailed ? <ReadFailed /> : null;
  if (editor.record === null) return <SaveNotices editor={editor} label={label} />;
  const v = editor.values;
  const problems = { refused: editor.refused, missing: editor.missing };
  const kinds = LIST_KINDS.map((k) => ({ value: k, label: LIST_KIND_NAMES[k] }));
  const exemptions = v.exemptions;
  const setExemption = (id: string, part: Partial<(typeof exemptions)[number]>) =>
    editor.change({
      exemptions: exemptions.map((e) => (e.id === id ? { ...e, ...part } : e)),
    });
  return (
    <>
      <SaveStatus editor={editor} label={label} />
      <Form layout="vertical">
        <Space>
          <Field name="source" label={f.source} problems={problems}>
            <Select
              aria-label={f.source}
              style={{ width: 180 }}
              value={v.source}
              options={kinds}
              onChange={(source: string) => editor.change({ source })}
            />
          </Field>
          <Field name="target" label={f.target} problems={problems}>
            <Select
              aria-label={f.target}
              style={{ width: 180 }}
              value={v.target}
              options={kinds}
              onChange={(target: string) => editor.change({ target })}
            />
          </Field>
        </Space>
        <Field name="meaning" label={f.meaning} problems={problems}>
          <Input
            aria-label={f.meaning}
            value={v.meaning}
            onChange={(e) => editor.change({ meaning: e.target.value })}
          />
        </Field>
        <Field name="household" label={t.household} problems={problems}>
          <Checkbox
            checked={v.household}
            onChange={(e) => editor.change({ household: e.target.checked })}
          >
            {t.householdHint}
          </Checkbox>
        </Field>
        <Field name="exemptions" label={t.exemptions} problems={problems}>
          <div data-testid="exemptions">
            {exemptions.map((e) => (
              <Space key={e.id} style={{ marginBottom: 8 }} wrap>
                <Select
                  aria-label={f.exemptColumn}
                  placeholder={f.exemptColumn}
                  style={{ width: 150 }}
                  value={e.column || undefined}
                  options={targetColumns.filter(Boolean).map((c) => ({ value: c, label: c }))}
                  onChange={(column: string) => setExemption(e.id, { column })}
                />
                <Input
                  aria-label={f.exemptContains}
                  placeholder={f.exemptContains}
                  style={{ width: 150 }}
                  value={e.contains}
                  onChange={(x) => setExemption(e.id, { contains: x.target.value })}
                />
                <Input
                  aria-label={f.exemptReason}
                  placeholder={f.exemptReason}
                  style={{ width: 220 }}
                  value={e.reason}
                  onChange={(x) => setExemption(e.id, { reason: x.target.value })}
                />
                <Button
                  aria-label={t.removeExemption}
                  icon={<DeleteOutlined />}
                  onClick={() =>
                    editor.change({ exemptions: exemptions.filter((x) => x.id !== e.id) })
                  }
                />
              </Space>
            ))}
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() =>
                editor.change({
                  exemptions: [
                    ...exemptions,
                    {
                      id: ulid(),
                      pos: positionAfter(exemptions.map((x) => x.pos)),
                      column: '',
                      contains: '',
                      reason: '',
                    },
                  ],
                })
              }
            >
              {t.addExemption}
            </Button>
          </div>
        </Field>
      </Form>
    </>
  );
}
