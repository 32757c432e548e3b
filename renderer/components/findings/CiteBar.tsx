import { App as AntApp, Button, Dropdown, Space, Typography } from 'antd';
import type { RecordKind } from '../../../shared/domain/records';
import { zh } from '../../../shared/i18n/zh-CN';
import { useFindingActions, useFindings } from '../../hooks/findings';

export interface Passage {
  readonly text: string;
  /** The field it was selected in, and the 问/答 turn for interviews ('' when none). */
  readonly field: string;
  readonly turnId: string;
  /** Where it starts and ends in that text: two passages of one answer are two evidence. */
  readonly start: number;
  readonly end: number;
}

/** Reads the passage selected in a text area of the editor, with where it sits. */
export function passageOf(target: EventTarget | null): Passage | null {
  if (!(target instanceof HTMLTextAreaElement) && !(target instanceof HTMLInputElement))
    return null;
  const { selectionStart: from, selectionEnd: to } = target;
  if (from === null || to === null || to <= from) return null;
  const raw = target.value.slice(from, to);
  const text = raw.trim();
  if (!text) return null;
  const start = from + raw.indexOf(text);
  const turnId = target.closest<HTMLElement>('[data-turn-id]')?.dataset.turnId ?? '';
  const field = target.closest<HTMLElement>('[data-field]')?.dataset.field ?? '';
  return { text, field, turnId, start, end: start + text.length };
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
  const ref = {
    kind,
    recordId,
    field: passage.field,
    turnId: passage.turnId,
    start: passage.start,
    end: passage.end,
    excerpt: passage.text.slice(0, 5000),
  };
  return (
    <Space
      data-testid="cite-bar"
      style={{
        // Floats over the page: selecting text must not push the form (and the selection) down.
        position: 'fixed',
        bottom: 56,
        left: '50%',
        transform: 'translateX(-50%)',
        zIndex: 1000,
        background: '#fffbe6',
        padding: '6px 12px',
        border: '1px solid #ffe58f',
        borderRadius: 6,
        boxShadow: '0 4px 12px rgba(0,0,0,0.15)',
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
            void actions.addEvidence(key, [ref]).then(({ record, added }) => {
              const title = record.title || t.untitled;
              // Say only what happened: the same passage cited twice is one piece of evidence.
              if (added > 0) void message.success(t.attached(title));
              else void message.info(t.alreadyCited(title));
            }),
        }}
      >
        <Button size="small" onMouseDown={(e) => e.preventDefault()}>
          {t.attachSelection}
        </Button>
      </Dropdown>
    </Space>
  );
}
