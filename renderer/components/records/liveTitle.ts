/**
 * A record's title as its form changes, for a selector run at every keystroke. titleOf checks
 * the whole record before naming it; with a 200-turn interview that check, at each key typed
 * into a turn, was a good part of the keystroke's time. Here the title is made from the fields
 * the kind's title reads (an interview's: its interviewees), each checked on its own, and made
 * again only when one of those changes. Where one of them does not pass its check, the title is
 * the stored record's, as titleOf would fall back to.
 */
import { ANY_DAY } from '../../../shared/domain/dates';
import { titleOf, type RecordSpec } from '../../../shared/domain/records/common';

type Values = Readonly<Record<string, unknown>>;

export function liveTitle(spec: RecordSpec): (values: Values, record: object) => string {
  const shape: Readonly<Record<string, { safeParse(v: unknown): ParseResult } | undefined>> =
    spec.fields(ANY_DAY).shape;
  let last: { reads: Map<string, unknown>; record: object; title: string } | null = null;
  return (values, record) => {
    if (last && same(last.reads, values)) {
      // Read from the record only when a field failed its check: then the record counts too.
      if (last.record === record || !last.reads.has(FELL_BACK)) return last.title;
    }
    const reads = new Map<string, unknown>();
    let valid = true;
    const fields = new Proxy(
      {},
      {
        get(_, name) {
          if (typeof name !== 'string') return undefined;
          reads.set(name, values[name]);
          const parsed = shape[name]?.safeParse(values[name]);
          if (parsed && !parsed.success) valid = false;
          return parsed?.success ? parsed.data : undefined;
        },
      },
    );
    let title: string | undefined;
    try {
      // The proxy stands for the parsed fields: spec.title only ever reads them.
      title = spec.title(fields);
    } catch {
      valid = false;
    }
    if (!valid || title === undefined) {
      reads.set(FELL_BACK, undefined);
      title = titleOf(spec, record);
    }
    last = { reads, record, title };
    return title;
  };
}

/** A mark among the reads: the title is the record's. */
const FELL_BACK = '\0record';

type ParseResult = { success: true; data: unknown } | { success: false };

function same(reads: ReadonlyMap<string, unknown>, values: Values): boolean {
  for (const [name, value] of reads) if (name !== FELL_BACK && values[name] !== value) return false;
  return true;
}
