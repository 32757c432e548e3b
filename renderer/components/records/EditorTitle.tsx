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
      <EditorSaveIndicator editor={props.editor} />
    </Space>
  );
}

/**
 * The editor's save state, read here and not by the title: a save renders the indicator alone.
 * Typed (pending) and being written (saving) look alike, so going from one to the other, at
 * every save, renders nothing.
 */
function EditorSaveIndicator(props: { editor: Editor }) {
  const save = useEditorState(
    props.editor,
    (s) => ({
      status: s.status === 'pending' ? ('saving' as const) : s.status,
      failure: s.failure?.message ?? null,
      refusedCount: Object.keys(s.refused).length,
    }),
    shallowEqual,
  );
  return <SaveIndicator {...save} />;
}
