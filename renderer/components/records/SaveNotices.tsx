import { useState } from 'react';
import { Alert, Button, Modal, Popconfirm, Result, Space, Typography } from 'antd';
import { splitPath } from '../../../shared/domain/collections';
import { describeValue } from '../../../shared/domain/records/history';
import { zh } from '../../../shared/i18n/zh-CN';
import { shallowEqual, useEditorState, type Editor } from '../../hooks/autosave';

const a = zh.autosave;

/**
 * What the editor must tell the user about saving, above the form: why the last write failed
 * (in full), that the record changed in another window, and edits kept aside that they should
 * look at. Silent when all is well.
 */
export function SaveNotices(props: {
  editor: Editor;
  /** The label of a field, for listing edits kept aside. */
  label: (field: string) => string;
}) {
  const { editor, label } = props;
  const [viewing, setViewing] = useState(false);
  const notice = useEditorState(
    editor,
    (s) => ({
      failure: s.status === 'error' || s.status === 'stopped' ? s.failure : null,
      stillEditable: Boolean(s.record) && s.status !== 'stopped',
      changedElsewhere: s.changedElsewhere,
      aside: s.aside,
    }),
    shallowEqual,
  );
  const { aside, stillEditable } = notice;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      {notice.failure && (
        <Alert type="error" showIcon title={notice.failure.message} data-testid="save-failure" />
      )}
      {notice.changedElsewhere && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: editor.dismissChangedElsewhere }}
          title={a.changedElsewhere}
          data-testid="changed-elsewhere"
        />
      )}
      {aside.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="kept-aside"
          title={a.asideTitle(aside.reduce((n, e) => n + Object.keys(e.patch).length, 0))}
          description={
            aside.every((e) => e.reason === 'refused') ? a.asideRefusedBody : a.asideBody
          }
          action={<Button onClick={() => setViewing(true)}>{a.asideView}</Button>}
        />
      )}
      <Modal
        open={viewing}
        title={a.asideTitle(aside.length)}
        onCancel={() => setViewing(false)}
        width={640}
        footer={
          <Space>
            <Popconfirm
              title={a.asideDiscardConfirm}
              okText={zh.common.confirm}
              cancelText={zh.common.cancel}
              onConfirm={() => {
                editor.discardAside();
                setViewing(false);
              }}
            >
              <Button danger>{a.asideDiscard}</Button>
            </Popconfirm>
            <Button
              type="primary"
              disabled={!stillEditable}
              onClick={() => {
                editor.restoreAside();
                setViewing(false);
              }}
            >
              {a.asideRestore}
            </Button>
          </Space>
        }
      >
        {aside.map((entry) => (
          <div key={entry.at} style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {a.asideTyped(entry.at.slice(0, 19).replace('T', ' '))}
            </Typography.Text>
            {Object.entries(entry.patch).map(([path, value]) => (
              <Typography.Paragraph key={path} style={{ marginBottom: 4 }}>
                <Typography.Text strong>{label(splitPath(path)[0])}：</Typography.Text>
                {describeValue(value)}
              </Typography.Paragraph>
            ))}
          </div>
        ))}
      </Modal>
    </Space>
  );
}

/** An editor whose record cannot be read for now (the database is closed): it retries itself. */
export function ReadFailed() {
  return (
    <Result
      status="warning"
      title={zh.app.readFailed}
      subTitle={zh.app.readFailedHint}
      data-testid="read-failed"
    />
  );
}
