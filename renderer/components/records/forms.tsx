/**
 * The four record forms. Each is a plain list of its fields over the editor's values (see
 * fieldRows.tsx): no state of its own, no saving (the editor's autosave does that), no rules
 * (shared/ has them).
 */
import { memo } from 'react';
import { Alert, Checkbox, Col, Row, Select, Space } from 'antd';
import type { Editor } from '../../hooks/autosave';
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
import { fieldRows, useValue, type FormProps } from './fieldRows';
import { IntervieweesEditor } from './IntervieweesEditor';
import { TurnsEditor } from './TurnsEditor';
import { SignButton } from './SignButton';
import { SupplementsEditor } from './SupplementsEditor';

export type { FormProps };

/** An interview; once signed, its content is read-only and it takes 补充笔录 instead. */
function InterviewForm(props: FormProps<InterviewFields>) {
  const { change } = props.editor;
  const signed = useValue(props.editor, 'signed');
  const row = fieldRows(props, zh.interview.fields, { readOnly: signed });
  return (
    <>
      {signed && (
        <Alert
          type="info"
          showIcon
          title={zh.interview.signedNotice}
          style={{ marginBottom: 16 }}
          data-testid="signed-notice"
        />
      )}
      <Row gutter={16}>
        {row.choice('kind', options(INTERVIEW_KINDS, zh.interview.kinds), {
          span: 6,
          required: true,
        })}
        {row.date('date', { span: 6, required: true })}
        {row.time('startTime', { span: 6 })}
        {row.time('endTime', { span: 6 })}
        {row.text('place', { span: 8, max: 100 })}
        {row.member('interviewers', { span: 10, required: true })}
        {row.member('recorder', { span: 6 })}
      </Row>
      {row.custom(
        'interviewees',
        (interviewees, readOnly) => (
          <IntervieweesEditor
            value={interviewees}
            readOnly={readOnly}
            onChange={(next) => change({ interviewees: next })}
          />
        ),
        { required: true },
      )}
      {row.custom('topics', (topics, readOnly) => (
        <Select
          aria-label={zh.interview.fields.topics}
          mode="tags"
          placeholder={zh.interview.topicsPlaceholder}
          open={false} // free text only: an empty "暂无数据" list would suggest choosing
          value={topics}
          disabled={readOnly || undefined}
          onChange={(next: string[]) => change({ topics: next })}
        />
      ))}
      {row.custom('turns', (turns, readOnly) => (
        <TurnsEditor
          turns={turns}
          readOnly={readOnly}
          onChange={(next) => change({ turns: next })}
        />
      ))}
      <Space size="large" style={{ marginBottom: 16 }}>
        {row.check('confirmed')}
        {!signed && <SignButton onSign={() => change({ signed: true })} />}
      </Space>
      {signed &&
        row.custom(
          'supplements',
          (supplements) => (
            <SupplementsEditor
              supplements={supplements}
              onChange={(next) => change({ supplements: next })}
            />
          ),
          { readOnly: false },
        )}
    </>
  );
}

function DocReviewForm(props: FormProps<DocReviewFields>) {
  const row = fieldRows(props, zh.docReview.fields);
  return (
    <>
      <Row gutter={16}>
        {row.text('title', { span: 12, required: true })}
        {row.choice('kind', options(DOC_KINDS, zh.docReview.kinds), { span: 6 })}
        {row.date('date', { span: 6, required: true })}
        {row.text('sourceDept', { span: 8 })}
        {row.text('refNo', { span: 8 })}
        {row.text('volume', { span: 8 })}
        {row.date('periodFrom', { span: 8 })}
        {row.date('periodTo', { span: 8 })}
        {row.member('reviewer', { span: 8 })}
      </Row>
      {row.long('extracts', { minRows: 4 })}
      {row.long('observations', { minRows: 3 })}
    </>
  );
}

function SiteVisitForm(props: FormProps<SiteVisitFields>) {
  const row = fieldRows(props, zh.siteVisit.fields);
  return (
    <>
      <Row gutter={16}>
        {row.text('place', { span: 12, required: true })}
        {row.date('date', { span: 6, required: true })}
        {row.member('participants', { span: 6 })}
      </Row>
      {row.check('unannounced', { marginBottom: 16 })}
      {row.long('peopleMet', { minRows: 2, maxRows: 8 })}
      {row.long('observations', { minRows: 4 })}
    </>
  );
}

function PetitionForm(props: FormProps<PetitionFields>) {
  const { change } = props.editor;
  const anonymous = useValue(props.editor, 'anonymous');
  const row = fieldRows(props, zh.petition.fields);
  return (
    <>
      <Row gutter={16}>
        {row.choice('channel', options(PETITION_CHANNELS, zh.petition.channels), { span: 6 })}
        {row.date('receivedDate', { span: 6, required: true })}
        {row.choice('category', options(PETITION_CATEGORIES, zh.petition.categories), {
          span: 6,
        })}
        {row.choice('status', options(PETITION_STATUSES, zh.petition.statuses), { span: 6 })}
        <Col span={4} style={{ paddingTop: 30 }}>
          <Checkbox
            checked={anonymous}
            onChange={(e) => {
              const anonymous = e.target.checked;
              // Anonymous means anonymous: the name and contact typed before go with it, from
              // the record and from its history (the repository redacts the revisions).
              change(
                anonymous ? { anonymous, reporterName: '', reporterContact: '' } : { anonymous },
              );
            }}
          >
            {zh.petition.anonymousLabel}
          </Checkbox>
        </Col>
        {row.text('reporterName', { span: 10, required: !anonymous, disabled: anonymous })}
        {row.text('reporterContact', { span: 10, disabled: anonymous })}
      </Row>
      {row.text('subject')}
      {row.long('summary', { minRows: 4, required: true })}
      {row.long('handlingNote', { minRows: 2, maxRows: 12 })}
    </>
  );
}

/**
 * The form of a kind. The editor holds the values untyped (the autosaver serves every table);
 * this is the one place they meet their kind's type: they are the stored record of that kind
 * plus the edits typed into this very form. Memoised: the page around it renders at times
 * (its title follows the fields), the form never needs to then.
 */
export const RecordForm = memo(function RecordForm(props: {
  kind: RecordKind;
  caseId: string;
  editor: Editor;
}) {
  const { kind, ...rest } = props;
  const typed = <T,>() => rest as unknown as FormProps<T>;
  switch (kind) {
    case 'interviews':
      return <InterviewForm {...typed<InterviewFields>()} />;
    case 'docReviews':
      return <DocReviewForm {...typed<DocReviewFields>()} />;
    case 'siteVisits':
      return <SiteVisitForm {...typed<SiteVisitFields>()} />;
    case 'petitions':
      return <PetitionForm {...typed<PetitionFields>()} />;
  }
});
