import { Fragment, useState, type CSSProperties, type ReactNode } from 'react';
import { Button, Flex, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { RecordKind } from '../../shared/domain/records';
import {
  describeChange,
  describeValue,
  fieldLabel,
  versionKindLabel,
  type DescribeOptions,
  type FieldChange,
  type Version,
} from '../../shared/domain/records/history';
import { zh } from '../../shared/i18n/zh-CN';

/** One version: 第 N 版, what it did, who and when, what changed; all its values on demand. */
export function HistoryEntry(props: {
  kind: RecordKind;
  version: Version;
  names: ReadonlyMap<string, string>;
}) {
  const { kind, version, names } = props;
  const [expanded, setExpanded] = useState(false);
  const who = names.get(version.by) ?? zh.records.historyUnknownMember;
  const when = dayjs(version.at).format('YYYY-MM-DD HH:mm:ss');
  const title = zh.records.historyVersion(version.number);
  const options: DescribeOptions = { names, kind };

  return (
    <article data-testid="history-entry" aria-label={title}>
      <Flex gap={8} align="baseline" wrap>
        <Typography.Text strong>{title}</Typography.Text>
        <Tag>{versionKindLabel(version.kind)}</Tag>
        <Typography.Text type="secondary">{zh.records.historyBy(who, when)}</Typography.Text>
      </Flex>
      {version.changes.length > 0 && (
        <dl style={fields} aria-label={zh.records.historyChangedFields}>
          {version.changes.map((change) => (
            <ChangeRow key={change.field} label={fieldLabel(kind, change.field)}>
              <ChangeText change={change} options={options} />
            </ChangeRow>
          ))}
        </dl>
      )}
      <Button
        type="link"
        size="small"
        style={{ paddingInline: 0 }}
        aria-expanded={expanded}
        onClick={() => setExpanded((shown) => !shown)}
      >
        {expanded ? zh.records.historyHide : zh.records.historyView}
      </Button>
      {expanded && (
        <dl style={fields} aria-label={zh.records.historyValues}>
          {Object.entries(version.values).map(([field, value]) => (
            <ChangeRow key={field} label={fieldLabel(kind, field)}>
              {describeValue(value, { ...options, field })}
            </ChangeRow>
          ))}
        </dl>
      )}
    </article>
  );
}

/** before → after, the old value struck through; one side only for 创建 and attachments. */
function ChangeText({ change, options }: { change: FieldChange; options: DescribeOptions }) {
  const { before, after } = describeChange(change, options);
  return (
    <>
      {before !== undefined && (
        <Typography.Text delete type="secondary">
          {before}
        </Typography.Text>
      )}
      {before !== undefined && after !== undefined && ' → '}
      {after !== undefined && <Typography.Text>{after}</Typography.Text>}
    </>
  );
}

function ChangeRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Fragment>
      <dt>
        <Typography.Text type="secondary">{label}</Typography.Text>
      </dt>
      <dd style={value}>{children}</dd>
    </Fragment>
  );
}

// One grid per list, so every value starts where the longest label ends.
const fields: CSSProperties = {
  margin: '8px 0 0',
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  gap: '6px 12px',
};
// Values keep their line breaks (问/答 turns) and long unbroken texts wrap.
const value: CSSProperties = { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' };
