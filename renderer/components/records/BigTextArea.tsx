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

/*
 * Growing with the text. A text area sized by its content (CSS field-sizing, or antd's
 * autoSize) makes every keystroke lay out the whole page again, since its height might change:
 * with 200 turns that was most of each keystroke's time (npm run bench -- ui). So the text area
 * being typed into is pinned at its height, which lets Chromium lay out only inside it, and grows
 * when its text no longer fits (a line more, now and then). The others keep sizing by CSS: they
 * do not change while nobody types in them.
 */
function pin(area: HTMLTextAreaElement): void {
  area.style.height = `${area.offsetHeight}px`;
  area.style.fieldSizing = 'fixed';
}

function unpin(area: HTMLTextAreaElement): void {
  area.style.height = '';
  area.style.fieldSizing = '';
}

/** After an edit of a pinned text area: grows it to its text, or fits it again if it shrank. */
function fit(area: HTMLTextAreaElement, shrank: boolean): void {
  if (area.style.fieldSizing !== 'fixed') return;
  if (shrank) {
    unpin(area); // measured by CSS again: a line may have gone
    pin(area);
  } else if (area.scrollHeight > area.clientHeight) {
    const border = area.offsetHeight - area.clientHeight;
    area.style.height = `${area.scrollHeight + border}px`; // max-height still caps it
  }
}

export interface BigTextAreaProps {
  value: string;
  onChange: (value: string) => void;
  ariaLabel: string;
  minRows?: number;
  maxRows?: number;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  ref?: Ref<TextAreaRef>;
  /** Shown, selectable (to cite a passage), never changed. */
  readOnly?: boolean;
}

export function BigTextArea({
  value,
  onChange,
  ariaLabel,
  minRows = 1,
  maxRows = 24,
  onKeyDown,
  ref,
  readOnly = false,
}: BigTextAreaProps) {
  // Where the read-only part ends: moves in steps of FOLD_STEP, so while someone types the
  // editable end keeps its text, and only every thousand characters does some of it fold away.
  const fold =
    value.length > FOLD_AT ? Math.floor((value.length - EDITABLE_TAIL) / FOLD_STEP) * FOLD_STEP : 0;

  const head = value.slice(0, fold);
  const tail = value.slice(fold);

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    if (readOnly) return;
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
          {!readOnly && (
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
          )}
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
        readOnly={readOnly}
        variant={readOnly ? 'filled' : undefined}
        style={{
          fieldSizing: 'content',
          minHeight: `calc(${minRows}lh + 10px)`,
          maxHeight: `calc(${maxRows}lh + 10px)`,
        }}
        onFocus={(e) => pin(e.currentTarget)}
        onBlur={(e) => unpin(e.currentTarget)}
        onChange={(e) => {
          fit(e.currentTarget, e.target.value.length < tail.length);
          onChange(head + e.target.value);
        }}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
