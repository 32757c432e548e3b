import { useState } from 'react';
import { Alert, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  CASE_STATUSES,
  CASE_TYPES,
  type CaseRecord,
  type CaseType,
  type CaseStatus,
} from '../../shared/domain/case.schema';
import { MEMBER_ROLES, type MemberRole } from '../../shared/domain/member.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { fromIso, toIso } from './dateValue';
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
  creatorRole?: MemberRole;
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
  creatorRole?: MemberRole | undefined;
}

/**
 * Create a case (with its creator) or edit one. `onSave` throws ValidationError on bad input.
 * Mounted only while open, so every opening starts from a clean form.
 */
export function CaseFormDialog(props: {
  existing?: CaseRecord | undefined;
  onSave: (values: CaseFormResult) => Promise<unknown>;
  onClose: () => void;
}) {
  const { existing, onSave, onClose } = props;
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const initialValues: Values = existing
    ? { ...existing, startDate: fromIso(existing.startDate), endDate: fromIso(existing.endDate) }
    : { unitName: '', teamName: '', round: '', notes: '', creatorRole: 'leader' };

  async function submit() {
    const v = form.getFieldsValue(true) as Values;
    setSaving(true);
    try {
      await onSave({
        ...v,
        type: v.type,
        status: v.status,
        startDate: toIso(v.startDate),
        endDate: toIso(v.endDate),
      });
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
        onValuesChange={(changed: object) => clearErrorsOf(form, changed)}
      >
        <Form.Item name="unitName" label={f.unitName} required>
          <Input placeholder={f.unitNamePlaceholder} maxLength={100} autoFocus />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="teamName" label={f.teamName}>
              <Input placeholder={f.teamNamePlaceholder} maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="round" label={f.round}>
              <Input placeholder={f.roundPlaceholder} maxLength={50} />
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
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {!existing && (
          <>
            <Typography.Text type="secondary">{zh.case.creatorHint}</Typography.Text>
            <Row gutter={16} style={{ marginTop: 8 }}>
              <Col span={12}>
                <Form.Item name="creatorName" label={f.creatorName} required>
                  <Input maxLength={20} />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="creatorRole" label={f.creatorRole} required>
                  <Select options={options(MEMBER_ROLES, zh.member.roles)} />
                </Form.Item>
              </Col>
            </Row>
          </>
        )}
        {problem && <Alert type="error" showIcon title={problem} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
