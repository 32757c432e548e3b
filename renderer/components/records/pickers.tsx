/** The inputs record forms share: members of the team, focus areas, free tags, dates, times. */
import { DatePicker, Select, TimePicker, TreeSelect } from 'antd';
import { useMemo } from 'react';
import dayjs from 'dayjs';
import { FOCUS_TREE, type FocusNode } from '../../../shared/domain/focus';
import { zh } from '../../../shared/i18n/zh-CN';
import { useEveryone } from '../../hooks/members';
import { fromIso, toIso } from '../dateValue';

/** Team members by name; members removed from the team still show on records that name them. */
export function MemberPicker(props: {
  caseId: string;
  value: string | readonly string[];
  multiple?: boolean;
  onChange: (value: string | string[]) => void;
  ariaLabel: string;
  /** Unset: as the form around it. */
  disabled?: boolean;
}) {
  const everyone = useEveryone(props.caseId) ?? [];
  const shown = new Set(Array.isArray(props.value) ? props.value : [props.value]);
  const options = everyone
    .filter((m) => !m.deleted || shown.has(m.id))
    .map((m) => ({ value: m.id, label: `${m.name}（${zh.member.roles[m.role]}）` }));
  return (
    <Select
      aria-label={props.ariaLabel}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.value === '' ? undefined : (props.value as string | string[])}
      options={options}
      showSearch={{ optionFilterProp: 'label' }} // typed 王芳 finds 王芳, not an internal id
      onChange={(v: string | string[]) => props.onChange(v ?? (props.multiple ? [] : ''))}
      allowClear={!props.multiple}
      disabled={props.disabled}
      style={{ width: '100%' }}
    />
  );
}

const treeData = (nodes: readonly FocusNode[]): object[] =>
  nodes.map((n) => ({
    value: n.code,
    title: n.label,
    children: n.children ? treeData(n.children) : undefined,
  }));
/** Built once: a new tree at every keystroke elsewhere in the form made TreeSelect redo it. */
const FOCUS_TREE_DATA = treeData(FOCUS_TREE);

export function FocusPicker(props: { value: readonly string[]; onChange: (v: string[]) => void }) {
  return (
    <TreeSelect
      aria-label={zh.records.focus}
      multiple
      treeDefaultExpandAll
      virtual={false} // 30 items: render them all, so every item is reachable by keyboard and tests
      value={[...props.value]}
      treeData={FOCUS_TREE_DATA}
      placeholder={zh.records.focusPlaceholder}
      onChange={(v: string[]) => props.onChange(v)}
      style={{ width: '100%' }}
    />
  );
}

export function TagsPicker(props: { value: readonly string[]; onChange: (v: string[]) => void }) {
  return (
    <Select
      aria-label={zh.records.tags}
      mode="tags"
      value={[...props.value]}
      placeholder={zh.records.tagsPlaceholder}
      onChange={(v: string[]) => props.onChange(v)}
      tokenSeparators={[',', '，', '、']}
      style={{ width: '100%' }}
    />
  );
}

/**
 * The value objects are memoised by their text: antd's pickers treat a new dayjs object as a new
 * value and reset what the user is typing, and autosave re-renders the form while they type.
 */
interface PickerProps {
  value: string;
  label: string;
  onChange: (v: string) => void;
  /** Unset: as the form around it. */
  disabled?: boolean;
}

export function DateInput(props: PickerProps) {
  return (
    <DatePicker
      aria-label={props.label}
      placeholder={props.label}
      disabled={props.disabled}
      value={useMemo(() => fromIso(props.value) ?? null, [props.value])}
      onChange={(d) => props.onChange(toIso(d))}
      style={{ width: '100%' }}
    />
  );
}

export function TimeInput(props: PickerProps) {
  return (
    <TimePicker
      aria-label={props.label}
      placeholder={props.label}
      disabled={props.disabled}
      format="HH:mm"
      needConfirm={false}
      value={useMemo(
        () => (props.value ? dayjs(`2000-01-01T${props.value}`) : null),
        [props.value],
      )}
      onChange={(t) => props.onChange(t ? t.format('HH:mm') : '')}
      style={{ width: '100%' }}
    />
  );
}
