import type { Highlight } from '../../../shared/search';

/** Text with its matched ranges marked. */
export function Highlighted({
  text,
  highlights,
}: {
  text: string;
  highlights: readonly Highlight[];
}) {
  const parts = [];
  let at = 0;
  for (const { start, end } of highlights) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
