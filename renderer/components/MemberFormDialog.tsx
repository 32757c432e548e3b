import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { lengthLimit } from './lengthLimit';
import { enterInDateDoesNotSubmit } from '../app/keyboard';
import {
  MEMBER_ROLES,
  type MemberInput,
  type MemberRecord,
} from '../../shared/domain/member.schema';
import { zh } from '../../shared/i18n/zh-CN';
import { changedFields } from './formChanges';
import { clearErrorsOf, showSaveError } from './formErrors';
import { options } from './options';

const f = zh.member.fields;

/**
 * Add a team member or edit one (an edit sends only the fields that changed); mounted only while
 * open. `onSave` throws ValidationError.
 */
export function MemberFormDialog(props: {
  existing?: MemberRecord | undefined;
  onSave: (values: Partial<MemberInput>) => Promise<unknown>;
  onClose: () => void;
}) {
  const { existing, onSave, onClose } = props;
  const [form] = Form.useForm<MemberInput>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // What the form opened with, kept as it was (the member may change meanwhile elsewhere).
  const [initialValues] = useState<MemberInput>(
    () => existing ?? { name: '', role: 'member', title: '', phone: '' },
  );

  async function submit() {
    const pick = ({ name, role, title, phone }: MemberInput): MemberInput => ({
      name,
      role,
      title,
      phone,
    });
    const values = pick(form.getFieldsValue(true) as MemberInput);
    const patch = existing ? changedFields(pick(initialValues), values) : values;
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
      title={existing ? zh.member.edit : zh.member.add}
      okText={zh.common.save}
      cancelText={zh.common.cancel}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={() => void submit()}
        onKeyDown={enterInDateDoesNotSubmit}
        onValuesChange={(changed: object) => clearErrorsOf(form, changed)}
      >
        <Form.Item name="name" label={f.name} required>
          <Input count={lengthLimit(20)} autoFocus />
        </Form.Item>
        <Form.Item name="role" label={f.role} required>
          <Select options={options(MEMBER_ROLES, zh.member.roles)} />
        </Form.Item>
        <Form.Item name="title" label={f.title}>
          <Input placeholder={f.titlePlaceholder} count={lengthLimit(100)} />
        </Form.Item>
        <Form.Item name="phone" label={f.phone}>
          <Input count={lengthLimit(30)} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
