import { useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { lengthLimit } from './lengthLimit';
import { enterInDateDoesNotSubmit } from '../app/keyboard';
import type { Dayjs } from 'dayjs';
import {
  CASE_STATUSES,
  CASE_TYPES,
  type CaseRecord,
  type CaseType,
  type CaseStatus,
} from '../../shared/domain/case.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { fromIso, toIso } from './dateValue';
import { changedFields } from './formChanges';
import { clearErrorsOf, showSaveError } from './formErrors';
import { options } from './options';

const f = zh.case.fields;

interface Values {
  unitName: string;
  teamName: string;
  round: string;
  type?: CaseType;
  status?: CaseStatus;
  startDate?: Dayjs;
  endDate?: Dayjs;
  notes: string;
  creatorName?: string;
}

export interface CaseFormResult {
  unitName: string;
  teamName: string;
  round: string;
  type: CaseType | undefined;
  status: CaseStatus | undefined;
  startDate: string;
  endDate: string;
  notes: string;
  creatorName?: string | undefined;
}

/**
 * Create a case (with its creator, who becomes its 组长) or edit one; an edit sends only the
 * fields that changed. `onSave` throws ValidationError on bad input. Mounted only while open,
 * so every opening starts from a clean form.
 */
export function CaseFormDialog(props: {
  existing?: CaseRecord | undefined;
  onSave: (values: Partial<CaseFormResult>) => Promise<unknown>;
  onClose: () => void;
}) {
  const { existing, onSave, onClose } = props;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  // What the form opened with, kept as it was: the case may change meanwhile (another window),
  // and only the fields the user changed from these are sent.
  const [initialValues] = useState<Values>(() =>
    existing
      ? { ...existing, startDate: fromIso(existing.startDate), endDate: fromIso(existing.endDate) }
      : { unitName: '', teamName: '', round: '', notes: '' },
  );

  async function submit() {
    const result = (v: Values): CaseFormResult => ({
      unitName: v.unitName,
      teamName: v.teamName,
      round: v.round,
      type: v.type,
      status: v.status,
      startDate: toIso(v.startDate),
      endDate: toIso(v.endDate),
      notes: v.notes,
      ...(v.creatorName !== undefined && { creatorName: v.creatorName }),
    });
    const values = result(form.getFieldsValue(true) as Values);
    const patch = existing ? changedFields(result(initialValues), values) : values;
    setSaving(true);
    try {
      if (Object.keys(patch).length > 0) await onSave(patch);
      onClose();
    } catch (error) {
      setProblem(showSaveError(form, error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={existing ? zh.case.edit : zh.case.create}
      okText={zh.common.save}
      cancelText={zh.common.cancel}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void submit()}
        onKeyDown={enterInDateDoesNotSubmit}
        onValuesChange={(changed: object) => clearErrorsOf(form, changed)}
      >
        <Form.Item name="unitName" label={f.unitName} required>
          <Input placeholder={f.unitNamePlaceholder} count={lengthLimit(100)} autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="teamName" label={f.teamName}>
              <Input placeholder={f.teamNamePlaceholder} count={lengthLimit(50)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="round" label={f.round}>
              <Input placeholder={f.roundPlaceholder} count={lengthLimit(50)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="type" label={f.type} required>
              <Select options={options(CASE_TYPES, zh.case.types)} placeholder={f.type} />
            </Form.Item>
          </Col>
          <Col span={12}>
            {existing && (
              <Form.Item name="status" label={f.status} required>
                <Select options={options(CASE_STATUSES, zh.case.statuses)} />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="startDate" label={f.startDate} required>
              <DatePicker placeholder={f.startDate} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="endDate" label={f.endDate} required>
              <DatePicker placeholder={f.endDate} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={f.notes}>
          <Input.TextArea rows={2} count={lengthLimit(2000)} />
        </Form.Item>
        {!existing && (
          <>
            <Typography.Text type="secondary">{zh.case.creatorHint}</Typography.Text>
            <Form.Item name="creatorName" label={f.creatorName} required style={{ marginTop: 8 }}>
              <Input count={lengthLimit(20)} />
            </Form.Item>
          </>
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
