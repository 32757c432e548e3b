import { Button, DatePicker, Input, Select, Space, TreeSelect } from 'antd';
import { FOCUS_TREE, type FocusNode } from '../../../shared/domain/focus';
import type { RecordKind } from '../../../shared/domain/records';
import { tagsIn, type RecordFilter } from '../../../shared/domain/records/filter';
import type { RecordSummary } from '../../../shared/domain/records/summary';
import { zh } from '../../../shared/i18n/zh-CN';
import { useMembers } from '../../hooks/members';
import { fromIso, toIso } from '../dateValue';
import { SUB_KIND_LABELS } from './titles';

const f = zh.records.filters;

const focusTree = (nodes: readonly FocusNode[]): object[] =>
  nodes.map((n) => ({
    value: n.code,
    title: n.short,
    children: n.children && focusTree(n.children),
  }));

/** The filter bar above a record list: title, dates, member, type, tag. */
export function RecordFilters(props: {
  caseId: string;
  kind: RecordKind;
  rows: readonly RecordSummary[];
  filter: RecordFilter;
  onChange: (filter: RecordFilter) => void;
}) {
  const { filter, onChange } = props;
  const members = useMembers(props.caseId) ?? [];
  const set = (patch: Partial<RecordFilter>) => onChange({ ...filter, ...patch });
  const subKinds = Object.entries(SUB_KIND_LABELS[props.kind]).filter(([, label]) => label);
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Input.Search
        aria-label={f.search}
        placeholder={f.search}
        allowClear
        value={filter.text ?? ''}
        onChange={(e) => set({ text: e.target.value })}
        style={{ width: 200 }}
      />
      <DatePicker.RangePicker
        placeholder={[f.from, f.to]}
        value={[fromIso(filter.from) ?? null, fromIso(filter.to) ?? null]}
        onChange={(range) => set({ from: toIso(range?.[0]), to: toIso(range?.[1]) })}
        allowEmpty={[true, true]}
      />
      <Select
        aria-label={f.member}
        placeholder={f.member}
        allowClear
        value={filter.member}
        options={members.map((m) => ({ value: m.id, label: m.name }))}
        onChange={(member?: string) => set({ member })}
        style={{ width: 120 }}
      />
      {subKinds.length > 0 && (
        <Select
          aria-label={f.kind}
          placeholder={f.kind}
          allowClear
          value={filter.subKind}
          options={subKinds.map(([value, label]) => ({ value, label }))}
          onChange={(subKind?: string) => set({ subKind })}
          style={{ width: 130 }}
        />
      )}
      <Select
        aria-label={f.tag}
        placeholder={f.tag}
        allowClear
        showSearch
        value={filter.tag}
        options={tagsIn(props.rows).map((t) => ({ value: t, label: t }))}
        onChange={(tag?: string) => set({ tag })}
        style={{ width: 140 }}
      />
      <TreeSelect
        aria-label={f.focus}
        placeholder={f.focus}
        allowClear
        virtual={false}
        treeDefaultExpandAll
        value={filter.focus}
        treeData={focusTree(FOCUS_TREE)}
        onChange={(focus?: string) => set({ focus })}
        popupMatchSelectWidth={360}
        style={{ width: 160 }}
      />
      <Button onClick={() => onChange({})}>{f.clear}</Button>
    </Space>
  );
}
