/**
 * The body of an interview as 问/答 turns, made for typing while someone talks:
 * Enter continues the current turn; Ctrl+Enter (⌘+Enter) starts the next turn, alternating
 * 问 and 答; Alt+Q starts a new 问, Alt+A a new 答; Backspace in an empty turn removes it.
 * The 问/答 label is part of the turn, never typed.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { ulid } from 'ulid';
import type { Speaker, Turn } from '../../../shared/domain/records/interview.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { positionAt } from '../../../shared/domain/order';
import { BigTextArea } from './BigTextArea';

const t = zh.interview;

const other = (s: Speaker): Speaker => (s === 'q' ? 'a' : 'q');

export function TurnsEditor(props: { turns: readonly Turn[]; onChange: (turns: Turn[]) => void }) {
  const { turns, onChange } = props;
  const areas = useRef(new Map<string, HTMLTextAreaElement>());
  const [focusId, setFocusId] = useState<string | null>(null);

  // Focus a turn just added (or the one before a removed one) once it is on screen, then forget
  // it: refocusing on every change would pull the caret away from any other turn being edited.
  useEffect(() => {
    if (!focusId) return;
    const area = areas.current.get(focusId);
    if (area) {
      area.focus();
      area.setSelectionRange(area.value.length, area.value.length);
      setFocusId(null);
    }
  }, [focusId, turns]);

  const insertAfter = (index: number, speaker: Speaker) => {
    // A position between its neighbours: inserting writes the new turn only (see order.ts).
    const pos = positionAt(
      turns.map((t) => t.pos),
      index + 1,
    );
    const turn: Turn = { id: ulid(), pos, speaker, text: '' };
    onChange([...turns.slice(0, index + 1), turn, ...turns.slice(index + 1)]);
    setFocusId(turn.id);
  };

  const update = (index: number, patch: Partial<Turn>) =>
    onChange(turns.map((turn, i) => (i === index ? { ...turn, ...patch } : turn)));

  const remove = (index: number) => {
    const previous = turns[index - 1];
    onChange(turns.filter((_, i) => i !== index));
    if (previous) setFocusId(previous.id);
  };

  const onKeyDown = (index: number, turn: Turn, e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      insertAfter(index, other(turn.speaker));
    } else if (e.altKey && (e.code === 'KeyQ' || e.code === 'KeyA')) {
      e.preventDefault();
      insertAfter(index, e.code === 'KeyQ' ? 'q' : 'a');
    } else if (e.key === 'Backspace' && turn.text === '' && turns.length > 1) {
      e.preventDefault();
      remove(index);
    }
  };

  const last = turns.length - 1;
  return (
    <div data-testid="turns">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t.turnHint}
      </Typography.Paragraph>
      {turns.length === 0 && (
        <Empty description={t.emptyTurns} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
      {turns.map((turn, index) => (
        <TurnRow
          key={turn.id}
          turn={turn}
          register={(el) => (el ? areas.current.set(turn.id, el) : areas.current.delete(turn.id))}
          onText={(text) => update(index, { text })}
          onSpeaker={() => update(index, { speaker: other(turn.speaker) })}
          onRemove={() => remove(index)}
          onKeyDown={(e) => onKeyDown(index, turn, e)}
        />
      ))}
      <Space style={{ marginTop: 8 }}>
        <Button onClick={() => insertAfter(last, 'q')}>{t.addQuestion}</Button>
        <Button onClick={() => insertAfter(last, 'a')}>{t.addAnswer}</Button>
      </Space>
    </div>
  );
}

function TurnRow(props: {
  turn: Turn;
  register: (el: HTMLTextAreaElement | null) => void;
  onText: (text: string) => void;
  onSpeaker: () => void;
  onRemove: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
}) {
  const { turn } = props;
  const label = turn.speaker === 'q' ? t.question : t.answer;
  return (
    <div
      style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginBottom: 8 }}
      data-testid="turn"
      data-turn-id={turn.id}
    >
      <Tooltip title={zh.common.edit}>
        <Tag
          color={turn.speaker === 'q' ? 'blue' : 'green'}
          style={{ cursor: 'pointer', marginTop: 5, fontSize: 15 }}
          onClick={props.onSpeaker}
          data-testid="turn-speaker"
        >
          {label}：
        </Tag>
      </Tooltip>
      <BigTextArea
        ariaLabel={label}
        ref={(ref) => props.register(ref?.resizableTextArea?.textArea ?? null)}
        value={turn.text}
        onChange={props.onText}
        onKeyDown={props.onKeyDown}
      />
      <Button
        type="text"
        aria-label={t.removeTurn}
        icon={<DeleteOutlined />}
        onClick={props.onRemove}
      />
    </div>
  );
}
