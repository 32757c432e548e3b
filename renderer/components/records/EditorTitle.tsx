import { Button, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { shallowEqual, useEditorState, type Editor } from '../../hooks/autosave';
import { SaveIndicator } from './SaveIndicator';

/** The head of every autosaved editor: back, what is open, and whether it is saved. */
export function EditorTitle(props: {
  backLabel: string;
  onBack: () => void;
  title: string;
  testId: string;
  editor: Editor;
}) {
  // Read here, not by the page: saving renders the indicator alone.
  const save = useEditorState(
    props.editor,
    (s) => ({
      status: s.status,
      failure: s.failure?.message ?? null,
      refusedCount: Object.keys(s.refused).length,
    }),
    shallowEqual,
  );
  return (
    <Space>
      <Button
        type="text"
        icon={<ArrowLeftOutlined />}
        aria-label={props.backLabel}
        onClick={props.onBack}
      />
      <Typography.Text strong data-testid={props.testId}>
        {props.title}
      </Typography.Text>
      <SaveIndicator {...save} />
    </Space>
  );
}
