/**
 * The four record forms. Each is a plain layout of fields over the editor's values: no state of
 * its own, no saving (the editor's autosave does that), no rules (shared/ has them).
 */
import type { ReactNode } from 'react';
import { Checkbox, Col, Input, Row, Select } from 'antd';
import { lengthLimit } from '../lengthLimit';
import {
  INTERVIEW_KINDS,
  type InterviewFields,
} from '../../../shared/domain/records/interview.schema';
import { DOC_KINDS, type DocReviewFields } from '../../../shared/domain/records/docReview.schema';
import type { SiteVisitFields } from '../../../shared/domain/records/siteVisit.schema';
import {
  PETITION_CATEGORIES,
  PETITION_CHANNELS,
  PETITION_STATUSES,
  type PetitionFields,
} from '../../../shared/domain/records/petition.schema';
import type { RecordKind } from '../../../shared/domain/records';
import { zh } from '../../../shared/i18n/zh-CN';
import { options } from '../options';
import { Field, type FieldProblems } from './Field';
import { IntervieweesEditor } from './IntervieweesEditor';
import { TurnsEditor } from './TurnsEditor';
import { BigTextArea } from './BigTextArea';
import { DateInput, MemberPicker, TimeInput } from './pickers';

export interface FormProps<T> {
  caseId: string;
  values: T;
  change: (patch: Partial<T>) => void;
  problems: FieldProblems;
}

function InterviewForm({ caseId, values: v, change, problems }: FormProps<InterviewFields>) {
  const f = zh.interview.fields;
  return (
    <>
      <Row gutter={16}>
        <Col span={6}>
          <Field name="kind" label={f.kind} problems={problems} required>
            <Select
              aria-label={f.kind}
              value={v.kind}
              options={options(INTERVIEW_KINDS, zh.interview.kinds)}
              onChange={(kind) => change({ kind })}
            />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="date" label={f.date} problems={problems} required>
            <DateInput label={f.date} value={v.date} onChange={(date) => change({ date })} />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="startTime" label={f.startTime} problems={problems}>
            <TimeInput
              label={f.startTime}
              value={v.startTime}
              onChange={(startTime) => change({ startTime })}
            />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="endTime" label={f.endTime} problems={problems}>
            <TimeInput
              label={f.endTime}
              value={v.endTime}
              onChange={(endTime) => change({ endTime })}
            />
          </Field>
        </Col>
        <Col span={8}>
          <Field name="place" label={f.place} problems={problems}>
            <Input
              aria-label={f.place}
              value={v.place}
              count={lengthLimit(100)}
              onChange={(e) => change({ place: e.target.value })}
            />
          </Field>
        </Col>
        <Col span={10}>
          <Field name="interviewers" label={f.interviewers} problems={problems} required>
            <MemberPicker
              caseId={caseId}
              multiple
              ariaLabel={f.interviewers}
              value={v.interviewers}
              onChange={(ids) => change({ interviewers: ids as string[] })}
            />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="recorder" label={f.recorder} problems={problems}>
            <MemberPicker
              caseId={caseId}
              ariaLabel={f.recorder}
              value={v.recorder}
              onChange={(id) => change({ recorder: id as string })}
            />
          </Field>
        </Col>
      </Row>
      <Field name="interviewees" label={f.interviewees} problems={problems} required>
        <IntervieweesEditor
          value={v.interviewees}
          onChange={(interviewees) => change({ interviewees })}
        />
      </Field>
      <Field name="topics" label={f.topics} problems={problems}>
        <Select
          aria-label={f.topics}
          mode="tags"
          placeholder={zh.interview.topicsPlaceholder}
          open={false} // free text only: an empty "暂无数据" list would suggest choosing
          value={v.topics}
          onChange={(topics: string[]) => change({ topics })}
        />
      </Field>
      <Field name="turns" label={f.turns} problems={problems}>
        <TurnsEditor turns={v.turns} onChange={(turns) => change({ turns })} />
      </Field>
      <Checkbox checked={v.confirmed} onChange={(e) => change({ confirmed: e.target.checked })}>
        {f.confirmed}
      </Checkbox>
    </>
  );
}

function DocReviewForm({ caseId, values: v, change, problems }: FormProps<DocReviewFields>) {
  const f = zh.docReview.fields;
  const text = (name: 'title' | 'sourceDept' | 'refNo' | 'volume', label: string, span: number) => (
    <Col span={span}>
      <Field name={name} label={label} problems={problems} required={name === 'title'}>
        <Input
          aria-label={label}
          value={v[name]}
          onChange={(e) => change({ [name]: e.target.value })}
        />
      </Field>
    </Col>
  );
  return (
    <>
      <Row gutter={16}>
        {text('title', f.title, 12)}
        <Col span={6}>
          <Field name="kind" label={f.kind} problems={problems}>
            <Select
              aria-label={f.kind}
              value={v.kind}
              options={options(DOC_KINDS, zh.docReview.kinds)}
              onChange={(kind) => change({ kind })}
            />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="date" label={f.date} problems={problems} required>
            <DateInput label={f.date} value={v.date} onChange={(date) => change({ date })} />
          </Field>
        </Col>
        {text('sourceDept', f.sourceDept, 8)}
        {text('refNo', f.refNo, 8)}
        {text('volume', f.volume, 8)}
        <Col span={8}>
          <Field name="periodFrom" label={f.periodFrom} problems={problems}>
            <DateInput
              label={f.periodFrom}
              value={v.periodFrom}
              onChange={(periodFrom) => change({ periodFrom })}
            />
          </Field>
        </Col>
        <Col span={8}>
          <Field name="periodTo" label={f.periodTo} problems={problems}>
            <DateInput
              label={f.periodTo}
              value={v.periodTo}
              onChange={(periodTo) => change({ periodTo })}
            />
          </Field>
        </Col>
        <Col span={8}>
          <Field name="reviewer" label={f.reviewer} problems={problems}>
            <MemberPicker
              caseId={caseId}
              ariaLabel={f.reviewer}
              value={v.reviewer}
              onChange={(id) => change({ reviewer: id as string })}
            />
          </Field>
        </Col>
      </Row>
      <Field name="extracts" label={f.extracts} problems={problems}>
        <BigTextArea
          ariaLabel={f.extracts}
          value={v.extracts}
          minRows={4}
          maxRows={20}
          onChange={(extracts) => change({ extracts })}
        />
      </Field>
      <Field name="observations" label={f.observations} problems={problems}>
        <BigTextArea
          ariaLabel={f.observations}
          value={v.observations}
          minRows={3}
          maxRows={20}
          onChange={(observations) => change({ observations })}
        />
      </Field>
    </>
  );
}

function SiteVisitForm({ caseId, values: v, change, problems }: FormProps<SiteVisitFields>) {
  const f = zh.siteVisit.fields;
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Field name="place" label={f.place} problems={problems} required>
            <Input
              aria-label={f.place}
              value={v.place}
              onChange={(e) => change({ place: e.target.value })}
            />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="date" label={f.date} problems={problems} required>
            <DateInput label={f.date} value={v.date} onChange={(date) => change({ date })} />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="participants" label={f.participants} problems={problems}>
            <MemberPicker
              caseId={caseId}
              multiple
              ariaLabel={f.participants}
              value={v.participants}
              onChange={(ids) => change({ participants: ids as string[] })}
            />
          </Field>
        </Col>
      </Row>
      <Checkbox
        checked={v.unannounced}
        onChange={(e) => change({ unannounced: e.target.checked })}
        style={{ marginBottom: 16 }}
      >
        {f.unannounced}
      </Checkbox>
      <Field name="peopleMet" label={f.peopleMet} problems={problems}>
        <Input.TextArea
          aria-label={f.peopleMet}
          value={v.peopleMet}
          autoSize={{ minRows: 2, maxRows: 8 }}
          onChange={(e) => change({ peopleMet: e.target.value })}
        />
      </Field>
      <Field name="observations" label={f.observations} problems={problems}>
        <BigTextArea
          ariaLabel={f.observations}
          value={v.observations}
          minRows={4}
          maxRows={20}
          onChange={(observations) => change({ observations })}
        />
      </Field>
    </>
  );
}

function PetitionForm({ values: v, change, problems }: FormProps<PetitionFields>) {
  const f = zh.petition.fields;
  return (
    <>
      <Row gutter={16}>
        <Col span={6}>
          <Field name="channel" label={f.channel} problems={problems}>
            <Select
              aria-label={f.channel}
              value={v.channel}
              options={options(PETITION_CHANNELS, zh.petition.channels)}
              onChange={(channel) => change({ channel })}
            />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="receivedDate" label={f.receivedDate} problems={problems} required>
            <DateInput
              label={f.receivedDate}
              value={v.receivedDate}
              onChange={(receivedDate) => change({ receivedDate })}
            />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="category" label={f.category} problems={problems}>
            <Select
              aria-label={f.category}
              value={v.category}
              options={options(PETITION_CATEGORIES, zh.petition.categories)}
              onChange={(category) => change({ category })}
            />
          </Field>
        </Col>
        <Col span={6}>
          <Field name="status" label={f.status} problems={problems}>
            <Select
              aria-label={f.status}
              value={v.status}
              options={options(PETITION_STATUSES, zh.petition.statuses)}
              onChange={(status) => change({ status })}
            />
          </Field>
        </Col>
        <Col span={4}>
          <AnonymousCheck
            checked={v.anonymous}
            onChange={(anonymous) =>
              // Anonymous means anonymous: the name and contact typed before go with it, from the
              // record and from its history (the repository redacts the revisions).
              change(
                anonymous ? { anonymous, reporterName: '', reporterContact: '' } : { anonymous },
              )
            }
          />
        </Col>
        <Col span={10}>
          <Field
            name="reporterName"
            label={f.reporterName}
            problems={problems}
            required={!v.anonymous}
          >
            <Input
              aria-label={f.reporterName}
              value={v.reporterName}
              disabled={v.anonymous}
              onChange={(e) => change({ reporterName: e.target.value })}
            />
          </Field>
        </Col>
        <Col span={10}>
          <Field name="reporterContact" label={f.reporterContact} problems={problems}>
            <Input
              aria-label={f.reporterContact}
              value={v.reporterContact}
              disabled={v.anonymous}
              onChange={(e) => change({ reporterContact: e.target.value })}
            />
          </Field>
        </Col>
      </Row>
      <Field name="subject" label={f.subject} problems={problems}>
        <Input
          aria-label={f.subject}
          value={v.subject}
          onChange={(e) => change({ subject: e.target.value })}
        />
      </Field>
      <Field name="summary" label={f.summary} problems={problems} required>
        <BigTextArea
          ariaLabel={f.summary}
          value={v.summary}
          minRows={4}
          maxRows={20}
          onChange={(summary) => change({ summary })}
        />
      </Field>
      <Field name="handlingNote" label={f.handlingNote} problems={problems}>
        <BigTextArea
          ariaLabel={f.handlingNote}
          value={v.handlingNote}
          minRows={2}
          maxRows={12}
          onChange={(handlingNote) => change({ handlingNote })}
        />
      </Field>
    </>
  );
}

function AnonymousCheck(props: { checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <div style={{ paddingTop: 30 }}>
      <Checkbox checked={props.checked} onChange={(e) => props.onChange(e.target.checked)}>
        {zh.petition.anonymousLabel}
      </Checkbox>
    </div>
  );
}

type AnyForm = (props: FormProps<Readonly<Record<string, unknown>>>) => ReactNode;

/** The form of each kind, over untyped values: the editor knows the kind, not the shape. */
export const RECORD_FORMS: Record<RecordKind, AnyForm> = {
  interviews: InterviewForm as unknown as AnyForm,
  docReviews: DocReviewForm as unknown as AnyForm,
  siteVisits: SiteVisitForm as unknown as AnyForm,
  petitions: PetitionForm as unknown as AnyForm,
};
