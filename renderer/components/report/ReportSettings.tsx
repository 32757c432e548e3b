import { Card, Form, Input, Radio, Select } from 'antd';
import { REPORT_SCHEMES, type CaseRecord } from '../../../shared/domain/case.schema';
import { SCHEMES } from '../../../shared/domain/report/headings';
import { defaultOpening } from '../../../shared/documents/report';
import { STANDARD_NOTICE } from '../../../shared/documents/interview';
import { zh } from '../../../shared/i18n/zh-CN';
import { useAutosaved } from '../../hooks/autosave';
import { caseSettingsStore } from '../../hooks/caseSettings';
import { Field } from '../records/Field';
import { SaveIndicator } from '../records/SaveIndicator';
import { ReadFailed, SaveNotices } from '../records/SaveNotices';

const r = zh.report;
const f = zh.case.fields;

const label = (field: string) => (f as Record<string, string>)[field] ?? field;

/** What the 组长 writes for the report: wording, headings, and the case's lists. */
export function ReportSettings({
  caseRecord,
  canEdit,
}: {
  caseRecord: CaseRecord;
  canEdit: boolean;
}) {
  const editor = useAutosaved(caseRecord.id, caseSettingsStore, caseRecord.id);
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
    <Field name={name} label={label(name)} problems={problems}>
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
        <SaveIndicator
          status={editor.status}
          failure={editor.failure?.message ?? null}
          refusedCount={Object.keys(editor.refused).length}
        />
      }
    >
      <SaveNotices editor={editor} label={label} />
      <Form layout="vertical" component="div" disabled={!canEdit}>
        <Field name="committee" label={f.committee} problems={problems}>
          <Input
            aria-label={f.committee}
            placeholder="县委"
            value={v.committee}
            onChange={(e) => editor.change({ committee: e.target.value })}
          />
        </Field>
        {text('mandate', 1, '根据县委巡察工作统一部署')}
        <Field name="reportScheme" label={f.reportScheme} problems={problems}>
          <Radio.Group
            aria-label={f.reportScheme}
            value={v.reportScheme}
            options={REPORT_SCHEMES.map((s) => ({ value: s, label: r.schemes[s] }))}
            onChange={(e) => editor.change({ reportScheme: e.target.value as string })}
          />
        </Field>
        <Field name="headingTexts" label={r.headings} problems={problems}>
          {SCHEMES[v.reportScheme].map((h) => (
            <Input
              key={h.key}
              aria-label={`${r.headings}：${h.text}`}
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
            placeholder={r.basisListHint}
            value={[...v.basisList]}
            onChange={(basisList: string[]) => editor.change({ basisList })}
          />
        </Field>
      </Form>
    </Card>
  );
}
