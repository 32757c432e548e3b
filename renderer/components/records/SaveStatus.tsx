import type { AutosavedRecord } from '../../hooks/autosave';
import { SaveIndicator } from './SaveIndicator';
import { SaveNotices } from './SaveNotices';

/** Above a drawer's form: whether it is saved, and what the user must know about saving. */
export function SaveStatus(props: {
  editor: AutosavedRecord<object>;
  label: (field: string) => string;
}) {
  const { editor, label } = props;
  return (
    <>
      <div style={{ marginBottom: 12 }}>
        <SaveIndicator
          status={editor.status}
          failure={editor.failure?.message ?? null}
          refusedCount={Object.keys(editor.refused).length}
        />
      </div>
      <SaveNotices editor={editor} label={label} />
    </>
  );
}
