/**
 * The body of an interview as 问/答 turns, made for typing while someone talks:
 * Enter continues the current turn; Ctrl+Enter (⌘+Enter) starts the next turn, alternating
 * 问 and 答; Alt+Q starts a new 问, Alt+A a new 答; Backspace in an empty turn removes it.
 * The 问/答 label is part of the turn, never typed. Read-only (a signed 笔录), the turns are
 * shown as they are, still selectable to cite a passage.
 */
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import { Button, Empty, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { ulid } from 'ulid';
import type { Speaker, Turn } from '../../../shared/domain/records/interview.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { positionAt } from '../../../shared/domain/order';
import { BigTextArea } from './BigTextArea';

const t = zh.interview;

const other = (s: Speaker): Speaker => (s === 'q' ? 'a' : 'q');

/** What a row asks of the list: rows hold no callbacks of their own, so they can be memoised. */
type TurnAction =
  | { type: 'text'; text: string }
  | { type: 'speaker' }
  | { type: 'remove' }
  | { type: 'key'; event: KeyboardEvent<HTMLTextAreaElement> };

/**
 * Typing in one turn re-renders that turn only (with 200 turns, re-rendering them all, each
 * auto-sized text area measuring itself, cost several frames a key): rows are memoised on their
 * turn, and the list hands them one stable callback that reads the latest turns when it runs.
 */
export function TurnsEditor(props: {
  turns: readonly Turn[];
  onChange: (turns: Turn[]) => void;
  readOnly?: boolean;
}) {
  const { turns, readOnly = false } = props;
  const areas = useRef(new Map<string, HTMLTextAreaElement>());
  const [focusId, setFocusId] = useState<string | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });

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

  const insertAfter = useCallback((index: number, speaker: Speaker) => {
    const { turns, onChange } = latest.current;
    // A position between its neighbours: inserting writes the new turn only (see order.ts).
    const pos = positionAt(
      turns.map((t) => t.pos),
      index + 1,
    );
    const turn: Turn = { id: ulid(), pos, speaker, text: '' };
    onChange([...turns.slice(0, index + 1), turn, ...turns.slice(index + 1)]);
    setFocusId(turn.id);
  }, []);

  const act = useCallback(
    (id: string, action: TurnAction) => {
      const { turns, onChange, readOnly } = latest.current;
      if (readOnly) return; // arrow keys and selection only
      const index = turns.findIndex((t) => t.id === id);
      const turn = turns[index];
      if (!turn) return;
      const update = (patch: Partial<Turn>) =>
        onChange(turns.map((t, i) => (i === index ? { ...t, ...patch } : t)));
      const remove = () => {
        const previous = turns[index - 1];
        onChange(turns.filter((_, i) => i !== index));
        if (previous) setFocusId(previous.id);
      };
      switch (action.type) {
        case 'text':
          return update({ text: action.text });
        case 'speaker':
          return update({ speaker: other(turn.speaker) });
        case 'remove':
          return remove();
        case 'key': {
          const e = action.event;
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            insertAfter(index, other(turn.speaker));
          } else if (e.altKey && (e.code === 'KeyQ' || e.code === 'KeyA')) {
            e.preventDefault();
            insertAfter(index, e.code === 'KeyQ' ? 'q' : 'a');
          } else if (e.key === 'Backspace' && turn.text === '' && turns.length > 1) {
            e.preventDefault();
            remove();
          }
        }
      }
    },
    [insertAfter],
  );

  const register = useCallback((id: string, el: HTMLTextAreaElement | null) => {
    if (el) areas.current.set(id, el);
    else areas.current.delete(id);
  }, []);

  const append = useCallback(
    (speaker: Speaker) => insertAfter(latest.current.turns.length - 1, speaker),
    [insertAfter],
  );

  // Every keystroke renders this list: what is around the turns is memoised, as the turns are.
  return (
    <div data-testid="turns">
      {!readOnly && <TurnHint />}
      {turns.length === 0 && !readOnly && <NoTurns />}
      {turns.map((turn) => (
        <TurnRow key={turn.id} turn={turn} readOnly={readOnly} register={register} act={act} />
      ))}
      {!readOnly && <AddTurn append={append} />}
    </div>
  );
}

const TurnHint = memo(function TurnHint() {
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
      {t.turnHint}
    </Typography.Paragraph>
  );
});

const NoTurns = memo(function NoTurns() {
  return <Empty description={t.emptyTurns} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
});

const AddTurn = memo(function AddTurn(props: { append: (speaker: Speaker) => void }) {
  const { append } = props;
  return (
    <Space style={{ marginTop: 8 }}>
      <Button onClick={() => append('q')}>{t.addQuestion}</Button>
      <Button onClick={() => append('a')}>{t.addAnswer}</Button>
    </Space>
  );
});

interface TurnRowProps {
  turn: Turn;
  readOnly: boolean;
  register: (id: string, el: HTMLTextAreaElement | null) => void;
  act: (id: string, action: TurnAction) => void;
}

/** Equal turns from a fresh read of the database are new objects: compare what is shown. */
const sameRow = (a: TurnRowProps, b: TurnRowProps) =>
  a.register === b.register &&
  a.act === b.act &&
  a.readOnly === b.readOnly &&
  a.turn.id === b.turn.id &&
  a.turn.speaker === b.turn.speaker &&
  a.turn.text === b.turn.text;

const TurnRow = memo(function TurnRow({ turn, readOnly, register, act }: TurnRowProps) {
  const label = turn.speaker === 'q' ? t.question : t.answer;
  const { id } = turn;
  return (
    <div
      style={{
        display: 'flex',
        gap: 8,
        alignItems: 'flex-start',
        marginBottom: 8,
        position: 'relative',
        zIndex: 0,
      }}
      data-testid="turn"
      data-turn-id={id}
    >
      <SpeakerTag id={id} speaker={turn.speaker} readOnly={readOnly} act={act} />
      <BigTextArea
        ariaLabel={label}
        ref={(ref) => register(id, ref?.resizableTextArea?.textArea ?? null)}
        value={turn.text}
        readOnly={readOnly}
        onChange={(text) => act(id, { type: 'text', text })}
        onKeyDown={(event) => act(id, { type: 'key', event })}
      />
      {!readOnly && <RemoveTurn id={id} act={act} />}
    </div>
  );
}, sameRow);

/*
 * A turn's controls, memoised apart from its text: a keystroke renders the text area alone, not
 * antd's Tooltip, Tag and Button beside it (a third of a keystroke's rendering, measured).
 */

const SpeakerTag = memo(function SpeakerTag(props: {
  id: string;
  speaker: Speaker;
  readOnly: boolean;
  act: TurnRowProps['act'];
}) {
  const { id, speaker, readOnly, act } = props;
  return (
    <Tooltip title={readOnly ? undefined : zh.common.edit}>
      <Tag
        color={speaker === 'q' ? 'blue' : 'green'}
        style={{ cursor: readOnly ? undefined : 'pointer', marginTop: 5, fontSize: 15 }}
        onClick={() => act(id, { type: 'speaker' })}
        data-testid="turn-speaker"
      >
        {speaker === 'q' ? t.question : t.answer}：
      </Tag>
    </Tooltip>
  );
});

const RemoveTurn = memo(function RemoveTurn(props: { id: string; act: TurnRowProps['act'] }) {
  const { id, act } = props;
  return (
    <Button
      type="text"
      aria-label={t.removeTurn}
      icon={<DeleteOutlined />}
      onClick={() => act(id, { type: 'remove' })}
    />
  );
});
