import { useLayoutEffect, useRef } from 'react';
import { Input, Select } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { zh } from '../../../shared/i18n/zh-CN';
import { useCase } from '../../hooks/cases';
import { lengthLimit } from '../lengthLimit';

const t = zh.finding;

/**
 * `text` with `entry` put in place of the characters `from`..`to`, and where the caret goes.
 * Added at the end of a written text it starts a line of its own: two rules run together would
 * read as one. In the middle of a sentence (上述问题违反了…的规定) it goes just where the caret is.
 */
function insertInto(text: string, entry: string, from: number, to: number) {
  const before = text.slice(0, from);
  const atEnd = to === text.length && before.trim() !== '' && !before.endsWith('\n');
  const put = atEnd && /[。；;.]\s*$/.test(before) ? `\n${entry}` : entry;
  return { text: before + put + text.slice(to), caret: from + put.length };
}

/**
 * 定性依据: free text, and the rules the case keeps (its basisList) to insert one from, where
 * the caret was left in the text (at its end if it never was in it).
 */
export function BasisInput(props: {
  caseId: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { value, onChange } = props;
  const list = useCase(props.caseId)?.basisList ?? [];
  const ref = useRef<TextAreaRef>(null);
  /** Where the caret (or selection) was last left in the text; null: never put there. */
  const left = useRef<readonly [number, number] | null>(null);
  const caret = useRef<number | null>(null);

  // After an insertion: back in the text, just after what was inserted, to go on typing.
  useLayoutEffect(() => {
    const area = ref.current?.resizableTextArea?.textArea;
    if (caret.current === null || !area) return;
    area.focus();
    area.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const insert = (entry: string) => {
    const [from, to] = left.current ?? [value.length, value.length];
    const next = insertInto(value, entry, from, to);
    caret.current = next.caret;
    onChange(next.text);
  };

  return (
    <>
      <Input.TextArea
        aria-label={t.fields.basis}
        ref={ref}
        value={value}
        count={lengthLimit(5000)}
        autoSize={{ minRows: 2, maxRows: 10 }}
        onChange={(e) => onChange(e.target.value)}
        onSelect={(e) => {
          const { selectionStart, selectionEnd } = e.currentTarget;
          left.current = [selectionStart, selectionEnd];
        }}
      />
      {list.length > 0 && (
        <Select
          aria-label={t.insertBasis}
          placeholder={t.insertBasis}
          value={null}
          showSearch={{ optionFilterProp: 'label' }}
          options={list.map((entry) => ({ value: entry, label: entry }))}
          onChange={(entry: string) => insert(entry)}
          style={{ width: '100%', marginTop: 8 }}
        />
      )}
    </>
  );
}
