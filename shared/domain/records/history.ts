/**
 * A record's history as people read it: its revisions replayed into numbered versions (第 N 版),
 * each with who, when, what every field held after it, and which fields it changed from what.
 *
 * Revisions store only the values after each write (see revision.ts), so a value "before" is
 * found by replaying: it is what the previous version held.
 */
import { zh } from '../../i18n/zh-CN';
import { formatBytes, safeName } from '../attachment';
import { focusPath } from '../focus';
import { splitPath } from '../collections';
import { META_KEYS, applyPatch, sameValue, type FieldChanges, type MemberId } from '../record';
import { causalOrder, isRedacted, REDACTED, type Revision, type RevisionKind } from '../revision';
import { collectionsOf } from '../tables';
import type { RecordKind } from './common';

/** What a version did: the record's own writes, or a file added to or removed from it. */
export type VersionKind = RevisionKind | 'attach' | 'detach';

/** The pseudo-field of attachment versions; its values are `{ attachment: name, size? }`. */
export const ATTACHMENT_FIELD = 'attachment';

export interface FieldChange {
  readonly field: string;
  /** What the previous version held; undefined when the field is new (创建, 添加附件). */
  readonly before: unknown;
  /** What this version holds; undefined when it is gone (删除附件). */
  readonly after: unknown;
}

export interface Version {
  readonly revisionId: string;
  readonly kind: VersionKind;
  readonly at: string;
  readonly by: MemberId;
  /** 1-based, oldest first: shown as 第 N 版. */
  readonly number: number;
  /** Every field of the record after this version (no metadata). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly changes: readonly FieldChange[];
}

/**
 * Replays a record's revisions, and those of its attachments, oldest first. The record's own
 * revisions go in causal order (revision.ts), never by clock or id: laptop clocks drift, and
 * revisions from other laptops arrive late. A file added or removed appears where this laptop
 * stored it among the record's writes (by the local change sequence).
 */
export function versionsOf(revisions: readonly Revision[]): Version[] {
  const own = causalOrder(revisions.filter((r) => r.table !== 'attachments'));
  const files = [...revisions.filter((r) => r.table === 'attachments')].sort(
    (a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1),
  );
  const ordered: Revision[] = [];
  let seen = 0;
  for (const revision of own) {
    seen = Math.max(seen, revision.seq);
    while (files[0] && files[0].seq < seen) ordered.push(files.shift()!);
    ordered.push(revision);
  }
  ordered.push(...files);

  let values: Readonly<Record<string, unknown>> = {};
  const fileNames = new Map<string, FieldChanges>();
  return ordered.map((revision, index) => {
    const step =
      revision.table === 'attachments'
        ? attachmentStep(revision, values, fileNames)
        : recordStep(revision, values);
    values = step.values;
    return {
      revisionId: revision.id,
      at: revision.at,
      by: revision.by,
      number: index + 1,
      ...step,
    };
  });
}

type Step = Pick<Version, 'kind' | 'values' | 'changes'>;

function recordStep(revision: Revision, previous: Readonly<Record<string, unknown>>): Step {
  if (revision.kind === 'redact') {
    // Values removed from history: named, never shown; what the record holds is unchanged.
    const changes = Object.keys(revision.changes).map((field) => ({
      field,
      before: undefined,
      after: REDACTED,
    }));
    return { kind: 'redact', values: previous, changes };
  }
  const created = revision.kind === 'create';
  const collections = collectionsOf(revision.table);
  const patch = Object.fromEntries(
    Object.entries(revision.changes).filter(([path]) => !META_KEYS.has(path)),
  );
  const values = applyPatch(previous, patch, collections);
  const changes: FieldChange[] = [];
  // One change per field, however many of its elements (turns, tags) the write touched.
  for (const field of new Set(Object.keys(patch).map((path) => splitPath(path)[0]))) {
    const before = created ? undefined : previous[field];
    const after = values[field];
    // A new record lists what was filled in; a folded edit that was typed and undone within
    // one session changed nothing.
    if (created ? isEmpty(after) : sameValue(before, after)) continue;
    changes.push({ field, before, after });
  }
  return { kind: revision.kind, values, changes };
}

/** An attachment's revisions: 添加附件 on create and restore, 删除附件 on delete. */
function attachmentStep(
  revision: Revision,
  previous: Readonly<Record<string, unknown>>,
  files: Map<string, FieldChanges>,
): Step {
  if (revision.kind === 'create') files.set(revision.recordId, revision.changes);
  const facts = files.get(revision.recordId) ?? revision.changes;
  const file = {
    attachment:
      typeof facts.name === 'string'
        ? facts.name
        : typeof facts.attachment === 'string'
          ? facts.attachment
          : '',
    ...(typeof facts.size === 'number' && { size: facts.size }),
  };
  const removed = revision.kind === 'delete';
  return {
    kind: removed ? 'detach' : 'attach',
    values: previous,
    changes: [
      {
        field: ATTACHMENT_FIELD,
        before: removed ? file : undefined,
        after: removed ? undefined : file,
      },
    ],
  };
}

/** What a blank form holds: '', [], false, or only such values inside. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

const FIELD_LABELS: Readonly<Record<RecordKind, Readonly<Record<string, string>>>> = {
  interviews: zh.interview.fields,
  docReviews: zh.docReview.fields,
  siteVisits: zh.siteVisit.fields,
  petitions: zh.petition.fields,
};

const SHARED_LABELS: Readonly<Record<string, string>> = {
  focus: zh.records.focus,
  tags: zh.records.tags,
  [ATTACHMENT_FIELD]: zh.records.attachments,
};

/** Fields that hold one of a fixed set of codes, and the labels of those codes. */
const CHOICE_LABELS: Readonly<
  Partial<Record<RecordKind, Readonly<Record<string, Readonly<Record<string, string>>>>>>
> = {
  interviews: { kind: zh.interview.kinds },
  docReviews: { kind: zh.docReview.kinds },
  petitions: {
    channel: zh.petition.channels,
    category: zh.petition.categories,
    status: zh.petition.statuses,
  },
};

/** `table[key]`, but never an inherited property such as `constructor`. */
function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** Labels too long for a list: the form explains 四不两直, the history only names it. */
const SHORT_LABELS: Readonly<Partial<Record<RecordKind, Readonly<Record<string, string>>>>> = {
  siteVisits: { unannounced: zh.siteVisit.unannouncedTag },
};

export function fieldLabel(kind: RecordKind, field: string): string {
  return (
    own(SHORT_LABELS[kind], field) ??
    own(FIELD_LABELS[kind], field) ??
    own(SHARED_LABELS, field) ??
    field
  );
}

export function versionKindLabel(kind: VersionKind): string {
  const r = zh.records;
  const labels: Record<VersionKind, string> = {
    create: r.historyCreate,
    update: r.historyUpdate,
    delete: r.historyDelete,
    restore: r.historyRestore,
    redact: r.historyRedact,
    attach: r.historyAttach,
    detach: r.historyDetach,
  };
  return labels[kind];
}

export interface DescribeOptions {
  /** Member id → name, so 谈话人, 查阅人… read as names (ids are ULIDs nobody types). */
  readonly names?: ReadonlyMap<string, string>;
  /** Where the value comes from, so codes (谈话类型, 聚焦领域…) read as their labels. */
  readonly kind?: RecordKind;
  readonly field?: string;
}

/** How many characters of a value are shown before "…（共 N 字）". */
export const SHOWN_CHARS = 200;

/** Characters shown before the first difference of a long text. */
const CONTEXT_CHARS = 20;

/** A short text for any field value, for the history list. */
export function describeValue(value: unknown, options: DescribeOptions = {}): string {
  if (isRedacted(value)) return zh.records.historyRedacted;
  if (isEmpty(value) && typeof value !== 'boolean') return zh.records.historyBlank;
  if (typeof value === 'boolean') return value ? zh.records.historyYes : zh.records.historyNo;
  if (typeof value === 'string') return clip([word(value, options)]);
  if (isAttachment(value)) {
    const size = typeof value.size === 'number' ? `（${formatBytes(value.size)}）` : '';
    return clip([safeName(value.attachment) + size]);
  }
  if (Array.isArray(value)) {
    if (value.every(isTurn)) return clip(value.map(turnText), '\n');
    if (value.every(isPerson)) return clip(value.filter((p) => !isEmpty(p)).map(personText), '、');
    return clip(
      value.map((item) => (typeof item === 'string' ? word(item, options) : describeValue(item))),
      '、',
    );
  }
  if (typeof value === 'object' && value !== null) {
    return clip(
      Object.values(value).map((item) => describeValue(item)),
      ' ',
    );
  }
  return clip([String(value)]);
}

/**
 * The two sides of a change, cut to what changed: for long texts the part from just before
 * the first difference, for 谈话内容 only the 问/答 turns that differ. Undefined for a side
 * that does not exist.
 */
export function describeChange(
  change: FieldChange,
  options: Omit<DescribeOptions, 'field'> = {},
): { before?: string; after?: string } {
  const opts = { ...options, field: change.field };
  let { before, after } = change;
  if (typeof before === 'string' && typeof after === 'string') {
    const prefix = commonPrefix(before, after);
    // Short texts and codes are shown whole (and codes by their labels).
    if (prefix + CONTEXT_CHARS > SHOWN_CHARS) {
      const from = prefix - CONTEXT_CHARS;
      return { before: excerpt(before, from), after: excerpt(after, from) };
    }
  }
  if (isTurnList(before) && isTurnList(after)) {
    const b = changedTurns(before, after);
    const a = changedTurns(after, before);
    if (b.length + a.length > 0) [before, after] = [b, a];
  }
  return {
    ...(before !== undefined && { before: describeValue(before, opts) }),
    ...(after !== undefined && { after: describeValue(after, opts) }),
  };
}

function word(code: string, { names, kind, field }: DescribeOptions): string {
  const name = names?.get(code);
  if (name !== undefined) return name;
  if (field === 'focus') return focusPath(code);
  if (kind && field) return own(own(CHOICE_LABELS[kind], field), code) ?? code;
  return code;
}

/** Joins `pieces`, keeping SHOWN_CHARS characters but counting all (pieces may be megabytes). */
function clip(pieces: readonly string[], separator = ''): string {
  let head = '';
  let total = 0;
  pieces.forEach((piece, i) => {
    const part = i === 0 ? piece : separator + piece;
    total += part.length;
    if (head.length <= SHOWN_CHARS) head += part.slice(0, SHOWN_CHARS + 1 - head.length);
  });
  if (total <= SHOWN_CHARS) return head;
  // Never cut an emoji (a surrogate pair) in half.
  const cut = /[\uD800-\uDBFF]$/.test(head.slice(0, SHOWN_CHARS)) ? SHOWN_CHARS - 1 : SHOWN_CHARS;
  return head.slice(0, cut) + zh.records.historyTruncated(total);
}

/** `text` from `from` on, which is inside it: "…" + SHOWN_CHARS characters + "…（共 N 字）". */
function excerpt(text: string, from: number): string {
  const shown = text.slice(from, from + SHOWN_CHARS);
  const rest = from + SHOWN_CHARS < text.length ? zh.records.historyTruncated(text.length) : '';
  return `…${shown}${rest}`;
}

function commonPrefix(a: string, b: string): number {
  const shortest = Math.min(a.length, b.length);
  let i = 0;
  while (i < shortest && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

interface TurnLike {
  readonly id?: unknown;
  readonly speaker: unknown;
  readonly text: unknown;
}

function isTurn(value: unknown): value is TurnLike {
  return typeof value === 'object' && value !== null && 'speaker' in value && 'text' in value;
}

function isTurnList(value: unknown): value is readonly TurnLike[] {
  return Array.isArray(value) && value.length > 0 && value.every(isTurn);
}

function turnText(turn: TurnLike): string {
  const who = turn.speaker === 'q' ? zh.interview.question : zh.interview.answer;
  return `${who}：${typeof turn.text === 'string' ? turn.text : ''}`;
}

/** The turns of `list` that `other` does not hold unchanged (turns keep their id when edited). */
function changedTurns(list: readonly TurnLike[], other: readonly TurnLike[]): TurnLike[] {
  const byId = new Map(other.map((t) => [t.id, t]));
  return list.filter((t) => !sameValue(byId.get(t.id), t));
}

interface PersonLike {
  readonly name: unknown;
  readonly unit?: unknown;
  readonly title?: unknown;
}

function isPerson(value: unknown): value is PersonLike {
  return typeof value === 'object' && value !== null && 'name' in value && !('speaker' in value);
}

/** 张三（某县教育局 局长）, as the interview's title reads. */
function personText(person: PersonLike): string {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const role = [text(person.unit), text(person.title)].filter(Boolean).join(' ');
  const name = text(person.name);
  if (!name) return role;
  return role ? `${name}（${role}）` : name;
}

function isAttachment(value: unknown): value is { attachment: string; size?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { attachment?: unknown }).attachment === 'string'
  );
}
