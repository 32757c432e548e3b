import { Button, Space, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { AutosavedRecord } from '../../hooks/autosave';
import { SaveIndicator } from './SaveIndicator';

/** The head of every autosaved editor: back, what is open, and whether it is saved. */
export function EditorTitle(props: {
  backLabel: string;
  onBack: () => void;
  title: string;
  testId: string;
  editor: Pick<AutosavedRecord, 'status' | 'failure' | 'refused'>;
}) {
  const { editor } = props;
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
      <SaveIndicator
        status={editor.status}
        failure={editor.failure?.message ?? null}
        refusedCount={Object.keys(editor.refused).length}
      />
    </Space>
  );
}
