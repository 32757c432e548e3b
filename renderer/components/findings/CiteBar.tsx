import { App as AntApp, Button, Dropdown, Space, Typography } from 'antd';
import type { RecordKind } from '../../../shared/domain/records';
import { zh } from '../../../shared/i18n/zh-CN';
import { useFindingActions, useFindings } from '../../hooks/findings';

export interface Passage {
  readonly text: string;
  /** The 问/答 turn it was selected in, for interviews. */
  readonly turnId: string;
}

/** Reads the passage selected in a text area of the editor, with the turn it belongs to. */
export function passageOf(target: EventTarget | null): Passage | null {
  if (!(target instanceof HTMLTextAreaElement) && !(target instanceof HTMLInputElement))
    return null;
  const { selectionStart: from, selectionEnd: to } = target;
  if (from === null || to === null || to <= from) return null;
  const text = target.value.slice(from, to).trim();
  if (!text) return null;
  const turnId = target.closest<HTMLElement>('[data-turn-id]')?.dataset.turnId ?? '';
  return { text, turnId };
}

/**
 * Shown while a passage is selected in a record: turn it into a new finding, or add it to an
 * existing one as evidence. Two clicks either way.
 */
export function CiteBar(props: {
  caseId: string;
  kind: RecordKind;
  recordId: string;
  passage: Passage;
}) {
  const { caseId, kind, recordId, passage } = props;
  const actions = useFindingActions(caseId);
  const findings = useFindings(caseId) ?? [];
  const { message } = AntApp.useApp();
  const t = zh.finding;
  const ref = { kind, recordId, turnId: passage.turnId, excerpt: passage.text.slice(0, 5000) };
  return (
    <Space
      data-testid="cite-bar"
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 10,
        background: '#fffbe6',
        padding: '6px 12px',
        border: '1px solid #ffe58f',
        marginBottom: 12,
      }}
    >
      <Typography.Text>{t.selection(passage.text.length)}</Typography.Text>
      <Button
        size="small"
        type="primary"
        disabled={!actions.canWrite}
        onMouseDown={(e) => e.preventDefault()} // keep the selection while clicking
        onClick={() => void actions.create({ title: passage.text.slice(0, 40), evidence: [ref] })}
      >
        {t.fromSelection}
      </Button>
      <Dropdown
        disabled={!actions.canWrite || findings.length === 0}
        menu={{
          items: findings.map((f) => ({ key: f.id, label: f.title || t.untitled })),
          onClick: ({ key }) =>
            void actions
              .addEvidence(key, [ref])
              .then((f) => message.success(t.attached(f.title || t.untitled))),
        }}
      >
        <Button size="small" onMouseDown={(e) => e.preventDefault()}>
          {t.attachSelection}
        </Button>
      </Dropdown>
    </Space>
  );
}
