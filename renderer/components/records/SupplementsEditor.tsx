/**
 * 补充笔录: what corrects or adds to a signed 笔录, each dated the day it was written and kept
 * in the order written (printed after the 笔录). A new one goes after the last, so adding one
 * writes that one only (see order.ts), as a new turn does.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ulid } from 'ulid';
import { chineseDate, localIsoDate } from '../../../shared/domain/dates';
import { positionAfter } from '../../../shared/domain/order';
import type { Supplement } from '../../../shared/domain/records/interview.schema';
import { zh } from '../../../shared/i18n/zh-CN';
import { BigTextArea } from './BigTextArea';

const t = zh.interview;

export function SupplementsEditor(props: {
  supplements: readonly Supplement[];
  onChange: (supplements: Supplement[]) => void;
}) {
  const { supplements, onChange } = props;
  const areas = useRef(new Map<string, HTMLTextAreaElement>());
  const [focusId, setFocusId] = useState<string | null>(null);

  // The one just added, once it is on screen: the caret goes there to write it.
  useEffect(() => {
    const area = focusId ? areas.current.get(focusId) : undefined;
    if (!area) return;
    area.focus();
    setFocusId(null);
  }, [focusId, supplements]);

  const add = () => {
    const supplement: Supplement = {
      id: ulid(),
      pos: positionAfter(supplements.map((s) => s.pos)),
      date: localIsoDate(new Date()),
      text: '',
    };
    onChange([...supplements, supplement]);
    setFocusId(supplement.id);
  };
  const write = (id: string, text: string) =>
    onChange(supplements.map((s) => (s.id === id ? { ...s, text } : s)));

  return (
    <div data-testid="supplements">
      {supplements.map((s) => {
        const title = t.supplementTitle(chineseDate(s.date));
        return (
          <div key={s.id} data-testid="supplement" style={{ marginBottom: 12 }}>
            <Typography.Text strong>{title}</Typography.Text>
            <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginTop: 4 }}>
              <BigTextArea
                ariaLabel={title}
                ref={(ref) => {
                  const area = ref?.resizableTextArea?.textArea;
                  if (area) areas.current.set(s.id, area);
                  else areas.current.delete(s.id);
                }}
                value={s.text}
                minRows={2}
                onChange={(text) => write(s.id, text)}
              />
              {/* Added by mistake: an empty one may go; once written, it stays. */}
              {s.text === '' && (
                <Button
                  type="text"
                  aria-label={zh.common.remove}
                  icon={<DeleteOutlined />}
                  onClick={() => onChange(supplements.filter((x) => x.id !== s.id))}
                />
              )}
            </div>
          </div>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={add}>
        {t.addSupplement}
      </Button>
    </div>
  );
}
