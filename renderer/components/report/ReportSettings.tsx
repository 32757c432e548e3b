import { Card, Checkbox, Form, Input, Radio, Select } from 'antd';
import { REPORT_SCHEMES, type CaseFields } from '../../../shared/domain/case.schema';
import { SCHEMES } from '../../../shared/domain/report/headings';
import { defaultOpening } from '../../../shared/documents/report';
import { chineseNumeral } from '../../../shared/documents/words';
import { STANDARD_NOTICE } from '../../../shared/documents/interview';
import { zh } from '../../../shared/i18n/zh-CN';
import type { AutosavedRecord } from '../../hooks/autosave';
import { Field } from '../records/Field';
import { SaveIndicator } from '../records/SaveIndicator';
import { ReadFailed, SaveNotices } from '../records/SaveNotices';

const r = zh.report;
const f = zh.case.fields;

const label = (field: string) => (f as Record<string, string>)[field] ?? field;

/** What the 组长 writes for the report: wording, headings, and the case's lists. */
export function ReportSettings({
  editor,
  canEdit,
}: {
  editor: AutosavedRecord<CaseFields>;
  canEdit: boolean;
}) {
  if (editor.record === undefined) return editor.loadFailed ? <ReadFailed /> : null;
  if (editor.record === null) return <SaveNotices editor={editor} label={label} />;
  const v = editor.values;
  const problems = { refused: editor.refused, missing: editor.missing };
  type TextField =
    | 'mandate'
    | 'reportOpening'
    | 'reportBasics'
    | 'reportSuggestions'
    | 'feedbackEvaluation'
    | 'noticeTemplate';
  const text = (name: TextField, rows: number, placeholder?: string) => (
    <Field
      name={name}
      label={
        name in r.usedIn
          ? `${label(name)}（${r.usedIn[name as keyof typeof r.usedIn]}）`
          : label(name)
      }
      problems={problems}
    >
      <Input.TextArea
        aria-label={label(name)}
        readOnly={!canEdit}
        value={v[name]}
        placeholder={placeholder}
        autoSize={{ minRows: rows, maxRows: 20 }}
        onChange={(e) => editor.change({ [name]: e.target.value })}
      />
    </Field>
  );
  return (
    <Card
      title={r.settings}
      size="small"
      extra={
        canEdit && (
          <SaveIndicator
            status={editor.status}
            failure={editor.failure?.message ?? null}
            refusedCount={Object.keys(editor.refused).length}
          />
        )
      }
    >
      <SaveNotices editor={editor} label={label} />
      {/* Read-only for the others, not greyed out: they read it. */}
      <Form layout="vertical" component="div">
        <Field name="committee" label={f.committee} problems={problems}>
          <Input
            aria-label={f.committee}
            readOnly={!canEdit}
            placeholder="县委"
            value={v.committee}
            onChange={(e) => editor.change({ committee: e.target.value })}
          />
        </Field>
        {text('mandate', 1, '根据县委巡察工作统一部署')}
        <Field name="reportScheme" label={f.reportScheme} problems={problems}>
          <Radio.Group
            aria-label={f.reportScheme}
            disabled={!canEdit}
            value={v.reportScheme}
            options={REPORT_SCHEMES.map((s) => ({ value: s, label: r.schemes[s] }))}
            onChange={(e) => editor.change({ reportScheme: e.target.value as string })}
          />
        </Field>
        <Field name="headingTexts" label={r.headings} problems={problems}>
          {SCHEMES[v.reportScheme].map((h, i) => (
            <Input
              key={h.key}
              aria-label={`${r.headings}：${h.text}`}
              addonBefore={`（${chineseNumeral(i + 1)}）`}
              title={r.headingPlaceholder(h.text)}
              readOnly={!canEdit}
              style={{ marginBottom: 4 }}
              placeholder={r.headingPlaceholder(h.text)}
              value={v.headingTexts[h.key] ?? ''}
              onChange={(e) =>
                editor.change({ headingTexts: { ...v.headingTexts, [h.key]: e.target.value } })
              }
            />
          ))}
        </Field>
        {text('reportOpening', 2, r.openingPlaceholder(defaultOpening(v)))}
        {text('reportBasics', 4)}
        {text('reportSuggestions', 4)}
        {text('feedbackEvaluation', 3)}
        {text('noticeTemplate', 2, STANDARD_NOTICE)}
        <Field name="basisList" label={r.basisList} problems={problems}>
          <Select
            aria-label={r.basisList}
            mode="tags"
            open={false}
            disabled={!canEdit}
            placeholder={r.basisListHint}
            value={[...v.basisList]}
            onChange={(basisList: string[]) => editor.change({ basisList })}
          />
        </Field>
        <Field name="annexFullIds" label={r.annexFullIds} problems={problems}>
          <Checkbox
            disabled={!canEdit}
            checked={v.annexFullIds}
            onChange={(e) => editor.change({ annexFullIds: e.target.checked })}
          >
            {r.annexFullIdsHint}
          </Checkbox>
        </Field>
      </Form>
    </Card>
  );
}
