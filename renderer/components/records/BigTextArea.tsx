/**
 * A text area that stays responsive with megabytes in it.
 *
 * Chromium lays out a textarea's whole text on every keystroke: with 10 MB pasted into one
 * answer, each key took 15 s (measured). So past FOLD_AT characters the text is folded: the
 * start is shown read-only (a preview of its beginning and end) and only the last part stays in
 * the text area, where typing continues. The stored value is always the whole text. A paste
 * that would cross the limit never enters the text area at all: it is spliced in directly.
 */
import type { ClipboardEvent, KeyboardEvent, Ref } from 'react';
import { Button, Input, Popconfirm, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { zh } from '../../../shared/i18n/zh-CN';

export const FOLD_AT = 200_000;
/** How much of a folded text stays editable at its end. */
const EDITABLE_TAIL = 2_000;
const FOLD_STEP = 1_000;
const PREVIEW = 600;

export interface BigTextAreaProps {
  value: string;
  onChange: (value: string) => void;
  ariaLabel: string;
  minRows?: number;
  maxRows?: number;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  ref?: Ref<TextAreaRef>;
}

export function BigTextArea({
  value,
  onChange,
  ariaLabel,
  minRows = 1,
  maxRows = 24,
  onKeyDown,
  ref,
}: BigTextAreaProps) {
  // Where the read-only part ends: moves in steps of FOLD_STEP, so while someone types the
  // editable end keeps its text, and only every thousand characters does some of it fold away.
  const fold =
    value.length > FOLD_AT ? Math.floor((value.length - EDITABLE_TAIL) / FOLD_STEP) * FOLD_STEP : 0;

  const head = value.slice(0, fold);
  const tail = value.slice(fold);

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (tail.length + pasted.length <= FOLD_AT) return; // small enough: let the browser do it
    e.preventDefault();
    const area = e.currentTarget;
    const next = tail.slice(0, area.selectionStart) + pasted + tail.slice(area.selectionEnd);
    onChange(head + next);
  };

  return (
    <div style={{ flex: 1, minWidth: 0 }}>
      {fold > 0 && (
        <div
          data-testid="folded-text"
          style={{
            whiteSpace: 'pre-wrap',
            background: '#fafafa',
            border: '1px dashed #d9d9d9',
            padding: '4px 11px',
            marginBottom: 4,
            maxHeight: 160,
            overflow: 'auto',
          }}
        >
          <Typography.Text type="secondary">{zh.records.folded(fold)}</Typography.Text>{' '}
          <Popconfirm
            title={zh.records.clearFoldedConfirm(fold)}
            okText={zh.common.confirm}
            cancelText={zh.common.cancel}
            onConfirm={() => onChange(tail)}
          >
            <Button size="small" type="link" danger>
              {zh.records.clearFolded}
            </Button>
          </Popconfirm>
          {'\n'}
          {head.slice(0, PREVIEW)}
          {'\n……\n'}
          {head.slice(-PREVIEW)}
        </div>
      )}
      <Input.TextArea
        aria-label={ariaLabel}
        ref={ref}
        value={tail}
        // Grows with its text by CSS, not by antd's autoSize: that measures each keystroke with
        // getComputedStyle, which makes Chromium restyle the whole page first (with 200 turns,
        // most of every keystroke's time, measured).
        style={{
          fieldSizing: 'content',
          minHeight: `calc(${minRows}lh + 10px)`,
          maxHeight: `calc(${maxRows}lh + 10px)`,
        }}
        onChange={(e) => onChange(head + e.target.value)}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
